package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * ScheduleKeyDeletion: a waiting period of 7 to 30 days (default 30), after which the key is purged. The model
 * allows 1 to 365; the service itself refuses what is outside 7 to 30.
 */
final class ScheduleKeyDeletionHandler implements Operation {
    static final int MIN_DAYS = 7, MAX_DAYS = 30, DEFAULT_DAYS = 30;

    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        Integer days = p.integer("PendingWindowInDays", 1, 365, false);
        p.validate();
        if (days != null && (days < MIN_DAYS || days > MAX_DAYS))
            throw new KmsException.Validation("PendingWindowInDays must be between " + MIN_DAYS + " and " + MAX_DAYS);
        int window = days == null ? DEFAULT_DAYS : days;
        LoadedKey key = kms.authorizedKey(call, keyId);
        Instant deletion = kms.now().plus(window, ChronoUnit.DAYS);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            w.updateKey(k.withState(KeyState.PENDING_DELETION, deletion, window));
            return null;
        });
        return Json.object().put("KeyId", key.arn()).<ObjectNode>set("DeletionDate", Json.timestamp(deletion))
                .put("KeyState", KeyState.PENDING_DELETION.awsName()).put("PendingWindowInDays", window);
    }
}
