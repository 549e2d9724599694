package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** DisableKeyRotation: on-demand rotation stays available. */
final class DisableKeyRotationHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        String keyId = call.params().keyId("KeyId", true);
        call.params().validate();
        LoadedKey key = kms.authorizedKey(call, keyId);
        kms.updateKey(key.arn(), (w, k) -> {
            Rotation.requireRotatable(k, call.operation());
            Kms.requireEnabled(k);
            w.deleteRotation(k.arn());
            return null;
        });
        return Json.object();
    }
}
