package io.trent.kms;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Short Weierstrass curves y² = x³ + ax + b over a prime field, for the two key specs the JDK's SunEC provider
 * lacks on Java 17: ECC_SECG_P256K1 (secp256k1) and SM2 (sm2p256v1): key generation (a random scalar, its public
 * point as DER SubjectPublicKeyInfo, the private key as PKCS#8) and ECDSA over secp256k1.
 *
 * <p>BigInteger arithmetic is not constant-time: the scalar ladder performs the same sequence of point operations
 * for every scalar, but the field operations beneath it leak through timing in principle. It is what Java 17 offers
 * for these curves without a third-party provider.
 */
record WeierstrassCurve(String name, BigInteger p, BigInteger a, BigInteger b, BigInteger gx, BigInteger gy,
                        BigInteger n, byte[] curveOid) {

    static final WeierstrassCurve SECP256K1 = new WeierstrassCurve("secp256k1",
            hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F"),
            BigInteger.ZERO, BigInteger.valueOf(7),
            hex("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"),
            hex("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8"),
            hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141"),
            new byte[]{0x2B, (byte) 0x81, 0x04, 0x00, 0x0A}); // 1.3.132.0.10

    static final WeierstrassCurve SM2 = new WeierstrassCurve("sm2p256v1",
            hex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF"),
            hex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC"),
            hex("28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93"),
            hex("32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"),
            hex("BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0"),
            hex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123"),
            new byte[]{0x2A, (byte) 0x81, 0x1C, (byte) 0xCF, 0x55, 0x01, (byte) 0x82, 0x2D}); // 1.2.156.10197.1.301

    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

    /** An affine point; the point at infinity is represented by null. */
    record Point(BigInteger x, BigInteger y) {}

    static BigInteger hex(String s) {
        return new BigInteger(s, 16);
    }

    int byteLength() {
        return (p.bitLength() + 7) / 8;
    }

    Point generator() {
        return new Point(gx, gy);
    }

    boolean onCurve(Point q) {
        BigInteger lhs = q.y.multiply(q.y).mod(p);
        BigInteger rhs = q.x.pow(3).add(a.multiply(q.x)).add(b).mod(p);
        return lhs.equals(rhs);
    }

    Point add(Point s, Point t) {
        if (s == null) return t;
        if (t == null) return s;
        BigInteger lambda;
        if (s.x.equals(t.x)) {
            if (!s.y.equals(t.y) || s.y.signum() == 0) return null; // s = -t
            BigInteger x2 = s.x.multiply(s.x);
            lambda = x2.multiply(BigInteger.valueOf(3)).add(a).multiply(s.y.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = t.y.subtract(s.y).multiply(t.x.subtract(s.x).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.multiply(lambda).subtract(s.x).subtract(t.x).mod(p);
        BigInteger y = lambda.multiply(s.x.subtract(x)).subtract(s.y).mod(p);
        return new Point(x, y);
    }

    /** k·q by a Montgomery ladder (same sequence of additions and doublings for every scalar of a length). */
    Point multiply(BigInteger k, Point q) {
        Point r0 = null, r1 = q;
        for (int i = n.bitLength() - 1; i >= 0; i--) {
            if (k.testBit(i)) {
                r0 = add(r0, r1);
                r1 = add(r1, r1);
            } else {
                r1 = add(r0, r1);
                r0 = add(r0, r0);
            }
        }
        return r0;
    }

    /** A uniformly random private scalar in [1, n-1], as fixed-length big-endian bytes. */
    byte[] randomScalar(SecureRandom random) {
        byte[] bytes = new byte[byteLength()];
        while (true) {
            random.nextBytes(bytes);
            BigInteger d = new BigInteger(1, bytes);
            if (d.signum() > 0 && d.compareTo(n) < 0) return bytes;
        }
    }

    /** DER SubjectPublicKeyInfo (id-ecPublicKey, named curve, uncompressed point) of the point d·G. */
    byte[] publicKeyInfo(byte[] privateScalar) {
        Point q = multiply(new BigInteger(1, privateScalar), generator());
        if (q == null || !onCurve(q)) throw new IllegalStateException("public point computation failed on " + name);
        byte[] algorithm = Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curveOid));
        return Der.sequence(algorithm, Der.bitString(encodedPoint(q)));
    }

    /** DER PKCS#8 PrivateKeyInfo holding an RFC 5915 ECPrivateKey (with the public point) for this curve. */
    byte[] privateKeyInfo(byte[] privateScalar) {
        byte[] ecPrivateKey = Der.sequence(Der.integer(BigInteger.ONE), Der.octetString(privateScalar),
                Der.explicit(1, Der.bitString(encodedPoint(multiply(new BigInteger(1, privateScalar), generator())))));
        byte[] algorithm = Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curveOid));
        return Der.sequence(Der.integer(BigInteger.ZERO), algorithm, Der.octetString(ecPrivateKey));
    }

    /**
     * An ECDSA signature of {@code digest} (already hashed) with private scalar {@code d}, DER-encoded; k is drawn
     * from {@code random} for every signature.
     */
    byte[] sign(byte[] digest, BigInteger d, SecureRandom random) {
        BigInteger e = truncated(digest);
        while (true) {
            BigInteger k = new BigInteger(1, randomScalar(random));
            Point r1 = multiply(k, generator());
            BigInteger r = r1.x.mod(n);
            if (r.signum() == 0) continue;
            BigInteger s = k.modInverse(n).multiply(e.add(r.multiply(d))).mod(n);
            if (s.signum() == 0) continue;
            return Der.sequence(Der.integer(r), Der.integer(s));
        }
    }

    /** Whether {@code signature} (DER) is a valid ECDSA signature of {@code digest} by public point {@code q}. */
    boolean verify(byte[] digest, byte[] signature, Point q) {
        BigInteger[] rs = Der.ecdsaSignature(signature);
        if (rs == null || q == null || !onCurve(q)) return false;
        BigInteger r = rs[0], s = rs[1];
        if (r.compareTo(n) >= 0 || s.compareTo(n) >= 0) return false;
        BigInteger w = s.modInverse(n);
        Point x = add(multiply(truncated(digest).multiply(w).mod(n), generator()), multiply(r.multiply(w).mod(n), q));
        return x != null && x.x.mod(n).equals(r);
    }

    /** The leftmost bits of a digest as an integer, as many as the group order has (SEC 1, 4.1.3 step 5). */
    private BigInteger truncated(byte[] digest) {
        BigInteger e = new BigInteger(1, digest);
        int excess = digest.length * 8 - n.bitLength();
        return excess > 0 ? e.shiftRight(excess) : e;
    }

    private byte[] encodedPoint(Point q) {
        int len = byteLength();
        byte[] point = new byte[1 + 2 * len];
        point[0] = 0x04;
        copyFixed(q.x, point, 1, len);
        copyFixed(q.y, point, 1 + len, len);
        return point;
    }

    private static void copyFixed(BigInteger v, byte[] out, int offset, int len) {
        byte[] b = v.toByteArray();
        int skip = b.length > len ? b.length - len : 0;
        System.arraycopy(b, skip, out, offset + len - (b.length - skip), b.length - skip);
    }
}
