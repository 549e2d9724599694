package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** ScheduleKeyDeletion: a waiting period of 7 to 30 days (default 30), after which the key is purged. */
final class ScheduleKeyDeletionHandler implements Operation {
    static final int MIN_DAYS = 7, MAX_DAYS = 30, DEFAULT_DAYS = 30;

    @Override
    public JsonNode run(Call call, Kms kms) {
        LoadedKey key = kms.resolve(call, "KeyId");
        Integer days = call.params().integer("PendingWindowInDays", MIN_DAYS, MAX_DAYS, false);
        int window = days == null ? DEFAULT_DAYS : days;
        kms.authorize(call, key, null);
        Instant deletion = kms.now().plus(window, ChronoUnit.DAYS);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            w.updateKey(k.withState(KeyState.PENDING_DELETION, deletion, window));
            return null;
        });
        return Json.object().put("KeyId", key.arn()).<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "DeletionDate", Json.timestamp(deletion))
                .put("KeyState", KeyState.PENDING_DELETION.awsName()).put("PendingWindowInDays", window);
    }
}
