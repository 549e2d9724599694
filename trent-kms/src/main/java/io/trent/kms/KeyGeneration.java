package io.trent.kms;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;

/**
 * Creates the key material of each key spec with the JCA, except the two curves SunEC lacks (see
 * {@link WeierstrassCurve}). Material encodings: raw key bytes for symmetric and HMAC keys, PKCS#8 for keys the
 * JDK generates, the fixed-length big-endian private scalar for secp256k1 and SM2.
 */
final class KeyGeneration {
    private KeyGeneration() {}

    /** @param publicKey DER SubjectPublicKeyInfo for asymmetric keys, else null */
    record Generated(Secret material, byte[] publicKey) {}

    static Generated generate(KeySpec spec, SecureRandom random) {
        try {
            return switch (spec.family()) {
                case SYMMETRIC, HMAC -> {
                    byte[] key = new byte[spec.bits() / 8];
                    random.nextBytes(key);
                    yield new Generated(Secret.wrap(key), null);
                }
                case RSA -> pair("RSA", new RSAKeyGenParameterSpec(spec.bits(), RSAKeyGenParameterSpec.F4), random);
                case EC_NIST -> pair("EC", new ECGenParameterSpec("secp" + spec.bits() + "r1"), random);
                case EDWARDS -> pair("Ed25519", null, random);
                case EC_SECG -> onCurve(WeierstrassCurve.SECP256K1, random);
                case SM2 -> onCurve(WeierstrassCurve.SM2, random);
                case ML_DSA -> throw new IllegalArgumentException("ML-DSA keys cannot be generated on Java 17");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + spec + " keys", e);
        }
    }

    private static Generated pair(String algorithm, java.security.spec.AlgorithmParameterSpec params,
                                  SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (params != null) g.initialize(params, random);
        else g.initialize(255, random);
        KeyPair kp = g.generateKeyPair();
        byte[] pkcs8 = kp.getPrivate().getEncoded();
        try {
            return new Generated(Secret.copyOf(pkcs8), kp.getPublic().getEncoded());
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static Generated onCurve(WeierstrassCurve curve, SecureRandom random) {
        byte[] scalar = curve.randomScalar(random);
        return new Generated(Secret.wrap(scalar), curve.publicKeyInfo(scalar));
    }
}
