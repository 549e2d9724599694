package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** GenerateDataKeyWithoutPlaintext. */
final class GenerateDataKeyWithoutPlaintextHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        return DataKeys.generate(call, kms, false);
    }
}
