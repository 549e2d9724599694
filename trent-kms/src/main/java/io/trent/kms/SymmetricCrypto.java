package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What Encrypt, Decrypt, ReEncrypt and the data-key operations share: the ciphertext blob of symmetric encryption
 * keys, and the dispatch to {@link RsaEncryption} for RSA encryption keys.
 */
final class SymmetricCrypto {
    static final List<String> ENCRYPTION_ALGORITHMS =
            List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE");
    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    static final int MAX_PLAINTEXT = 4096, MAX_CIPHERTEXT = 6144;
    private static final String IGNORE_CIPHERTEXT = "IGNORE_CIPHERTEXT";
    private static final List<String> DRY_RUN_MODIFIERS = List.of(IGNORE_CIPHERTEXT);

    private SymmetricCrypto() {}

    /**
     * The ciphertext side of Decrypt and ReEncrypt. With {@code DryRun} and the {@code IGNORE_CIPHERTEXT} modifier
     * only authorization is tested: the blob is optional and never looked at, and the key must be named.
     *
     * @param blob   null only when ignored
     * @param header what the blob's header says, or null when the blob is ignored or not one of this server's
     */
    record Source(byte[] blob, Ciphertext.Header header, String keyId, boolean ignoreCiphertext) {}

    /** Reads CiphertextBlob (a required member unless ignored) and the key member {@code keyIdMember}. */
    static Source source(Params p, String keyIdMember) {
        boolean ignore = p.bool("DryRun") && lists(p.body().get("DryRunModifiers"), IGNORE_CIPHERTEXT);
        byte[] sent = p.blob("CiphertextBlob", 1, MAX_CIPHERTEXT, !ignore);
        byte[] blob = ignore ? null : sent;
        return new Source(blob, blob == null ? null : Ciphertext.header(blob), p.keyId(keyIdMember, ignore),
                ignore);
    }

    private static boolean lists(JsonNode list, String value) {
        if (list == null || !list.isArray()) return false;
        for (JsonNode n : list) if (value.equals(n.textValue())) return true;
        return false;
    }

    /** The DryRunModifiers member; read after the other members, as the model lists it last. */
    static void readDryRunModifiers(Params p) {
        p.enumList("DryRunModifiers", DRY_RUN_MODIFIERS, false);
    }

    /**
     * The key that decrypts the source: the one named by its key member when given, otherwise the one the
     * ciphertext header records (InvalidCiphertextException when there is no such key here). A bare key id names
     * a key of the caller's account, or of the account the ciphertext records when it is that key's id (AWS
     * accepts a short key id of another account's key when decrypting symmetric ciphertexts).
     */
    static LoadedKey sourceKey(Call call, Kms kms, Source source) {
        Ciphertext.Header h = source.header();
        if (source.keyId() != null) {
            Scope scope = h != null && source.keyId().equals(h.keyId()) ? call.scope().withAccount(h.account())
                    : call.scope();
            return kms.resolve(source.keyId(), scope);
        }
        if (h == null) throw Ciphertext.invalid();
        LoadedKey key = kms.loaded(call.scope().withAccount(h.account()).keyArn(h.keyId()));
        if (key == null) throw Ciphertext.invalid();
        return key;
    }

    /** IncorrectKeyException when the source is a ciphertext of this server made by another key than {@code key}. */
    static void checkSourceKey(LoadedKey key, Source source) {
        if (source.header() != null && !madeBy(source.header(), key)) throw incorrectKey();
    }

    private static boolean madeBy(Ciphertext.Header h, LoadedKey key) {
        return h.account().equals(key.record().account()) && h.keyId().equals(key.record().keyId());
    }

    private static KmsException.IncorrectKey incorrectKey() {
        return new KmsException.IncorrectKey(
                "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    /**
     * The key must have key usage ENCRYPT_DECRYPT (InvalidKeyUsageException naming {@code operation}) and support
     * the requested algorithm, SYMMETRIC_DEFAULT when none is named; returns that algorithm. SM2PKE is not
     * implemented (UnsupportedOperationException).
     */
    static String checkEncryptionKey(LoadedKey key, String algorithm, String operation) {
        KeyRecord k = key.record();
        String effective = algorithm == null ? SYMMETRIC_DEFAULT : algorithm;
        Kms.requireUsage(k, KeyUsage.ENCRYPT_DECRYPT, effective, operation);
        if (k.keySpec() == KeySpec.SM2)
            throw new KmsException.UnsupportedOperation("SM2PKE encryption is not supported by this server "
                    + "(Java 17 has no SM2 implementation)");
        return effective;
    }

    /** Data keys are made only under symmetric encryption keys. */
    static void checkDataKeyKey(LoadedKey key, String operation) {
        KeyRecord k = key.record();
        Kms.requireUsage(k, KeyUsage.ENCRYPT_DECRYPT, null, operation);
        if (!k.keySpec().isSymmetricEncryption())
            throw new KmsException.InvalidKeyUsage(k.arn() + " key spec is " + k.keySpec()
                    + " which is not valid for " + operation + ".");
    }

    /** Encrypts with a checked algorithm: the blob format of symmetric keys, raw RSAES-OAEP for RSA keys. */
    static byte[] encrypt(Kms kms, LoadedKey key, String algorithm, byte[] plaintext, Map<String, String> context) {
        return key.record().keySpec().isSymmetricEncryption() ? encrypt(kms, key, plaintext, context)
                : RsaEncryption.encrypt(key, algorithm, plaintext);
    }

    /** Encrypts under a symmetric encryption key. */
    static byte[] encrypt(Kms kms, LoadedKey key, byte[] plaintext, Map<String, String> context) {
        KeyRecord k = key.record();
        return Ciphertext.seal(Kms.currentAes(key), k.account(), k.keyId(), key.currentVersion(), plaintext, context,
                kms.random);
    }

    /** A decryption: the plaintext and the KeyMaterialId of the material that made it (null for RSA keys). */
    record Decrypted(byte[] plaintext, String materialId) {}

    /**
     * Decrypts the (not ignored) source with {@code key} and a checked algorithm: InvalidCiphertextException when
     * it is not a ciphertext of this server or does not authenticate, IncorrectKeyException when another key made
     * a symmetric ciphertext.
     */
    static Decrypted decrypt(LoadedKey key, String algorithm, Source source, Map<String, String> context) {
        if (!key.record().keySpec().isSymmetricEncryption())
            return new Decrypted(RsaEncryption.decrypt(key, algorithm, source.blob()), null);
        Ciphertext.Header h = source.header();
        if (h == null) throw Ciphertext.invalid();
        if (!madeBy(h, key)) throw incorrectKey();
        var aes = key.aes(h.materialVersion());
        if (aes == null) throw Ciphertext.invalid();
        return new Decrypted(Ciphertext.open(aes, source.blob(), h, context), key.materialId(h.materialVersion()));
    }

    /** Nitro Enclaves attestation (Recipient) needs an attestation verifier this server does not have. */
    static void noRecipient(Params p) {
        if (p.has("Recipient"))
            throw new KmsException.UnsupportedOperation("The Recipient parameter (Nitro Enclaves attestation) "
                    + "is not supported by this server");
    }
}
