package io.trent.kms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One version of a key's material, sealed under the root key ({@link RootKey#wrap}). Ciphertexts name the version
 * they were made with, so older versions stay usable after a new one is added. Every version after the first was
 * made by a rotation, which it records.
 *
 * @param rotationDate when the rotation that made this version happened; null for the first version
 * @param rotationType how that rotation happened; null for the first version
 */
public record KeyMaterial(int version, byte[] wrapped, Instant rotationDate, RotationType rotationType) {
    /** How a new material version came about (ListKeyRotations' RotationType). */
    public enum RotationType { AUTOMATIC, ON_DEMAND }

    public KeyMaterial {
        wrapped = wrapped.clone();
        if ((rotationDate == null) != (rotationType == null))
            throw new IllegalArgumentException("a rotation has both a date and a type");
    }

    /** The first material version of a key, made with the key. */
    public KeyMaterial(int version, byte[] wrapped) {
        this(version, wrapped, null, null);
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    /**
     * The KeyMaterialId the API reports for material {@code version} of a key (KeyMetadata.CurrentKeyMaterialId,
     * Decrypt, ReEncrypt and GenerateDataKey*): 64 hex digits, derived from the key ARN and the version only, so it
     * identifies the material without saying anything about it.
     */
    public static String id(String keyArn, int version) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("trent key material\u0000" + keyArn + "\u0000" + version).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "KeyMaterial[version " + version + ", " + wrapped.length + " sealed bytes]";
    }
}
