package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * EnableKeyRotation: the first automatic rotation is RotationPeriodInDays (default 365) after rotation is enabled.
 * Changing the period of a key that already rotates moves the next date by the difference, so the schedule keeps
 * counting from its last rotation (or from when rotation was enabled).
 */
final class EnableKeyRotationHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        Integer period = p.integer("RotationPeriodInDays", Rotation.MIN_PERIOD_DAYS, Rotation.MAX_PERIOD_DAYS, false);
        p.validate();
        int days = period == null ? Rotation.DEFAULT_PERIOD_DAYS : period;
        LoadedKey key = kms.authorizedKey(call, keyId);
        Instant now = kms.now();
        kms.updateKey(key.arn(), (w, k) -> {
            Rotation.requireRotatable(k, call.operation());
            Kms.requireEnabled(k);
            RotationSchedule current = w.rotation(k.arn());
            Instant next = current == null ? Rotation.after(now, days)
                    : Rotation.after(current.nextRotationDate(), days - current.periodInDays());
            w.putRotation(new RotationSchedule(k.arn(), days, next));
            return null;
        });
        return Json.object();
    }
}
