package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** RevokeGrant: ordinary key-policy authorization on the key; grant tokens are not accepted. */
final class RevokeGrantHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        LoadedKey key = kms.resolve(call, "KeyId");
        String grantId = call.params().string("GrantId", 1, 128, true);
        if (!GrantTokens.isGrantId(grantId)) throw new KmsException.InvalidGrantId("Invalid grant ID " + grantId);
        kms.authorize(call, key, null);
        Kms.dryRun(call);
        kms.updateKey(key.arn(), (w, k) -> {
            if (w.grant(k.arn(), grantId) == null) throw RetireGrantHandler.grantNotFound(grantId);
            w.deleteGrant(k.arn(), grantId);
            return null;
        });
        return Json.object();
    }
}
