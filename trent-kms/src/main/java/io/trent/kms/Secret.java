package io.trent.kms;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Key material or a plaintext data key: bytes that must never be printed. {@link #toString()} is redacted, and
 * {@link #equals} compares in constant time.
 */
public final class Secret {
    private final byte[] bytes;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes a copy of {@code bytes}; the caller should wipe its own array. */
    public static Secret copyOf(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** Takes ownership of {@code bytes} (no copy). */
    static Secret wrap(byte[] bytes) {
        return new Secret(bytes);
    }

    /** A copy of the bytes; wipe it after use. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes themselves, for crypto in this package only. */
    byte[] unsafeBytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    /** Overwrites the bytes; the secret is unusable afterwards. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "Secret[" + bytes.length + " bytes, redacted]";
    }
}
