package io.trent.kms;

import java.util.List;
import java.util.Map;

/** What Encrypt, Decrypt, ReEncrypt and the data-key operations share for symmetric encryption keys. */
final class SymmetricCrypto {
    static final List<String> ENCRYPTION_ALGORITHMS =
            List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE");
    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    static final int MAX_CIPHERTEXT = 6144;
    private static final List<String> DRY_RUN_MODIFIERS = List.of("IGNORE_CIPHERTEXT");

    private SymmetricCrypto() {}

    /**
     * The key that decrypts {@code blob}: the one named by {@code keyIdMember} when given, otherwise the one its
     * header records (InvalidCiphertextException when there is no such key here).
     */
    static LoadedKey sourceKey(Call call, Kms kms, String keyIdMember, byte[] blob) {
        String keyId = call.params().string(keyIdMember, 1, 2048, false);
        if (keyId != null) return kms.resolve(keyId, call.scope());
        Ciphertext.Header h = Ciphertext.header(blob);
        LoadedKey key = kms.loaded(call.scope().withAccount(h.account()).keyArn(h.keyId()));
        if (key == null) throw Ciphertext.invalid();
        return key;
    }

    /** The key must be a symmetric encryption key (usage, then spec) and support the requested algorithm. */
    static void checkEncryptionKey(LoadedKey key, String algorithm) {
        KeyRecord k = key.record();
        if (k.keyUsage() != KeyUsage.ENCRYPT_DECRYPT)
            throw new KmsException.InvalidKeyUsage(k.arn() + " key usage is " + k.keyUsage()
                    + " which is not valid for this operation; it must be ENCRYPT_DECRYPT");
        if (algorithm != null && !k.keySpec().algorithms(KeyUsage.ENCRYPT_DECRYPT).contains(algorithm))
            throw new KmsException.InvalidKeyUsage("The encryption algorithm " + algorithm
                    + " is not valid for " + k.arn() + " (KeySpec " + k.keySpec() + ")");
        if (!k.keySpec().isSymmetricEncryption())
            throw new KmsException.UnsupportedOperation("Encryption with asymmetric KMS keys (" + k.keySpec()
                    + ") is not supported by this server yet");
    }

    /** Data-key operations need a symmetric encryption key. */
    static void checkDataKeyKey(LoadedKey key) {
        KeyRecord k = key.record();
        if (k.keyUsage() != KeyUsage.ENCRYPT_DECRYPT || !k.keySpec().isSymmetricEncryption())
            throw new KmsException.InvalidKeyUsage(k.arn() + " is a " + k.keySpec() + " key with key usage "
                    + k.keyUsage() + "; data keys need a SYMMETRIC_DEFAULT key with key usage ENCRYPT_DECRYPT");
    }

    static byte[] encrypt(Kms kms, LoadedKey key, byte[] plaintext, Map<String, String> context) {
        KeyRecord k = key.record();
        return Ciphertext.seal(Kms.currentAes(key), k.account(), k.keyId(), key.currentVersion(), plaintext, context,
                kms.random);
    }

    /** Decrypts with {@code key}; IncorrectKeyException when the blob was made by another key. */
    static byte[] decrypt(LoadedKey key, byte[] blob, Map<String, String> context) {
        Ciphertext.Header h = Ciphertext.header(blob);
        KeyRecord k = key.record();
        if (!h.account().equals(k.account()) || !h.keyId().equals(k.keyId()))
            throw new KmsException.IncorrectKey("The key ID in the request does not identify a KMS key that can "
                    + "perform this operation.");
        var aes = key.aes(h.materialVersion());
        if (aes == null) throw Ciphertext.invalid();
        return Ciphertext.open(aes, blob, h, context);
    }

    /** Validates the members Decrypt and ReEncrypt share beyond their own: tokens, dry-run modifiers, Recipient. */
    static void checkCommon(Params p) {
        GrantTokens.check(p);
        List<String> modifiers = p.stringList("DryRunModifiers", Integer.MAX_VALUE, 0, Integer.MAX_VALUE, false);
        if (modifiers != null)
            for (String m : modifiers)
                if (!DRY_RUN_MODIFIERS.contains(m))
                    throw Params.invalid("'" + m + "'", "DryRunModifiers", "Member must satisfy enum value set: "
                            + DRY_RUN_MODIFIERS);
        noRecipient(p);
    }

    /** Nitro Enclaves attestation (Recipient) needs an attestation verifier this server does not have. */
    static void noRecipient(Params p) {
        if (p.has("Recipient"))
            throw new KmsException.UnsupportedOperation("The Recipient parameter (Nitro Enclaves attestation) "
                    + "is not supported by this server");
    }
}
