package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** GenerateRandom: 1 to 1024 random bytes; IAM-only authorization. */
final class GenerateRandomHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        Integer n = p.integer("NumberOfBytes", 1, 1024, false);
        String customKeyStoreId = p.string("CustomKeyStoreId", 1, 64, false);
        p.validate();
        // optional in the model, required by the service, with its own message
        if (n == null) throw new KmsException.Validation("NumberOfBytes is required.");
        SymmetricCrypto.noRecipient(p);
        kms.authorize(call, null, null);
        if (customKeyStoreId != null)
            throw new KmsException.CustomKeyStoreNotFound("Custom key store " + customKeyStoreId
                    + " does not exist (this server has no custom key stores)");
        byte[] bytes = new byte[n];
        kms.random.nextBytes(bytes);
        return Json.object().put("Plaintext", Json.blob(bytes));
    }
}
