package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** ListKeyPolicies: always the one policy name "default" (so never truncated, and no marker is ever valid). */
final class ListKeyPoliciesHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        Paging.Request request = Paging.read(p, 1, 100, 1000);
        p.validate();
        Paging paging = request.open();
        kms.authorizedKey(call, keyId);
        ObjectNode out = Json.object().set("PolicyNames",
                Json.strings(paging.after(0) == null ? List.of(GetKeyPolicyHandler.DEFAULT) : List.of()));
        Paging.finish(out, false);
        return out;
    }
}
