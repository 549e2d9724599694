package io.trent.kms;

import io.trent.authz.KmsKey;

import javax.crypto.SecretKey;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;

/**
 * A key as requests use it, cached by the service: the stored record, the view authorization needs (compiled
 * policy, tags, aliases, grants), for symmetric encryption keys the unwrapped AES keys and the key material
 * identifiers ({@link KeyMaterial#id}) by material version, and for other keys the usable material.
 *
 * @param secretKey the private key of an asymmetric key or the HMAC key of an HMAC key; null for symmetric
 *                  encryption keys, keys without material, and SM2 keys (which this server cannot use)
 * @param publicKey the public key of an asymmetric key the JDK can use, else null
 */
record LoadedKey(KeyRecord record, KmsKey view, List<SecretKey> aesByVersion, List<String> materialIds,
                 Key secretKey, PublicKey publicKey) {

    String arn() {
        return record.arn();
    }

    /** The AES key of material {@code version}, or null. */
    SecretKey aes(int version) {
        return version >= 1 && version <= aesByVersion.size() ? aesByVersion.get(version - 1) : null;
    }

    /** The KeyMaterialId of material {@code version} (which exists). */
    String materialId(int version) {
        return materialIds.get(version - 1);
    }

    /** The KeyMaterialId of the current material, or null for keys without AES material. */
    String currentMaterialId() {
        return materialIds.isEmpty() ? null : materialId(currentVersion());
    }

    int currentVersion() {
        return aesByVersion.size();
    }

    @Override
    public String toString() {
        return "LoadedKey[" + record + "]";
    }
}
