package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext: a new key pair whose private key (PKCS#8) is
 * returned encrypted under a symmetric encryption key, in the ciphertext format Decrypt reads, bound to the
 * encryption context (and in clear too, unless WithoutPlaintext).
 */
final class DataKeyPairs {
    static final List<String> KEY_PAIR_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256",
            "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ECC_NIST_EDWARDS25519");

    private DataKeyPairs() {}

    static JsonNode generate(Call call, Kms kms, boolean withPlaintext) {
        Params p = call.params();
        Map<String, String> context = EncryptionContext.read(p, "EncryptionContext");
        String keyId = p.keyId("KeyId", true);
        String specName = p.enumValue("KeyPairSpec", KEY_PAIR_SPECS, true);
        List<String> tokens = GrantTokens.read(p);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        EncryptionContext.checkSize(context, "EncryptionContext");
        GrantTokens.check(tokens);
        if (withPlaintext) SymmetricCrypto.noRecipient(p);
        KeySpec spec = KeySpec.valueOf(specName);
        KeyGeneration.checkAvailable(spec, call.scope());
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.requireEnabled(key.record());
        SymmetricCrypto.checkDataKeyKey(key, call.operation());
        Kms.dryRun(dryRun);
        KeyGeneration.Generated pair = KeyGeneration.dataKeyPair(spec, kms.random);
        try {
            byte[] privateKey = pair.material().unsafeBytes();
            ObjectNode out = Json.object().put("PrivateKeyCiphertextBlob",
                    Json.blob(SymmetricCrypto.encrypt(kms, key, privateKey, context)));
            if (withPlaintext) out.put("PrivateKeyPlaintext", Json.blob(privateKey));
            return out.put("PublicKey", Json.blob(pair.publicKey())).put("KeyId", key.arn())
                    .put("KeyPairSpec", specName).put("KeyMaterialId", key.currentMaterialId());
        } finally {
            pair.material().destroy();
        }
    }
}
