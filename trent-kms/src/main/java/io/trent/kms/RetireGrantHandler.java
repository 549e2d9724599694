package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.authz.Grant;

/**
 * RetireGrant: the grant is named by its token, or by KeyId and GrantId. The grant itself decides who may retire
 * it (§9.5); authorization sees the request with the resolved KeyId (key ARN) and GrantId.
 */
final class RetireGrantHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String token = p.string("GrantToken", 1, 8192, false);
        String keyId = p.keyId("KeyId", false);
        String grantId = p.string("GrantId", 1, 128, false);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        LoadedKey key;
        if (token != null) {
            GrantTokens.Decoded d = GrantTokens.decode(token);
            // a token is valid in the Region of its key only, like the key itself
            key = Kms.inScope(KeyIds.parseArn(d.keyArn()), call.scope()) ? kms.loaded(d.keyArn()) : null;
            grantId = d.grantId();
            if (key == null || find(key, grantId) == null)
                throw new KmsException.InvalidGrantToken("The grant token does not identify an existing grant");
        } else if (keyId != null && grantId != null) {
            if (!GrantTokens.isGrantId(grantId)) throw new KmsException.InvalidGrantId("Invalid grant ID " + grantId);
            key = kms.resolve(keyId, call.scope());
            if (find(key, grantId) == null) throw grantNotFound(grantId);
        } else {
            throw new KmsException.Validation("Specify either GrantToken, or both KeyId and GrantId");
        }
        ObjectNode parameters = p.body().deepCopy();
        parameters.put("KeyId", key.arn()).put("GrantId", grantId);
        kms.authorize(call, parameters, key.view(), null);
        Kms.dryRun(dryRun);
        String id = grantId;
        kms.updateKey(key.arn(), (w, k) -> {
            if (w.grant(k.arn(), id) == null) throw grantNotFound(id);
            w.deleteGrant(k.arn(), id);
            return null;
        });
        return Json.object();
    }

    static Grant find(LoadedKey key, String grantId) {
        for (Grant g : key.view().grants()) if (g.grantId().equals(grantId)) return g;
        return null;
    }

    static KmsException.NotFound grantNotFound(String grantId) {
        return new KmsException.NotFound("Grant ID " + grantId + " not found");
    }
}
