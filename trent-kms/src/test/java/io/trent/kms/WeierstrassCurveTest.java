package io.trent.kms;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WeierstrassCurveTest {
    private static final WeierstrassCurve K1 = WeierstrassCurve.SECP256K1;

    @Test
    void curveParametersAreConsistent() {
        for (WeierstrassCurve c : new WeierstrassCurve[]{WeierstrassCurve.SECP256K1, WeierstrassCurve.SM2}) {
            assertThat(c.onCurve(c.generator())).as(c.name()).isTrue();
            assertThat(c.multiply(c.n(), c.generator())).as(c.name() + ": n·G is the point at infinity").isNull();
            assertThat(c.p().isProbablePrime(64)).isTrue();
            assertThat(c.n().isProbablePrime(64)).isTrue();
        }
    }

    @Test
    void secp256k1MultiplesOfTheGeneratorMatchPublishedValues() {
        assertThat(K1.multiply(BigInteger.ONE, K1.generator())).isEqualTo(K1.generator());
        WeierstrassCurve.Point two = K1.multiply(BigInteger.TWO, K1.generator());
        assertThat(two.x()).isEqualTo(WeierstrassCurve.hex("C6047F9441ED7D6D3045406E95C07CD85C778E4B8CEF3CA7ABAC09B95C709EE5"));
        assertThat(two.y()).isEqualTo(WeierstrassCurve.hex("1AE168FEA63DC339A3C58419466CEAEEF7F632653266D0E1236431A950CFE52A"));
        WeierstrassCurve.Point three = K1.multiply(BigInteger.valueOf(3), K1.generator());
        assertThat(three.x()).isEqualTo(WeierstrassCurve.hex("F9308A019258C31049344F85F89D5229B531C845836F99B08601F113BCE036F9"));
        assertThat(three.y()).isEqualTo(WeierstrassCurve.hex("388F7B0F632DE8140FE337E62A37F3566500A99934C2231B6CB9FD7584B8E672"));
        assertThat(K1.add(two, K1.generator())).isEqualTo(three);
    }

    @Test
    void theArithmeticAgreesWithTheJdkOnP256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var kp = g.generateKeyPair();
        ECParameterSpec spec = ((ECPublicKey) kp.getPublic()).getParams();
        WeierstrassCurve p256 = new WeierstrassCurve("secp256r1", ((ECFieldFp) spec.getCurve().getField()).getP(),
                spec.getCurve().getA(), spec.getCurve().getB(), spec.getGenerator().getAffineX(),
                spec.getGenerator().getAffineY(), spec.getOrder(), new byte[0]);
        WeierstrassCurve.Point q = p256.multiply(((ECPrivateKey) kp.getPrivate()).getS(), p256.generator());
        assertThat(q.x()).isEqualTo(((ECPublicKey) kp.getPublic()).getW().getAffineX());
        assertThat(q.y()).isEqualTo(((ECPublicKey) kp.getPublic()).getW().getAffineY());
    }

    @Test
    void publicKeyInfoIsDerWithTheNamedCurveAndTheUncompressedPoint() {
        byte[] scalar = K1.randomScalar(new SecureRandom());
        assertThat(scalar).hasSize(32);
        byte[] spki = K1.publicKeyInfo(scalar);
        String hex = HexFormat.of().formatHex(spki);
        // SEQUENCE { SEQUENCE { ecPublicKey, secp256k1 }, BIT STRING 00 04 X Y }
        assertThat(hex).startsWith("3056301006072a8648ce3d020106052b8104000a034200" + "04");
        assertThat(spki).hasSize(88);
        WeierstrassCurve.Point q = K1.multiply(new BigInteger(1, scalar), K1.generator());
        assertThat(new BigInteger(1, Arrays.copyOfRange(spki, 24, 56))).isEqualTo(q.x());
        assertThat(new BigInteger(1, Arrays.copyOfRange(spki, 56, 88))).isEqualTo(q.y());
        assertThat(K1.onCurve(q)).isTrue();

        byte[] sm2 = WeierstrassCurve.SM2.publicKeyInfo(WeierstrassCurve.SM2.randomScalar(new SecureRandom()));
        assertThat(HexFormat.of().formatHex(sm2)).startsWith("3059301306072a8648ce3d020106082a811ccf5501822d03420004");
    }

    /** The ECDSA code serves secp256k1; on P-256 the JDK can check it in both directions. */
    @Test
    void ecdsaAgreesWithTheJdkOnP256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        var kp = g.generateKeyPair();
        ECParameterSpec spec = ((ECPublicKey) kp.getPublic()).getParams();
        WeierstrassCurve p256 = new WeierstrassCurve("secp256r1", ((ECFieldFp) spec.getCurve().getField()).getP(),
                spec.getCurve().getA(), spec.getCurve().getB(), spec.getGenerator().getAffineX(),
                spec.getGenerator().getAffineY(), spec.getOrder(), new byte[0]);
        var w = ((ECPublicKey) kp.getPublic()).getW();
        WeierstrassCurve.Point q = new WeierstrassCurve.Point(w.getAffineX(), w.getAffineY());
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(new byte[]{1, 2, 3});
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 5; i++) {
            byte[] ours = p256.sign(digest, ((ECPrivateKey) kp.getPrivate()).getS(), random);
            java.security.Signature jdk = java.security.Signature.getInstance("NONEwithECDSA");
            jdk.initVerify(kp.getPublic());
            jdk.update(digest);
            assertThat(jdk.verify(ours)).isTrue();
            assertThat(p256.verify(digest, ours, q)).isTrue();

            jdk.initSign(kp.getPrivate());
            jdk.update(digest);
            byte[] theirs = jdk.sign();
            assertThat(p256.verify(digest, theirs, q)).isTrue();
            byte[] other = digest.clone();
            other[0] ^= 1;
            assertThat(p256.verify(other, theirs, q)).isFalse();
        }
    }

    @Test
    void ecdsaSignaturesMustBeStrictDer() {
        assertThat(Der.ecdsaSignature(HexFormat.of().parseHex("3006020101020102"))).containsExactly(
                BigInteger.ONE, BigInteger.TWO);
        assertThat(Der.ecdsaSignature(HexFormat.of().parseHex("300702020001020102"))).as("not minimal").isNull();
        assertThat(Der.ecdsaSignature(HexFormat.of().parseHex("3006020100020102"))).as("r = 0").isNull();
        assertThat(Der.ecdsaSignature(HexFormat.of().parseHex("3006020181020102"))).as("negative").isNull();
        assertThat(Der.ecdsaSignature(HexFormat.of().parseHex("300602010102010200"))).as("trailing").isNull();
        assertThat(Der.ecdsaSignature(new byte[3])).isNull();
        byte[] d = K1.randomScalar(new SecureRandom());
        WeierstrassCurve.Point q = K1.multiply(new BigInteger(1, d), K1.generator());
        byte[] digest = new byte[32];
        byte[] sig = K1.sign(digest, new BigInteger(1, d), new SecureRandom());
        assertThat(K1.verify(digest, sig, q)).isTrue();
        BigInteger[] rs = Der.ecdsaSignature(sig);
        byte[] highR = Der.sequence(Der.integer(rs[0].add(K1.n())), Der.integer(rs[1]));
        assertThat(K1.verify(digest, highR, q)).as("r ≥ n").isFalse();
    }
}
