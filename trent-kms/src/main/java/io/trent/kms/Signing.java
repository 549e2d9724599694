package io.trent.kms;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Key;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Sign and Verify share. A RAW message is hashed here and a DIGEST message is taken as that hash, so every
 * scheme but Ed25519 signs a digest: PKCS #1 v1.5 through raw "NONEwithRSA" over the DigestInfo, PSS with the
 * EMSA-PSS encoding of RFC 8017 (salt as long as the hash, MGF1 with the same hash) and the raw RSA operation,
 * ECDSA through "NONEwithECDSA", or {@link WeierstrassCurve} for secp256k1, which SunEC cannot sign with on Java 17.
 * ECDSA signatures are DER, as AWS returns them.
 */
final class Signing {
    enum Scheme { PSS, PKCS1, ECDSA, ED25519, ED25519_PH, SM2DSA, ML_DSA }

    /** A signing algorithm of the API; {@code digest} is the JCA name of its hash (null: none applies). */
    record Algorithm(String name, Scheme scheme, String digest, int digestLength) {}

    static final Map<String, Algorithm> ALGORITHMS = algorithms();
    static final List<String> NAMES = List.copyOf(ALGORITHMS.keySet());
    static final List<String> MESSAGE_TYPES = List.of("RAW", "DIGEST", "EXTERNAL_MU");
    static final int MAX_MESSAGE = 4096, MAX_SIGNATURE = 6144;

    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, byte[]> DIGEST_INFO_PREFIX = Map.of(
            "SHA-256", HEX.parseHex("3031300d060960864801650304020105000420"),
            "SHA-384", HEX.parseHex("3041300d060960864801650304020205000430"),
            "SHA-512", HEX.parseHex("3051300d060960864801650304020305000440"));

    private Signing() {}

    private static Map<String, Algorithm> algorithms() {
        Map<String, Algorithm> m = new LinkedHashMap<>(); // in the order of the API model's enum
        for (Scheme scheme : List.of(Scheme.PSS, Scheme.PKCS1, Scheme.ECDSA))
            for (int bits : new int[]{256, 384, 512}) {
                String name = switch (scheme) {
                    case PSS -> "RSASSA_PSS_SHA_";
                    case PKCS1 -> "RSASSA_PKCS1_V1_5_SHA_";
                    default -> "ECDSA_SHA_";
                } + bits;
                m.put(name, new Algorithm(name, scheme, "SHA-" + bits, bits / 8));
            }
        m.put("SM2DSA", new Algorithm("SM2DSA", Scheme.SM2DSA, null, 32));
        m.put("ML_DSA_SHAKE_256", new Algorithm("ML_DSA_SHAKE_256", Scheme.ML_DSA, null, 64));
        m.put("ED25519_SHA_512", new Algorithm("ED25519_SHA_512", Scheme.ED25519, null, 0));
        m.put("ED25519_PH_SHA_512", new Algorithm("ED25519_PH_SHA_512", Scheme.ED25519_PH, "SHA-512", 64));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The request's own rules (before any key is looked at): the message type and the digest length. Returns
     * whether the message is a digest (MessageType DIGEST).
     */
    static boolean checkMessage(Algorithm a, String messageType, byte[] message) {
        boolean digest = "DIGEST".equals(messageType);
        if ("EXTERNAL_MU".equals(messageType) && a.scheme() != Scheme.ML_DSA)
            throw new KmsException.Validation("MessageType EXTERNAL_MU is valid only with ML_DSA_SHAKE_256.");
        if (a.scheme() == Scheme.ED25519 && digest)
            throw new KmsException.Validation("MessageType DIGEST is not valid with ED25519_SHA_512; use RAW.");
        if (a.scheme() == Scheme.ED25519_PH && !digest)
            throw new KmsException.Validation("ED25519_PH_SHA_512 requires MessageType DIGEST.");
        if (digest && message.length != a.digestLength())
            throw new KmsException.Validation("Digest is invalid length for algorithm " + a.name() + ".");
        return digest;
    }

    /**
     * The key must have key usage SIGN_VERIFY and offer the algorithm (InvalidKeyUsageException), and this server
     * must be able to use it (UnsupportedOperationException for SM2, ML-DSA and Ed25519ph, which Java 17 lacks).
     */
    static void checkKey(LoadedKey key, Algorithm a, String operation) {
        Kms.requireUsage(key.record(), KeyUsage.SIGN_VERIFY, a.name(), operation);
        if (a.scheme() == Scheme.ED25519_PH || a.scheme() == Scheme.SM2DSA || a.scheme() == Scheme.ML_DSA
                || key.secretKey() == null)
            throw new KmsException.UnsupportedOperation("Signing algorithm " + a.name() + " is not supported by "
                    + "this server (Java 17 has no implementation of it)");
    }

    static byte[] sign(LoadedKey key, Algorithm a, byte[] message, boolean digest, SecureRandom random) {
        PrivateKey privateKey = (PrivateKey) key.secretKey();
        try {
            if (a.scheme() == Scheme.ED25519) return jca("Ed25519", privateKey, random, message);
            byte[] hash = digest ? message : hash(a, message);
            return switch (a.scheme()) {
                case PKCS1 -> jca("NONEwithRSA", privateKey, random, digestInfo(a, hash));
                case PSS -> rawRsa(Cipher.ENCRYPT_MODE, privateKey,
                        pssEncode(a, hash, modulusBits(privateKey), random));
                case ECDSA -> key.record().keySpec().family() == KeySpec.Family.EC_SECG
                        ? WeierstrassCurve.SECP256K1.sign(hash, ((ECPrivateKey) privateKey).getS(), random)
                        : jca("NONEwithECDSA", privateKey, random, hash);
                default -> throw new IllegalStateException(a.name() + " passed the key checks");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(a.name() + " signing failed", e);
        }
    }

    /** Whether {@code signature} is a valid signature of the message (or digest) by the key. */
    static boolean verify(LoadedKey key, Algorithm a, byte[] message, boolean digest, byte[] signature) {
        var publicKey = key.publicKey();
        try {
            if (a.scheme() == Scheme.ED25519) return jcaVerify("Ed25519", publicKey, message, signature);
            byte[] hash = digest ? message : hash(a, message);
            return switch (a.scheme()) {
                case PKCS1 -> jcaVerify("NONEwithRSA", publicKey, digestInfo(a, hash), signature);
                case PSS -> {
                    int bits = modulusBits(publicKey);
                    if (signature.length != (bits + 7) / 8) yield false;
                    yield pssVerify(a, hash, rawRsa(Cipher.DECRYPT_MODE, publicKey, signature), bits);
                }
                case ECDSA -> {
                    if (key.record().keySpec().family() != KeySpec.Family.EC_SECG)
                        yield jcaVerify("NONEwithECDSA", publicKey, hash, signature);
                    var w = ((ECPublicKey) publicKey).getW();
                    yield WeierstrassCurve.SECP256K1.verify(hash, signature,
                            new WeierstrassCurve.Point(w.getAffineX(), w.getAffineY()));
                }
                default -> throw new IllegalStateException(a.name() + " passed the key checks");
            };
        } catch (SignatureException | BadPaddingException e) {
            return false; // a malformed signature, or one not below the modulus
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(a.name() + " verification failed", e);
        }
    }

    private static byte[] hash(Algorithm a, byte[] message) throws GeneralSecurityException {
        return MessageDigest.getInstance(a.digest()).digest(message);
    }

    private static byte[] digestInfo(Algorithm a, byte[] hash) {
        byte[] prefix = DIGEST_INFO_PREFIX.get(a.digest());
        byte[] out = Arrays.copyOf(prefix, prefix.length + hash.length);
        System.arraycopy(hash, 0, out, prefix.length, hash.length);
        return out;
    }

    private static byte[] jca(String algorithm, PrivateKey key, SecureRandom random, byte[] data)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key, random);
        s.update(data);
        return s.sign();
    }

    private static boolean jcaVerify(String algorithm, PublicKey key, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        s.initVerify(key);
        s.update(data);
        return s.verify(signature);
    }

    private static int modulusBits(Key key) {
        return ((RSAKey) key).getModulus().bitLength();
    }

    /** The RSA primitive alone: the private operation to sign, the public one to verify. */
    private static byte[] rawRsa(int mode, Key key, byte[] input) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("RSA/ECB/NoPadding");
        c.init(mode, key);
        return c.doFinal(input);
    }

    // ---- EMSA-PSS (RFC 8017 §9.1), salt length = hash length, MGF1 with the same hash ----

    /** The encoded message, left-padded to the modulus length for the RSA primitive. */
    private static byte[] pssEncode(Algorithm a, byte[] mHash, int modBits, SecureRandom random)
            throws GeneralSecurityException {
        int hLen = mHash.length, sLen = hLen, emBits = modBits - 1, emLen = (emBits + 7) / 8;
        byte[] salt = new byte[sLen];
        random.nextBytes(salt);
        byte[] h = pssHash(a, mHash, salt);
        byte[] em = new byte[emLen];
        em[emLen - hLen - sLen - 2] = 0x01;
        System.arraycopy(salt, 0, em, emLen - hLen - sLen - 1, sLen);
        mask(a, h, em, emLen - hLen - 1);
        em[0] &= (byte) (0xff >>> (8 * emLen - emBits));
        System.arraycopy(h, 0, em, emLen - hLen - 1, hLen);
        em[emLen - 1] = (byte) 0xbc;
        int k = (modBits + 7) / 8;
        return k == emLen ? em : prepend(em, k - emLen);
    }

    private static boolean pssVerify(Algorithm a, byte[] mHash, byte[] m, int modBits) throws GeneralSecurityException {
        int hLen = mHash.length, sLen = hLen, emBits = modBits - 1, emLen = (emBits + 7) / 8;
        int k = (modBits + 7) / 8;
        for (int i = 0; i < k - emLen; i++) if (m[i] != 0) return false;
        byte[] em = Arrays.copyOfRange(m, k - emLen, k);
        if (emLen < hLen + sLen + 2 || em[emLen - 1] != (byte) 0xbc) return false;
        int topMask = 0xff >>> (8 * emLen - emBits);
        if ((em[0] & ~topMask & 0xff) != 0) return false;
        byte[] h = Arrays.copyOfRange(em, emLen - hLen - 1, emLen - 1);
        mask(a, h, em, emLen - hLen - 1);
        em[0] &= (byte) topMask;
        int ps = emLen - hLen - sLen - 2;
        for (int i = 0; i < ps; i++) if (em[i] != 0) return false;
        if (em[ps] != 0x01) return false;
        byte[] salt = Arrays.copyOfRange(em, ps + 1, ps + 1 + sLen);
        return MessageDigest.isEqual(h, pssHash(a, mHash, salt));
    }

    /** H = Hash(0x00 × 8 || mHash || salt). */
    private static byte[] pssHash(Algorithm a, byte[] mHash, byte[] salt) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(a.digest());
        md.update(new byte[8]);
        md.update(mHash);
        return md.digest(salt);
    }

    /** XORs MGF1(seed) into the first {@code length} bytes of {@code target}. */
    private static void mask(Algorithm a, byte[] seed, byte[] target, int length) throws GeneralSecurityException {
        MessageDigest md = MessageDigest.getInstance(a.digest());
        byte[] counter = new byte[4];
        for (int done = 0, c = 0; done < length; c++) {
            counter[0] = (byte) (c >>> 24);
            counter[1] = (byte) (c >>> 16);
            counter[2] = (byte) (c >>> 8);
            counter[3] = (byte) c;
            md.update(seed);
            byte[] block = md.digest(counter);
            for (int i = 0; i < block.length && done < length; i++, done++) target[done] ^= block[i];
        }
    }

    private static byte[] prepend(byte[] b, int zeros) {
        byte[] out = new byte[b.length + zeros];
        System.arraycopy(b, 0, out, zeros, b.length);
        return out;
    }
}
