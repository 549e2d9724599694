package io.trent.kms;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import java.util.Map;

/**
 * Encryption with RSA ENCRYPT_DECRYPT keys: RSAES-OAEP with SHA-1 or SHA-256 (MGF1 with the same hash, no label).
 * The ciphertext is the raw RSA output, as in AWS, so Decrypt needs the KeyId and the algorithm. Asymmetric keys
 * take no encryption context.
 */
final class RsaEncryption {
    private RsaEncryption() {}

    private static OAEPParameterSpec oaep(String algorithm) {
        return algorithm.equals("RSAES_OAEP_SHA_1")
                ? new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)
                : new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    /** The largest plaintext RSAES-OAEP takes: modulus bytes - 2 × hash length - 2 (214 for RSA_2048 with SHA-1). */
    static int maxPlaintext(KeySpec spec, String algorithm) {
        int hashLength = algorithm.equals("RSAES_OAEP_SHA_1") ? 20 : 32;
        return spec.bits() / 8 - 2 * hashLength - 2;
    }

    /** ValidationException when a context is given for member {@code member} of a request to an asymmetric key. */
    static void checkNoContext(LoadedKey key, Map<String, String> context, String member) {
        if (!key.record().keySpec().isSymmetricEncryption() && !context.isEmpty())
            throw new KmsException.Validation(member + " is not supported with asymmetric KMS keys ("
                    + key.record().keySpec() + ").");
    }

    static void checkPlaintext(LoadedKey key, String algorithm, int length) {
        int max = maxPlaintext(key.record().keySpec(), algorithm);
        if (length > max)
            throw new KmsException.Validation("The plaintext is too long for " + algorithm + " with key spec "
                    + key.record().keySpec() + ": at most " + max + " bytes can be encrypted.");
    }

    static byte[] encrypt(LoadedKey key, String algorithm, byte[] plaintext) {
        checkPlaintext(key, algorithm, plaintext.length);
        try {
            return cipher(Cipher.ENCRYPT_MODE, key.publicKey(), algorithm).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " encryption failed", e);
        }
    }

    /** InvalidCiphertextException when the blob is not an OAEP ciphertext of this key and algorithm. */
    static byte[] decrypt(LoadedKey key, String algorithm, byte[] ciphertext) {
        if (ciphertext.length != key.record().keySpec().bits() / 8) throw Ciphertext.invalid();
        try {
            return cipher(Cipher.DECRYPT_MODE, key.secretKey(), algorithm).doFinal(ciphertext);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw Ciphertext.invalid();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " decryption failed", e);
        }
    }

    private static Cipher cipher(int mode, Key key, String algorithm) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(mode, key, oaep(algorithm));
        return c;
    }
}
