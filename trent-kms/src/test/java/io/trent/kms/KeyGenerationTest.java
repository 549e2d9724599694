package io.trent.kms;

import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

class KeyGenerationTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void symmetricAndHmacMaterialHasTheSpecsLength() {
        assertThat(KeyGeneration.generate(KeySpec.SYMMETRIC_DEFAULT, random).material().length()).isEqualTo(32);
        assertThat(KeyGeneration.generate(KeySpec.SYMMETRIC_DEFAULT, random).publicKey()).isNull();
        assertThat(KeyGeneration.generate(KeySpec.HMAC_224, random).material().length()).isEqualTo(28);
        assertThat(KeyGeneration.generate(KeySpec.HMAC_512, random).material().length()).isEqualTo(64);
        assertThat(KeyGeneration.generate(KeySpec.SYMMETRIC_DEFAULT, random).material())
                .isNotEqualTo(KeyGeneration.generate(KeySpec.SYMMETRIC_DEFAULT, random).material());
    }

    @Test
    void asymmetricMaterialIsPkcs8WithAMatchingPublicKey() throws Exception {
        KeyGeneration.Generated rsa = KeyGeneration.generate(KeySpec.RSA_2048, random);
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(rsa.material().bytes()));
        assertThat(priv.getModulus().bitLength()).isEqualTo(2048);
        var pub = (java.security.interfaces.RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(rsa.publicKey()));
        assertThat(pub.getModulus()).isEqualTo(priv.getModulus());

        for (KeySpec spec : new KeySpec[]{KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521}) {
            KeyGeneration.Generated ec = KeyGeneration.generate(spec, random);
            KeyFactory f = KeyFactory.getInstance("EC");
            f.generatePrivate(new PKCS8EncodedKeySpec(ec.material().bytes()));
            ECPublicKey p = (ECPublicKey) f.generatePublic(new X509EncodedKeySpec(ec.publicKey()));
            assertThat(p.getParams().getCurve().getField().getFieldSize()).isEqualTo(spec.bits());
        }
        KeyGeneration.Generated ed = KeyGeneration.generate(KeySpec.ECC_NIST_EDWARDS25519, random);
        assertThat(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(ed.publicKey()))
                .getAlgorithm()).isIn("Ed25519", "EdDSA");
    }

    @Test
    void secp256k1AndSm2KeysAreScalarsBelowTheOrder() {
        KeyGeneration.Generated k1 = KeyGeneration.generate(KeySpec.ECC_SECG_P256K1, random);
        assertThat(k1.material().length()).isEqualTo(32);
        assertThat(new java.math.BigInteger(1, k1.material().bytes())).isLessThan(WeierstrassCurve.SECP256K1.n());
        assertThat(k1.publicKey()).hasSize(88);
        assertThat(KeyGeneration.generate(KeySpec.SM2, random).publicKey()).hasSize(91);
    }
}
