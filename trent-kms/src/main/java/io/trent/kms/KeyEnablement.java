package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** What EnableKey and DisableKey share: neither applies to keys pending deletion or import. */
final class KeyEnablement {
    private KeyEnablement() {}

    static JsonNode set(Call call, Kms kms, KeyState target) {
        String keyId = call.params().keyId("KeyId", true);
        call.params().validate();
        LoadedKey key = kms.authorizedKey(call, keyId);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            if (k.state() == KeyState.PENDING_IMPORT)
                throw new KmsException.InvalidState(k.arn() + " is pending import.");
            if (k.state() != target) w.updateKey(k.withState(target, null, null));
            return null;
        });
        return Json.object();
    }
}
