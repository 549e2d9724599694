package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Encrypt: up to 4096 bytes under a symmetric encryption key, bound to the encryption context, or a short
 * plaintext under an RSA encryption key with RSAES-OAEP (no context).
 */
final class EncryptHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        byte[] plaintext = p.blob("Plaintext", 1, SymmetricCrypto.MAX_PLAINTEXT, true);
        Map<String, String> context = EncryptionContext.read(p, "EncryptionContext");
        List<String> tokens = GrantTokens.read(p);
        String algorithm = p.enumValue("EncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        EncryptionContext.checkSize(context, "EncryptionContext");
        GrantTokens.check(tokens);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.requireEnabled(key.record());
        String effective = SymmetricCrypto.checkEncryptionKey(key, algorithm, call.operation());
        RsaEncryption.checkNoContext(key, context, "EncryptionContext");
        if (!key.record().keySpec().isSymmetricEncryption())
            RsaEncryption.checkPlaintext(key, effective, plaintext.length);
        Kms.dryRun(dryRun);
        byte[] blob = SymmetricCrypto.encrypt(kms, key, effective, plaintext, context);
        return Json.object().put("CiphertextBlob", Json.blob(blob)).put("KeyId", key.arn())
                .put("EncryptionAlgorithm", effective);
    }
}
