package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** GenerateDataKey. */
final class GenerateDataKeyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        return DataKeys.generate(call, kms, true);
    }
}
