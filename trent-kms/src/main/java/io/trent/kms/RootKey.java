package io.trent.kms;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The AES-256 key that encrypts key material at rest. Material is sealed with AES-GCM, the key ARN as additional
 * authenticated data, so a wrapped blob cannot be moved to another key. Never prints itself.
 */
public final class RootKey {
    static final int LENGTH = 32;
    private static final byte FORMAT = 1;
    private static final int IV = 12, TAG = 16;

    private final SecretKeySpec key;
    private final SecureRandom random;

    private RootKey(byte[] bytes, SecureRandom random) {
        if (bytes == null || bytes.length != LENGTH)
            throw new IllegalArgumentException("a root key has exactly " + LENGTH + " bytes");
        this.key = new SecretKeySpec(bytes, "AES");
        this.random = random;
    }

    public static RootKey generate(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        try {
            return new RootKey(b, random);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    public static RootKey fromBytes(byte[] bytes) {
        return new RootKey(bytes, new SecureRandom());
    }

    /** The raw key, to be written to a file readable only by the server; wipe the array after use. */
    public byte[] toBytes() {
        return key.getEncoded();
    }

    /** Seals {@code material} for the key {@code keyArn}: format byte, 12-byte IV, ciphertext and tag. */
    public byte[] wrap(Secret material, String keyArn) {
        byte[] out = new byte[1 + IV + material.length() + TAG];
        out[0] = FORMAT;
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        System.arraycopy(iv, 0, out, 1, IV);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, iv));
            c.updateAAD(keyArn.getBytes(StandardCharsets.UTF_8));
            c.doFinal(material.unsafeBytes(), 0, material.length(), out, 1 + IV);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Opens a blob made by {@link #wrap}; fails when the blob was sealed for another key or another root key. */
    public Secret unwrap(byte[] wrapped, String keyArn) {
        if (wrapped == null || wrapped.length < 1 + IV + TAG || wrapped[0] != FORMAT)
            throw new IllegalStateException("stored key material of " + keyArn + " has an unknown format");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, wrapped, 1, IV));
            c.updateAAD(keyArn.getBytes(StandardCharsets.UTF_8));
            return Secret.wrap(c.doFinal(wrapped, 1 + IV, wrapped.length - 1 - IV));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("stored key material of " + keyArn
                    + " does not open with this root key (wrong root key or corrupted store)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "RootKey[redacted]";
    }
}
