package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** UpdateKeyDescription: not on keys pending deletion. */
final class UpdateKeyDescriptionHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        String description = p.string("Description", 0, 8192, true);
        p.validate();
        LoadedKey key = kms.authorizedKey(call, keyId);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            w.updateKey(k.withDescription(description));
            return null;
        });
        return Json.object();
    }
}
