package io.trent.kms;

import javax.crypto.Mac;
import java.security.GeneralSecurityException;
import java.util.List;

/** What GenerateMac and VerifyMac share: the HMAC algorithms, the key checks, the computation. */
final class Macs {
    static final List<String> ALGORITHMS = List.of("HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512");
    static final int MAX_MESSAGE = 4096, MAX_MAC = 6144;

    private Macs() {}

    /** The JCA name of the HMAC of an HMAC key spec (HMAC_256: HmacSHA256). */
    static String jcaName(KeySpec spec) {
        return "HmacSHA" + spec.bits();
    }

    /**
     * The key must have key usage GENERATE_VERIFY_MAC and {@code algorithm} must be the one of its key spec;
     * InvalidKeyUsageException otherwise.
     */
    static void checkKey(LoadedKey key, String algorithm, String operation) {
        KeyRecord k = key.record();
        if (k.keyUsage() != KeyUsage.GENERATE_VERIFY_MAC) throw SymmetricCrypto.wrongUsage(k, operation);
        if (!k.keySpec().algorithms(KeyUsage.GENERATE_VERIFY_MAC).contains(algorithm))
            throw SymmetricCrypto.incompatibleAlgorithm(algorithm, k);
    }

    static byte[] compute(LoadedKey key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(key.secretKey().getAlgorithm());
            mac.init(key.secretKey());
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
    }
}
