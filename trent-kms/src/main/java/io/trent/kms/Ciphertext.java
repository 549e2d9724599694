package io.trent.kms;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The ciphertext blob of symmetric encryption keys, self-describing so that Decrypt needs no KeyId:
 *
 * <pre>
 *   version (1 byte, 1) | account (12 ASCII digits) | key id length (1 byte) | key id (ASCII)
 *   | key material version (4 bytes, big-endian) | IV (12 random bytes) | AES-256-GCM ciphertext | tag (16 bytes)
 * </pre>
 *
 * The AAD is the header (everything before the IV) followed by the canonical encryption context, so changing the
 * header, the context or the ciphertext makes decryption fail.
 */
final class Ciphertext {
    static final byte VERSION = 1;
    private static final int ACCOUNT = 12, IV = 12, TAG = 16;
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    /** What the header of a blob says. {@code headerLength} is where the IV starts. */
    record Header(String account, String keyId, int materialVersion, int headerLength) {}

    private Ciphertext() {}

    static byte[] seal(SecretKey key, String account, String keyId, int materialVersion, byte[] plaintext,
                       Map<String, String> context, SecureRandom random) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        int header = 1 + ACCOUNT + 1 + id.length + 4;
        byte[] out = new byte[header + IV + plaintext.length + TAG];
        out[0] = VERSION;
        System.arraycopy(account.getBytes(StandardCharsets.US_ASCII), 0, out, 1, ACCOUNT);
        out[1 + ACCOUNT] = (byte) id.length;
        System.arraycopy(id, 0, out, 2 + ACCOUNT, id.length);
        int v = header - 4;
        out[v] = (byte) (materialVersion >>> 24);
        out[v + 1] = (byte) (materialVersion >>> 16);
        out[v + 2] = (byte) (materialVersion >>> 8);
        out[v + 3] = (byte) materialVersion;
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, header, IV);
        try {
            Cipher c = AES_GCM.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, iv));
            c.updateAAD(out, 0, header);
            c.updateAAD(EncryptionContext.canonical(context));
            c.doFinal(plaintext, 0, plaintext.length, out, header + IV);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The header, or null when the blob is not a ciphertext of this server. */
    static Header header(byte[] blob) {
        if (blob.length < 1 + ACCOUNT + 1 + 1 + 4 + IV + TAG || blob[0] != VERSION) return null;
        for (int i = 1; i <= ACCOUNT; i++) if (blob[i] < '0' || blob[i] > '9') return null;
        int idLength = blob[1 + ACCOUNT] & 0xff;
        int header = 1 + ACCOUNT + 1 + idLength + 4;
        if (idLength == 0 || blob.length < header + IV + TAG) return null;
        String keyId = new String(blob, 2 + ACCOUNT, idLength, StandardCharsets.US_ASCII);
        if (!KeyIds.isKeyId(keyId)) return null;
        int v = header - 4;
        int version = (blob[v] & 0xff) << 24 | (blob[v + 1] & 0xff) << 16 | (blob[v + 2] & 0xff) << 8 | blob[v + 3] & 0xff;
        return new Header(new String(blob, 1, ACCOUNT, StandardCharsets.US_ASCII), keyId, version, header);
    }

    /** Decrypts; InvalidCiphertextException when the blob, its header or the context do not authenticate. */
    static byte[] open(SecretKey key, byte[] blob, Header h, Map<String, String> context) {
        try {
            Cipher c = AES_GCM.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, blob, h.headerLength(), IV));
            c.updateAAD(blob, 0, h.headerLength());
            c.updateAAD(EncryptionContext.canonical(context));
            int start = h.headerLength() + IV;
            return c.doFinal(blob, start, blob.length - start);
        } catch (AEADBadTagException e) {
            throw invalid();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** AWS sends InvalidCiphertextException without a message, whatever the cause. */
    static KmsException.InvalidCiphertext invalid() {
        return new KmsException.InvalidCiphertext("");
    }
}
