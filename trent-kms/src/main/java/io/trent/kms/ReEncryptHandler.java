package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Map;

/**
 * ReEncrypt: decrypts under the source key and encrypts under the destination key without revealing the
 * plaintext; authorized as kms:ReEncryptFrom on the source and kms:ReEncryptTo on the destination.
 */
final class ReEncryptHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        byte[] blob = p.blob("CiphertextBlob", 1, SymmetricCrypto.MAX_CIPHERTEXT, true);
        Map<String, String> sourceContext = EncryptionContext.read(p, "SourceEncryptionContext");
        Map<String, String> destinationContext = EncryptionContext.read(p, "DestinationEncryptionContext");
        String sourceAlgorithm = p.enumValue("SourceEncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        String destinationAlgorithm =
                p.enumValue("DestinationEncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        SymmetricCrypto.checkCommon(p);
        LoadedKey destination = kms.resolve(call, "DestinationKeyId");
        LoadedKey source = SymmetricCrypto.sourceKey(call, kms, "SourceKeyId", blob);
        kms.authorize(call, source, destination);
        Kms.requireEnabled(source.record());
        Kms.requireEnabled(destination.record());
        SymmetricCrypto.checkEncryptionKey(source, sourceAlgorithm);
        SymmetricCrypto.checkEncryptionKey(destination, destinationAlgorithm);
        Kms.dryRun(call);
        byte[] plaintext = SymmetricCrypto.decrypt(source, blob, sourceContext);
        try {
            byte[] out = SymmetricCrypto.encrypt(kms, destination, plaintext, destinationContext);
            return Json.object().put("CiphertextBlob", Json.blob(out)).put("SourceKeyId", source.arn())
                    .put("KeyId", destination.arn())
                    .put("SourceEncryptionAlgorithm", SymmetricCrypto.SYMMETRIC_DEFAULT)
                    .put("DestinationEncryptionAlgorithm", SymmetricCrypto.SYMMETRIC_DEFAULT);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
