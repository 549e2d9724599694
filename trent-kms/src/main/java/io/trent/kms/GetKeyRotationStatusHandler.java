package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * GetKeyRotationStatus: false for keys that cannot rotate, and for keys pending deletion (whose schedule is kept
 * and shows again if the deletion is cancelled). OnDemandRotationStartDate is never sent: an on-demand rotation
 * here is complete when RotateKeyOnDemand returns, so none is ever in progress.
 */
final class GetKeyRotationStatusHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        String keyId = call.params().keyId("KeyId", true);
        call.params().validate();
        LoadedKey key = kms.authorizedKey(call, keyId);
        KeyRecord k = key.record();
        RotationSchedule schedule = Rotation.rotatable(k) && k.state() != KeyState.PENDING_DELETION
                ? kms.store.read(r -> r.rotation(k.arn())) : null;
        ObjectNode out = Json.object().put("KeyRotationEnabled", schedule != null).put("KeyId", k.arn());
        if (schedule != null)
            out.put("RotationPeriodInDays", schedule.periodInDays())
                    .set("NextRotationDate", Json.timestamp(schedule.nextRotationDate()));
        return out;
    }
}
