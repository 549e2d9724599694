package io.trent.kms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One version of a key's material, sealed under the root key ({@link RootKey#wrap}). Ciphertexts name the version
 * they were made with, so older versions stay usable after a new one is added.
 */
public record KeyMaterial(int version, byte[] wrapped) {
    public KeyMaterial {
        wrapped = wrapped.clone();
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
