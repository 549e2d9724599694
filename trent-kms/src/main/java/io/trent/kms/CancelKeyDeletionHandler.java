package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CancelKeyDeletion: a key pending deletion becomes Disabled, or PendingImport again when it never received
 * material (origin EXTERNAL).
 */
final class CancelKeyDeletionHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        String keyId = call.params().keyId("KeyId", true);
        call.params().validate();
        LoadedKey key = kms.authorizedKey(call, keyId);
        kms.updateKey(key.arn(), (w, k) -> {
            if (k.state() != KeyState.PENDING_DELETION)
                throw new KmsException.InvalidState(k.arn() + " is not pending deletion.");
            boolean awaitingImport = k.origin().equals("EXTERNAL");
            w.updateKey(k.withState(awaitingImport ? KeyState.PENDING_IMPORT : KeyState.DISABLED, null, null));
            return null;
        });
        return Json.object().put("KeyId", key.arn());
    }
}
