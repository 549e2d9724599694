package io.trent.kms;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the rotation operations share. Rotating adds a material version: Encrypt and the data-key operations use the
 * newest, Decrypt the one its ciphertext names, so rotation never needs re-encryption. Only symmetric encryption
 * keys whose material KMS made (origin AWS_KMS) rotate, as in AWS.
 */
final class Rotation {
    static final int MIN_PERIOD_DAYS = 90, MAX_PERIOD_DAYS = 2560, DEFAULT_PERIOD_DAYS = 365;
    /** AWS allows this many on-demand rotations per key over its lifetime. */
    static final int MAX_ON_DEMAND = 25;

    private Rotation() {}

    static boolean rotatable(KeyRecord k) {
        return k.keySpec().isSymmetricEncryption() && k.origin().equals("AWS_KMS");
    }

    /** UnsupportedOperationException for keys that cannot rotate. */
    static void requireRotatable(KeyRecord k, String operation) {
        if (!rotatable(k))
            throw new KmsException.UnsupportedOperation(k.arn() + " origin is " + k.origin() + " and key spec is "
                    + k.keySpec() + "; " + operation + " applies only to symmetric encryption keys with origin AWS_KMS.");
    }

    static Instant after(Instant from, int days) {
        return from.plus(days, ChronoUnit.DAYS);
    }

    static long onDemandCount(List<KeyMaterial> materials) {
        return materials.stream().filter(m -> m.rotationType() == KeyMaterial.RotationType.ON_DEMAND).count();
    }

    /** Adds the next material version of {@code k}, made by a rotation of {@code type} at {@code when}. */
    static void addVersion(Kms kms, KmsStore.Writer w, KeyRecord k, int nextVersion, KeyMaterial.RotationType type,
                           Instant when) {
        KeyGeneration.Generated g = KeyGeneration.generate(k.keySpec(), kms.random);
        try {
            w.insertMaterial(k.arn(), new KeyMaterial(nextVersion, kms.rootKey.wrap(g.material(), k.arn()), when,
                    type));
        } finally {
            g.material().destroy();
        }
    }
}
