package io.trent.kms;

import javax.crypto.Mac;
import java.security.GeneralSecurityException;
import java.util.List;

/** What GenerateMac and VerifyMac share: the HMAC algorithms and the computation. */
final class Macs {
    static final List<String> ALGORITHMS = List.of("HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512");
    static final int MAX_MESSAGE = 4096, MAX_MAC = 6144;

    private Macs() {}

    /** The JCA name of the HMAC of an HMAC key spec (HMAC_256: HmacSHA256). */
    static String jcaName(KeySpec spec) {
        return "HmacSHA" + spec.bits();
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
