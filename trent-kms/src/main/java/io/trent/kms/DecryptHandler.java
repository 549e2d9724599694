package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Map;

/**
 * Decrypt: the key is the one named by KeyId or, without it, the one the ciphertext records. Authorization uses
 * the request's context; a context that does not match the ciphertext is InvalidCiphertextException afterwards.
 */
final class DecryptHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        byte[] blob = p.blob("CiphertextBlob", 1, SymmetricCrypto.MAX_CIPHERTEXT, true);
        Map<String, String> context = EncryptionContext.read(p, "EncryptionContext");
        String algorithm = p.enumValue("EncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        SymmetricCrypto.checkCommon(p);
        LoadedKey key = SymmetricCrypto.sourceKey(call, kms, "KeyId", blob);
        kms.authorize(call, key, null);
        Kms.requireEnabled(key.record());
        SymmetricCrypto.checkEncryptionKey(key, algorithm);
        Kms.dryRun(call);
        byte[] plaintext = SymmetricCrypto.decrypt(key, blob, context);
        try {
            return Json.object().put("KeyId", key.arn()).put("Plaintext", Json.blob(plaintext))
                    .put("EncryptionAlgorithm", SymmetricCrypto.SYMMETRIC_DEFAULT);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
