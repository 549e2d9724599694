package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ReEncrypt: decrypts under the source key and encrypts under the destination key without revealing the
 * plaintext; authorized as kms:ReEncryptFrom on the source and kms:ReEncryptTo on the destination. A dry run
 * decrypts too (and discards the result) unless DryRunModifiers says IGNORE_CIPHERTEXT.
 */
final class ReEncryptHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        SymmetricCrypto.Source source = SymmetricCrypto.source(p, "SourceKeyId");
        Map<String, String> sourceContext = EncryptionContext.read(p, "SourceEncryptionContext");
        String destinationKeyId = p.keyId("DestinationKeyId", true);
        Map<String, String> destinationContext = EncryptionContext.read(p, "DestinationEncryptionContext");
        String sourceAlgorithm = p.enumValue("SourceEncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        String destinationAlgorithm =
                p.enumValue("DestinationEncryptionAlgorithm", SymmetricCrypto.ENCRYPTION_ALGORITHMS, false);
        List<String> tokens = GrantTokens.read(p);
        boolean dryRun = p.bool("DryRun");
        SymmetricCrypto.readDryRunModifiers(p);
        p.validate();
        EncryptionContext.checkSize(sourceContext, "SourceEncryptionContext");
        EncryptionContext.checkSize(destinationContext, "DestinationEncryptionContext");
        GrantTokens.check(tokens);
        LoadedKey destination = kms.resolve(destinationKeyId, call.scope());
        LoadedKey sourceKey = SymmetricCrypto.sourceKey(call, kms, source);
        kms.authorize(call, sourceKey, destination);
        Kms.requireEnabled(sourceKey.record());
        Kms.requireEnabled(destination.record());
        SymmetricCrypto.checkSourceKey(sourceKey, source);
        String sourceEffective = SymmetricCrypto.checkEncryptionKey(sourceKey, sourceAlgorithm, call.operation());
        String destinationEffective =
                SymmetricCrypto.checkEncryptionKey(destination, destinationAlgorithm, call.operation());
        RsaEncryption.checkNoContext(sourceKey, sourceContext, "SourceEncryptionContext");
        RsaEncryption.checkNoContext(destination, destinationContext, "DestinationEncryptionContext");
        if (source.ignoreCiphertext()) Kms.dryRun(true); // a dry run of the authorization only
        SymmetricCrypto.Decrypted d = SymmetricCrypto.decrypt(sourceKey, sourceEffective, source, sourceContext);
        try {
            Kms.dryRun(dryRun);
            byte[] out = SymmetricCrypto.encrypt(kms, destination, destinationEffective, d.plaintext(),
                    destinationContext);
            ObjectNode response = Json.object().put("CiphertextBlob", Json.blob(out))
                    .put("SourceKeyId", sourceKey.arn()).put("KeyId", destination.arn())
                    .put("SourceEncryptionAlgorithm", sourceEffective)
                    .put("DestinationEncryptionAlgorithm", destinationEffective);
            if (d.materialId() != null) response.put("SourceKeyMaterialId", d.materialId());
            if (destination.currentMaterialId() != null)
                response.put("DestinationKeyMaterialId", destination.currentMaterialId());
            return response;
        } finally {
            Arrays.fill(d.plaintext(), (byte) 0);
        }
    }
}
