package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** DisableKey. */
final class DisableKeyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        return KeyEnablement.set(call, kms, KeyState.DISABLED);
    }
}
