package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.authz.Grant;

/** ListGrants: the key's grants by grant id, optionally one grant id or one grantee; any key state. */
final class ListGrantsHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        Paging.Request request = Paging.read(p, 1, 50, 100);
        String keyId = p.keyId("KeyId", true);
        String grantId = p.string("GrantId", 1, 128, false);
        String grantee = p.string("GranteePrincipal", 1, 256, Params.PRINCIPAL_ID, false);
        p.validate();
        Paging paging = request.open();
        if (grantId != null && !GrantTokens.isGrantId(grantId))
            throw new KmsException.InvalidGrantId("Invalid grant ID " + grantId);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Page<Grant> page = kms.store.read(r -> r.grants(key.arn(), grantId, grantee, paging.after(0), paging.limit()));
        ArrayNode grants = Json.array();
        String partition = Grants.partitionOf(key.arn());
        for (Grant g : page.items()) grants.add(Grants.render(g, partition));
        ObjectNode out = Json.object().set("Grants", grants);
        Paging.finish(out, page.truncated(), page.last() == null ? "" : page.last().grantId());
        return out;
    }
}
