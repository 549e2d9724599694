package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** EnableKey. */
final class EnableKeyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        return KeyEnablement.set(call, kms, KeyState.ENABLED);
    }
}
