package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** RotateKeyOnDemand: a new material version at once; the automatic schedule, if any, is unchanged. */
final class RotateKeyOnDemandHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        String keyId = call.params().keyId("KeyId", true);
        call.params().validate();
        LoadedKey key = kms.authorizedKey(call, keyId);
        Instant now = kms.now();
        kms.updateKey(key.arn(), (w, k) -> {
            Rotation.requireRotatable(k, call.operation());
            Kms.requireEnabled(k);
            List<KeyMaterial> materials = w.materials(k.arn());
            if (Rotation.onDemandCount(materials) >= Rotation.MAX_ON_DEMAND)
                throw new KmsException.LimitExceeded(k.arn() + " has reached the limit of " + Rotation.MAX_ON_DEMAND
                        + " on-demand rotations.");
            Rotation.addVersion(kms, w, k, materials.size() + 1, KeyMaterial.RotationType.ON_DEMAND, now);
            return null;
        });
        return Json.object().put("KeyId", key.arn());
    }
}
