package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Encrypt: up to 4096 bytes under a symmetric encryption key, bound to the encryption context. */
final class EncryptHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        LoadedKey key = kms.resolve(call, "KeyId");
        byte[] plaintext = p.blob("Plaintext", 1, 4096, true);
        Map<String, String> context = EncryptionContext.read(p, "EncryptionContext");
        String algorithm = p.enumValue("EncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        GrantTokens.check(p);
        kms.authorize(call, key, null);
        Kms.requireEnabled(key.record());
        SymmetricCrypto.checkEncryptionKey(key, algorithm);
        Kms.dryRun(call);
        byte[] blob = SymmetricCrypto.encrypt(kms, key, plaintext, context);
        return Json.object().put("CiphertextBlob", Json.blob(blob)).put("KeyId", key.arn())
                .put("EncryptionAlgorithm", SymmetricCrypto.SYMMETRIC_DEFAULT);
    }
}
