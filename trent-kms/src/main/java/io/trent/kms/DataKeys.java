package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** GenerateDataKey and GenerateDataKeyWithoutPlaintext: a random data key, returned encrypted (and in clear). */
final class DataKeys {
    private static final List<String> KEY_SPECS = List.of("AES_256", "AES_128");

    private DataKeys() {}

    static JsonNode generate(Call call, Kms kms, boolean withPlaintext) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        Map<String, String> context = EncryptionContext.read(p, "EncryptionContext");
        Integer numberOfBytes = p.integer("NumberOfBytes", 1, 1024, false);
        String keySpec = p.enumValue("KeySpec", KEY_SPECS, false);
        List<String> tokens = GrantTokens.read(p);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        if ((numberOfBytes == null) == (keySpec == null))
            throw new KmsException.Validation("Please specify either number of bytes or key spec.");
        EncryptionContext.checkSize(context, "EncryptionContext");
        GrantTokens.check(tokens);
        if (withPlaintext) SymmetricCrypto.noRecipient(p);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.requireEnabled(key.record());
        SymmetricCrypto.checkDataKeyKey(key, call.operation());
        Kms.dryRun(dryRun);
        int length = numberOfBytes != null ? numberOfBytes : keySpec.equals("AES_256") ? 32 : 16;
        byte[] dataKey = new byte[length];
        kms.random.nextBytes(dataKey);
        try {
            ObjectNode out = Json.object()
                    .put("CiphertextBlob", Json.blob(SymmetricCrypto.encrypt(kms, key, dataKey, context)));
            if (withPlaintext) out.put("Plaintext", Json.blob(dataKey));
            return out.put("KeyId", key.arn()).put("KeyMaterialId", key.currentMaterialId());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
