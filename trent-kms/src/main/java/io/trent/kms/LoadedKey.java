package io.trent.kms;

import io.trent.authz.KmsKey;

import javax.crypto.SecretKey;
import java.util.List;

/**
 * A key as requests use it, cached by the service: the stored record, the view authorization needs (compiled
 * policy, tags, aliases, grants), and for symmetric encryption keys the unwrapped AES keys and the key material
 * identifiers ({@link KeyMaterial#id}) by material version.
 */
record LoadedKey(KeyRecord record, KmsKey view, List<SecretKey> aesByVersion, List<String> materialIds) {

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
