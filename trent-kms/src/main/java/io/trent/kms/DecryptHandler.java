package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decrypt: the key is the one named by KeyId or, without it, the one the ciphertext records (RSA ciphertexts
 * record nothing, so they need the KeyId and their EncryptionAlgorithm). Authorization uses the request's context;
 * a context that does not match the ciphertext is InvalidCiphertextException afterwards.
 * A dry run decrypts too (and discards the result) unless DryRunModifiers says IGNORE_CIPHERTEXT.
 */
final class DecryptHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        SymmetricCrypto.Source source = SymmetricCrypto.source(p, "KeyId");
        Map<String, String> context = EncryptionContext.read(p, "EncryptionContext");
        List<String> tokens = GrantTokens.read(p);
        String algorithm = p.enumValue("EncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        boolean dryRun = p.bool("DryRun");
        SymmetricCrypto.readDryRunModifiers(p);
        p.validate();
        EncryptionContext.checkSize(context, "EncryptionContext");
        GrantTokens.check(tokens);
        SymmetricCrypto.noRecipient(p);
        LoadedKey key = SymmetricCrypto.sourceKey(call, kms, source);
        kms.authorize(call, key, null);
        Kms.requireEnabled(key.record());
        SymmetricCrypto.checkSourceKey(key, source);
        String effective = SymmetricCrypto.checkEncryptionKey(key, algorithm, call.operation());
        RsaEncryption.checkNoContext(key, context, "EncryptionContext");
        if (source.ignoreCiphertext()) Kms.dryRun(true); // a dry run of the authorization only
        SymmetricCrypto.Decrypted d = SymmetricCrypto.decrypt(key, effective, source, context);
        try {
            Kms.dryRun(dryRun);
            ObjectNode out = Json.object().put("KeyId", key.arn()).put("Plaintext", Json.blob(d.plaintext()))
                    .put("EncryptionAlgorithm", effective);
            if (d.materialId() != null) out.put("KeyMaterialId", d.materialId());
            return out;
        } finally {
            Arrays.fill(d.plaintext(), (byte) 0);
        }
    }
}
