package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** ListKeyPolicies: always the one policy name "default". */
final class ListKeyPoliciesHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        LoadedKey key = kms.resolve(call, "KeyId");
        Paging paging = Paging.read(call.params(), 1);
        kms.authorize(call, key, null);
        boolean first = paging.after(0) == null;
        ObjectNode out = Json.object().set("PolicyNames",
                Json.strings(first ? List.of(GetKeyPolicyHandler.DEFAULT) : List.of()));
        Paging.finish(out, false);
        return out;
    }
}
