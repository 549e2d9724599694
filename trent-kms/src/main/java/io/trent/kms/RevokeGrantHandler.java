package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** RevokeGrant: ordinary key-policy authorization on the key; grant tokens are not accepted. */
final class RevokeGrantHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        String grantId = p.string("GrantId", 1, 128, true);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        if (!GrantTokens.isGrantId(grantId)) throw new KmsException.InvalidGrantId("Invalid grant ID " + grantId);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.dryRun(dryRun);
        kms.updateKey(key.arn(), (w, k) -> {
            if (w.grant(k.arn(), grantId) == null) throw RetireGrantHandler.grantNotFound(grantId);
            w.deleteGrant(k.arn(), grantId);
            return null;
        });
        return Json.object();
    }
}
