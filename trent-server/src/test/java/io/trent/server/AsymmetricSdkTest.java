package io.trent.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sign/Verify, GenerateMac/VerifyMac, RSA encryption and data key pairs through the AWS SDK for Java v2. */
class AsymmetricSdkTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static KmsClient alice;
    private static final SdkBytes MESSAGE = SdkBytes.fromString("signed over HTTP", StandardCharsets.UTF_8);

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, Fixtures.CONFIG, null);
        alice = Fixtures.client(server.endpoint(), "AKIAALICE", "alice-secret", Region.US_WEST_2);
    }

    @AfterAll
    static void stop() {
        alice.close();
        server.close();
    }

    private static String key(KeySpec spec, KeyUsageType usage) {
        return alice.createKey(r -> r.keySpec(spec).keyUsage(usage)).keyMetadata().keyId();
    }

    private static PublicKey publicKey(String keyId, String algorithm) throws Exception {
        byte[] der = alice.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray();
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    }

    @Test
    void signAndVerify() throws Exception {
        String rsa = key(KeySpec.RSA_3072, KeyUsageType.SIGN_VERIFY);
        SignResponse signed = alice.sign(r -> r.keyId(rsa).message(MESSAGE)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_384));
        assertThat(signed.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.RSASSA_PSS_SHA_384);
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1));
        pss.initVerify(publicKey(rsa, "RSA"));
        pss.update(MESSAGE.asByteArray());
        assertThat(pss.verify(signed.signature().asByteArray())).isTrue();
        assertThat(alice.verify(r -> r.keyId(rsa).message(MESSAGE).signature(signed.signature())
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_384)).signatureValid()).isTrue();

        String ec = key(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        SdkBytes digest = SdkBytes.fromByteArray(MessageDigest.getInstance("SHA-256").digest(MESSAGE.asByteArray()));
        SdkBytes ecSig = alice.sign(r -> r.keyId(ec).message(digest).messageType(MessageType.DIGEST)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initVerify(publicKey(ec, "EC"));
        ecdsa.update(MESSAGE.asByteArray());
        assertThat(ecdsa.verify(ecSig.asByteArray())).isTrue();
        assertThat(alice.verify(r -> r.keyId(ec).message(MESSAGE).signature(ecSig)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid()).isTrue();
        KmsInvalidSignatureException bad = catchThrowableOfType(KmsInvalidSignatureException.class,
                () -> alice.verify(r -> r.keyId(ec).message(SdkBytes.fromUtf8String("other")).signature(ecSig)
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
        assertThat(bad).isNotNull();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(catchThrowableOfType(InvalidKeyUsageException.class, () -> alice.sign(r -> r.keyId(ec)
                .message(MESSAGE).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)))).isNotNull();
    }

    @Test
    void generateAndVerifyMacs() {
        String hmac = key(KeySpec.HMAC_384, KeyUsageType.GENERATE_VERIFY_MAC);
        GenerateMacResponse mac = alice.generateMac(r -> r.keyId(hmac).message(MESSAGE)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384));
        assertThat(mac.mac().asByteArray()).hasSize(48);
        assertThat(alice.verifyMac(r -> r.keyId(hmac).message(MESSAGE).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384)).macValid()).isTrue();
        assertThat(catchThrowableOfType(KmsInvalidMacException.class, () -> alice.verifyMac(r -> r.keyId(hmac)
                .message(SdkBytes.fromUtf8String("tampered")).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_384)))).isNotNull();
    }

    @Test
    void dataKeyPairsAndRsaEncryptionRoundTrip() throws Exception {
        String wrapping = alice.createKey(r -> r.description("wraps data key pairs")).keyMetadata().keyId();
        Map<String, String> context = Map.of("app", "sdk");
        GenerateDataKeyPairResponse pair = alice.generateDataKeyPair(r -> r.keyId(wrapping)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P384).encryptionContext(context));
        byte[] privateKey = pair.privateKeyPlaintext().asByteArray();
        assertThat(alice.decrypt(r -> r.ciphertextBlob(pair.privateKeyCiphertextBlob()).encryptionContext(context))
                .plaintext().asByteArray()).isEqualTo(privateKey);
        Signature s = Signature.getInstance("SHA384withECDSA");
        s.initSign(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        s.update(MESSAGE.asByteArray());
        byte[] sig = s.sign();
        s.initVerify(KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(pair.publicKey().asByteArray())));
        s.update(MESSAGE.asByteArray());
        assertThat(s.verify(sig)).isTrue();
        SdkBytes sealed = alice.generateDataKeyPairWithoutPlaintext(r -> r.keyId(wrapping)
                .keyPairSpec(DataKeyPairSpec.RSA_2048)).privateKeyCiphertextBlob();
        byte[] rsaPrivate = alice.decrypt(r -> r.ciphertextBlob(sealed)).plaintext().asByteArray();
        assertThat(((RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(rsaPrivate))).getModulus().bitLength()).isEqualTo(2048);

        String rsa = key(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);
        SdkBytes ciphertext = alice.encrypt(r -> r.keyId(rsa).plaintext(MESSAGE)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).ciphertextBlob();
        assertThat(alice.decrypt(r -> r.keyId(rsa).ciphertextBlob(ciphertext)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)).plaintext()).isEqualTo(MESSAGE);
    }
}
