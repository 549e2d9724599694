package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** GenerateDataKeyPairWithoutPlaintext. */
final class GenerateDataKeyPairWithoutPlaintextHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        return DataKeyPairs.generate(call, kms, false);
    }
}
