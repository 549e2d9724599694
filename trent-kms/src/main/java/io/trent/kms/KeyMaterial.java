package io.trent.kms;

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

    @Override
    public String toString() {
        return "KeyMaterial[version " + version + ", " + wrapped.length + " sealed bytes]";
    }
}
