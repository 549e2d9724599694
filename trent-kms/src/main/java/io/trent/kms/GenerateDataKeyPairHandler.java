package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** GenerateDataKeyPair. */
final class GenerateDataKeyPairHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        return DataKeyPairs.generate(call, kms, true);
    }
}
