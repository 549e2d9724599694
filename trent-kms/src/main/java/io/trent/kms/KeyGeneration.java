package io.trent.kms;

import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;

/**
 * Creates the key material of each key spec with the JCA, except the two curves SunEC lacks (see
 * {@link WeierstrassCurve}), and turns stored material back into usable keys. Material encodings: raw key bytes
 * for symmetric and HMAC keys, PKCS#8 for keys the JDK generates, the fixed-length big-endian private scalar for
 * secp256k1 and SM2.
 */
final class KeyGeneration {
    private KeyGeneration() {}

    /** @param publicKey DER SubjectPublicKeyInfo for asymmetric keys, else null */
    record Generated(Secret material, byte[] publicKey) {}

    /** SM2 keys exist only in the China Regions, as in AWS. */
    static void checkAvailable(KeySpec spec, Scope scope) {
        if (spec == KeySpec.SM2 && !scope.region().startsWith("cn-"))
            throw new KmsException.UnsupportedOperation("KeySpec SM2 is available only in the China Regions "
                    + "(cn-north-1, cn-northwest-1)");
    }

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

    /**
     * A data key pair (GenerateDataKeyPair): like {@link #generate} but the private key is always PKCS#8, also on
     * the curves the JDK cannot generate.
     */
    static Generated dataKeyPair(KeySpec spec, SecureRandom random) {
        Generated g = generate(spec, random);
        WeierstrassCurve curve = spec.family() == KeySpec.Family.EC_SECG ? WeierstrassCurve.SECP256K1
                : spec.family() == KeySpec.Family.SM2 ? WeierstrassCurve.SM2 : null;
        if (curve == null) return g;
        try {
            return new Generated(Secret.wrap(curve.privateKeyInfo(g.material().unsafeBytes())), g.publicKey());
        } finally {
            g.material().destroy();
        }
    }

    /**
     * The key that operations use for stored {@code material} of a key of {@code spec} other than
     * SYMMETRIC_DEFAULT: a PrivateKey for asymmetric keys (null for SM2, which the JDK has no curve for), an HMAC
     * SecretKey for HMAC keys.
     */
    static Key usableKey(KeySpec spec, Secret material) {
        try {
            return switch (spec.family()) {
                case HMAC -> new SecretKeySpec(material.unsafeBytes(), Macs.jcaName(spec));
                case RSA -> pkcs8("RSA", material);
                case EC_NIST -> pkcs8("EC", material);
                case EDWARDS -> pkcs8("Ed25519", material);
                case EC_SECG -> KeyFactory.getInstance("EC").generatePrivate(
                        new ECPrivateKeySpec(new BigInteger(1, material.unsafeBytes()), secp256k1()));
                case SM2, ML_DSA, SYMMETRIC -> null;
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored key material of a " + spec + " key is not usable", e);
        }
    }

    /** The JDK public key of an asymmetric key from its DER SubjectPublicKeyInfo; null where the JDK has none. */
    static PublicKey publicKey(KeySpec spec, byte[] publicKeyInfo) {
        String algorithm = switch (spec.family()) {
            case RSA -> "RSA";
            case EC_NIST, EC_SECG -> "EC";
            case EDWARDS -> "Ed25519";
            case SM2, ML_DSA, SYMMETRIC, HMAC -> null;
        };
        if (algorithm == null || publicKeyInfo == null) return null;
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(publicKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored public key of a " + spec + " key does not decode", e);
        }
    }

    private static PrivateKey pkcs8(String algorithm, Secret material) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(material.unsafeBytes()));
    }

    /** SunEC knows the parameters of secp256k1 on Java 17 (it only cannot sign with them). */
    private static ECParameterSpec secp256k1() throws GeneralSecurityException {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256k1"));
        return p.getParameterSpec(ECParameterSpec.class);
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
