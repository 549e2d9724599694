package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GetPublicKey, Sign, Verify, GenerateMac, VerifyMac, RSA Encrypt/Decrypt/ReEncrypt and GenerateDataKeyPair*.
 * Signatures and ciphertexts are checked against the JDK (and OpenSSL for secp256k1, which Java 17 cannot verify)
 * with the public key GetPublicKey returns.
 */
public abstract class AsymmetricSuite extends KmsServiceTestSupport {
    private static final byte[] MESSAGE = "the message to sign".getBytes(StandardCharsets.UTF_8);

    private String key(String spec, String usage) {
        return createKey("{'KeySpec':'" + spec + "','KeyUsage':'" + usage + "'}");
    }

    private PublicKey publicKey(String keyId, String algorithm) throws Exception {
        byte[] der = unb64(call("GetPublicKey", "{'KeyId':'" + keyId + "'}").get("PublicKey"));
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    }

    private byte[] sign(String keyId, String algorithm, byte[] message, String messageType) {
        JsonNode r = call("Sign", signBody(keyId, algorithm, message, messageType));
        assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(keyId));
        assertThat(r.get("SigningAlgorithm").asText()).isEqualTo(algorithm);
        return unb64(r.get("Signature"));
    }

    private static String signBody(String keyId, String algorithm, byte[] message, String messageType) {
        return "{'KeyId':'" + keyId + "','Message':'" + b64(message) + "','SigningAlgorithm':'" + algorithm + "'"
                + (messageType == null ? "" : ",'MessageType':'" + messageType + "'") + "}";
    }

    private static String verifyBody(String keyId, String algorithm, byte[] message, String messageType,
                                     byte[] signature) {
        String sign = signBody(keyId, algorithm, message, messageType);
        return sign.substring(0, sign.length() - 1) + ",'Signature':'" + b64(signature) + "'}";
    }

    private void assertVerifies(String keyId, String algorithm, byte[] message, String messageType, byte[] signature) {
        JsonNode r = call("Verify", verifyBody(keyId, algorithm, message, messageType, signature));
        assertThat(r.get("SignatureValid").asBoolean()).isTrue();
        assertThat(r.get("SigningAlgorithm").asText()).isEqualTo(algorithm);
        assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(keyId));
    }

    private static byte[] sha(int bits, byte[] message) throws Exception {
        return MessageDigest.getInstance("SHA-" + bits).digest(message);
    }

    private static byte[] tampered(byte[] b) {
        byte[] out = b.clone();
        out[out.length / 2] ^= 0x01;
        return out;
    }

    // ---- GetPublicKey ----

    @Test
    void getPublicKeyReturnsTheDerKeyAndWhatItIsFor() throws Exception {
        String rsa = key("RSA_2048", "ENCRYPT_DECRYPT");
        JsonNode r = call("GetPublicKey", "{'KeyId':'" + rsa + "'}");
        assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(rsa));
        assertThat(r.get("KeySpec").asText()).isEqualTo("RSA_2048");
        assertThat(r.get("CustomerMasterKeySpec").asText()).isEqualTo("RSA_2048");
        assertThat(r.get("KeyUsage").asText()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(r.get("EncryptionAlgorithms").toString()).isEqualTo("[\"RSAES_OAEP_SHA_1\",\"RSAES_OAEP_SHA_256\"]");
        assertThat(r.has("SigningAlgorithms")).isFalse();
        assertThat(((RSAPublicKey) publicKey(rsa, "RSA")).getModulus().bitLength()).isEqualTo(2048);

        String ec = key("ECC_NIST_P384", "KEY_AGREEMENT");
        JsonNode e = call("GetPublicKey", "{'KeyId':'" + ec + "'}");
        assertThat(e.get("KeyAgreementAlgorithms").toString()).isEqualTo("[\"ECDH\"]");
        assertThat(((ECPublicKey) publicKey(ec, "EC")).getParams().getOrder().bitLength()).isEqualTo(384);

        String ed = key("ECC_NIST_EDWARDS25519", "SIGN_VERIFY");
        JsonNode d = call("GetPublicKey", "{'KeyId':'" + ed + "'}");
        assertThat(d.has("CustomerMasterKeySpec")).isFalse();
        assertThat(d.get("SigningAlgorithms").toString()).isEqualTo("[\"ED25519_SHA_512\",\"ED25519_PH_SHA_512\"]");
        // consistent with DescribeKey
        assertThat(call("DescribeKey", "{'KeyId':'" + ed + "'}").at("/KeyMetadata/SigningAlgorithms"))
                .isEqualTo(d.get("SigningAlgorithms"));

        assertThat(error("UnsupportedOperationException", "GetPublicKey", "{'KeyId':'" + createKey() + "'}"))
                .contains("SYMMETRIC_DEFAULT");
        error("UnsupportedOperationException", "GetPublicKey", "{'KeyId':'" + key("HMAC_256", "GENERATE_VERIFY_MAC") + "'}");
        call("DisableKey", "{'KeyId':'" + rsa + "'}");
        error("DisabledException", "GetPublicKey", "{'KeyId':'" + rsa + "'}");
        error("NotFoundException", "GetPublicKey", "{'KeyId':'alias/none'}");
        error("ValidationException", "GetPublicKey", "{}");
    }

    // ---- Sign and Verify ----

    @Test
    void rsaSignaturesInteroperateWithTheJdk() throws Exception {
        String id = key("RSA_2048", "SIGN_VERIFY");
        PublicKey pub = publicKey(id, "RSA");
        for (int bits : new int[]{256, 384, 512}) {
            String pkcs1 = "RSASSA_PKCS1_V1_5_SHA_" + bits, pss = "RSASSA_PSS_SHA_" + bits;
            for (String type : new String[]{null, "RAW", "DIGEST"}) {
                byte[] input = "DIGEST".equals(type) ? sha(bits, MESSAGE) : MESSAGE;
                byte[] s1 = sign(id, pkcs1, input, type);
                Signature v1 = Signature.getInstance("SHA" + bits + "withRSA");
                v1.initVerify(pub);
                v1.update(MESSAGE);
                assertThat(v1.verify(s1)).as(pkcs1 + " " + type).isTrue();
                assertVerifies(id, pkcs1, input, type, s1);

                byte[] s2 = sign(id, pss, input, type);
                Signature v2 = Signature.getInstance("RSASSA-PSS");
                v2.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits),
                        bits / 8, 1));
                v2.initVerify(pub);
                v2.update(MESSAGE);
                assertThat(v2.verify(s2)).as(pss + " " + type).isTrue();
                assertVerifies(id, pss, input, type, s2);
                // PSS is randomized: two signatures differ, both valid
                assertThat(sign(id, pss, input, type)).isNotEqualTo(s2);
                error("KMSInvalidSignatureException", "Verify", verifyBody(id, pss, input, type, tampered(s2)));
                error("KMSInvalidSignatureException", "Verify", verifyBody(id, pkcs1, input, type, tampered(s1)));
            }
        }
        // a signature of another message, or under another algorithm, does not verify
        byte[] s = sign(id, "RSASSA_PSS_SHA_256", MESSAGE, null);
        error("KMSInvalidSignatureException", "Verify",
                verifyBody(id, "RSASSA_PSS_SHA_256", "another message".getBytes(StandardCharsets.UTF_8), null, s));
        error("KMSInvalidSignatureException", "Verify", verifyBody(id, "RSASSA_PKCS1_V1_5_SHA_256", MESSAGE, null, s));
        error("KMSInvalidSignatureException", "Verify", verifyBody(id, "RSASSA_PSS_SHA_256", MESSAGE, null, new byte[3]));
    }

    @Test
    void nistEcdsaSignaturesAreDerAndInteroperateWithTheJdk() throws Exception {
        Map<String, Integer> curves = Map.of("ECC_NIST_P256", 256, "ECC_NIST_P384", 384, "ECC_NIST_P521", 512);
        for (Map.Entry<String, Integer> c : curves.entrySet()) {
            String id = key(c.getKey(), "SIGN_VERIFY");
            int bits = c.getValue();
            String alg = "ECDSA_SHA_" + bits;
            PublicKey pub = publicKey(id, "EC");
            for (String type : new String[]{"RAW", "DIGEST"}) {
                byte[] input = type.equals("DIGEST") ? sha(bits, MESSAGE) : MESSAGE;
                byte[] sig = sign(id, alg, input, type);
                assertThat(sig[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
                Signature v = Signature.getInstance("SHA" + bits + "withECDSA");
                v.initVerify(pub);
                v.update(MESSAGE);
                assertThat(v.verify(sig)).as(c.getKey() + " " + type).isTrue();
                assertVerifies(id, alg, input, type, sig);
                error("KMSInvalidSignatureException", "Verify", verifyBody(id, alg, tampered(input), type, sig));
            }
            String other = bits == 256 ? "ECDSA_SHA_384" : "ECDSA_SHA_256";
            assertThat(error("InvalidKeyUsageException", "Sign", signBody(id, other, MESSAGE, null)))
                    .isEqualTo("Algorithm " + other + " is incompatible with key spec " + c.getKey() + ".");
        }
    }

    @Test
    void secp256k1SignaturesVerifyWithOpenSsl() throws Exception {
        String id = key("ECC_SECG_P256K1", "SIGN_VERIFY");
        byte[] spki = unb64(call("GetPublicKey", "{'KeyId':'" + id + "'}").get("PublicKey"));
        byte[] raw = sign(id, "ECDSA_SHA_256", MESSAGE, null);
        byte[] digest = sign(id, "ECDSA_SHA_256", sha(256, MESSAGE), "DIGEST");
        assertVerifies(id, "ECDSA_SHA_256", MESSAGE, "RAW", raw);
        assertVerifies(id, "ECDSA_SHA_256", sha(256, MESSAGE), "DIGEST", raw);
        assertVerifies(id, "ECDSA_SHA_256", MESSAGE, null, digest);
        error("KMSInvalidSignatureException", "Verify", verifyBody(id, "ECDSA_SHA_256", MESSAGE, null, tampered(raw)));
        error("KMSInvalidSignatureException", "Verify", verifyBody(id, "ECDSA_SHA_256", tampered(MESSAGE), null, raw));
        assertThat(openSslVerifies(spki, MESSAGE, raw)).isTrue();
        assertThat(openSslVerifies(spki, MESSAGE, digest)).isTrue();
        assertThat(openSslVerifies(spki, tampered(MESSAGE), raw)).isFalse();
    }

    private boolean openSslVerifies(byte[] spki, byte[] message, byte[] signature) throws Exception {
        Path pub = Files.write(dir.resolve("pub.der"), spki);
        Path msg = Files.write(dir.resolve("msg.bin"), message);
        Path sig = Files.write(dir.resolve("sig.der"), signature);
        Process p = new ProcessBuilder("openssl", "dgst", "-sha256", "-verify", pub.toString(), "-keyform", "DER",
                "-signature", sig.toString(), msg.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).containsAnyOf("Verified OK", "Verification failure");
        return p.exitValue() == 0 && out.contains("Verified OK");
    }

    @Test
    void ed25519SignsRawMessagesOnly() throws Exception {
        String id = key("ECC_NIST_EDWARDS25519", "SIGN_VERIFY");
        byte[] sig = sign(id, "ED25519_SHA_512", MESSAGE, "RAW");
        assertThat(sig).hasSize(64);
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(publicKey(id, "Ed25519"));
        v.update(MESSAGE);
        assertThat(v.verify(sig)).isTrue();
        assertVerifies(id, "ED25519_SHA_512", MESSAGE, null, sig);
        error("KMSInvalidSignatureException", "Verify", verifyBody(id, "ED25519_SHA_512", tampered(MESSAGE), null, sig));
        error("ValidationException", "Sign", signBody(id, "ED25519_SHA_512", sha(512, MESSAGE), "DIGEST"));
        assertThat(error("UnsupportedOperationException", "Sign",
                signBody(id, "ED25519_PH_SHA_512", sha(512, MESSAGE), "DIGEST"))).contains("Java 17");
        error("ValidationException", "Sign", signBody(id, "ED25519_PH_SHA_512", MESSAGE, "RAW"));
    }

    @Test
    void signingRulesAndErrors() throws Exception {
        String ec = key("ECC_NIST_P256", "SIGN_VERIFY");
        String rsaEnc = key("RSA_2048", "ENCRYPT_DECRYPT");
        assertThat(error("InvalidKeyUsageException", "Sign", signBody(rsaEnc, "RSASSA_PSS_SHA_256", MESSAGE, null)))
                .isEqualTo(keyArn(rsaEnc) + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.");
        error("InvalidKeyUsageException", "Verify", verifyBody(rsaEnc, "RSASSA_PSS_SHA_256", MESSAGE, null, new byte[256]));
        error("InvalidKeyUsageException", "Sign", signBody(createKey(), "ECDSA_SHA_256", MESSAGE, null));
        error("InvalidKeyUsageException", "Sign",
                signBody(key("HMAC_256", "GENERATE_VERIFY_MAC"), "ECDSA_SHA_256", MESSAGE, null));
        error("InvalidKeyUsageException", "Sign", signBody(ec, "RSASSA_PSS_SHA_256", MESSAGE, null));
        // digests must have the length of the algorithm's hash
        assertThat(error("ValidationException", "Sign", signBody(ec, "ECDSA_SHA_256", sha(384, MESSAGE), "DIGEST")))
                .isEqualTo("Digest is invalid length for algorithm ECDSA_SHA_256.");
        error("ValidationException", "Verify", verifyBody(ec, "ECDSA_SHA_256", new byte[31], "DIGEST", new byte[70]));
        // model validation, all at once, before the key is looked up
        assertThat(error("ValidationException", "Sign", "{'KeyId':'alias/none','Message':'" + b64(new byte[4097])
                + "','MessageType':'HASH'}")).startsWith("3 validation errors detected:");
        error("ValidationException", "Sign", signBody(ec, "ECDSA_SHA_256", new byte[0], null));
        error("ValidationException", "Verify", signBody(ec, "ECDSA_SHA_256", MESSAGE, null));
        error("ValidationException", "Sign", signBody(ec, "ECDSA_SHA_256", MESSAGE, "EXTERNAL_MU"));
        // 4096 bytes of raw message are fine
        assertVerifies(ec, "ECDSA_SHA_256", new byte[4096], null, sign(ec, "ECDSA_SHA_256", new byte[4096], null));
        assertThat(error("DryRunOperationException", "Sign", "{'KeyId':'" + ec + "','Message':'" + b64(MESSAGE)
                + "','SigningAlgorithm':'ECDSA_SHA_256','DryRun':true}")).contains("DryRun");
        byte[] sig = sign(ec, "ECDSA_SHA_256", MESSAGE, null);
        call("DisableKey", "{'KeyId':'" + ec + "'}");
        error("DisabledException", "Sign", signBody(ec, "ECDSA_SHA_256", MESSAGE, null));
        error("DisabledException", "Verify", verifyBody(ec, "ECDSA_SHA_256", MESSAGE, null, sig));
        call("EnableKey", "{'KeyId':'" + ec + "'}");
        // the material survives a restart (it is unwrapped from the store again)
        restart();
        assertVerifies(ec, "ECDSA_SHA_256", MESSAGE, null, sig);
        assertVerifies(ec, "ECDSA_SHA_256", MESSAGE, null, sign(ec, "ECDSA_SHA_256", MESSAGE, null));
    }

    @Test
    void aGrantListingSignAllowsSignOnly() {
        String id = key("ECC_NIST_P256", "SIGN_VERIFY");
        errorAs(BOB, "AccessDeniedException", "Sign", signBody(keyArn(id), "ECDSA_SHA_256", MESSAGE, null));
        call("CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB + "','Operations':['Sign']}");
        JsonNode r = callAs(BOB, "Sign", signBody(keyArn(id), "ECDSA_SHA_256", MESSAGE, null));
        byte[] sig = unb64(r.get("Signature"));
        assertVerifies(id, "ECDSA_SHA_256", MESSAGE, null, sig);
        errorAs(BOB, "AccessDeniedException", "Verify", verifyBody(keyArn(id), "ECDSA_SHA_256", MESSAGE, null, sig));
        errorAs(BOB, "AccessDeniedException", "GetPublicKey", "{'KeyId':'" + keyArn(id) + "'}");
        // a key policy condition on the signing algorithm
        String pol = createKey("{'KeySpec':'RSA_2048','KeyUsage':'SIGN_VERIFY','Policy':'" + ("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROOT + "\"},\"Action\":\"kms:*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + BOB + "\"},\"Action\":"
                + "\"kms:Sign\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:SigningAlgorithm\":"
                + "\"RSASSA_PSS_SHA_256\",\"kms:MessageType\":\"RAW\"}}}]}").replace("\"", "\\\"") + "'}");
        callAs(BOB, "Sign", signBody(keyArn(pol), "RSASSA_PSS_SHA_256", MESSAGE, null));
        errorAs(BOB, "AccessDeniedException", "Sign", signBody(keyArn(pol), "RSASSA_PKCS1_V1_5_SHA_256", MESSAGE, null));
        errorAs(BOB, "AccessDeniedException", "Sign",
                signBody(keyArn(pol), "RSASSA_PSS_SHA_256", new byte[32], "DIGEST"));
    }

    // ---- MACs ----

    @Test
    void macsForEveryHmacSpec() {
        for (int bits : new int[]{224, 256, 384, 512}) {
            String id = key("HMAC_" + bits, "GENERATE_VERIFY_MAC");
            String alg = "HMAC_SHA_" + bits;
            String body = "{'KeyId':'" + id + "','Message':'" + b64(MESSAGE) + "','MacAlgorithm':'" + alg + "'}";
            JsonNode r = call("GenerateMac", body);
            byte[] mac = unb64(r.get("Mac"));
            assertThat(mac).hasSize(bits / 8);
            assertThat(r.get("MacAlgorithm").asText()).isEqualTo(alg);
            assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(id));
            assertThat(unb64(call("GenerateMac", body).get("Mac"))).as("HMAC is deterministic").isEqualTo(mac);
            String verify = body.substring(0, body.length() - 1) + ",'Mac':'" + b64(mac) + "'}";
            JsonNode v = call("VerifyMac", verify);
            assertThat(v.get("MacValid").asBoolean()).isTrue();
            assertThat(v.get("MacAlgorithm").asText()).isEqualTo(alg);
            error("KMSInvalidMacException", "VerifyMac",
                    body.substring(0, body.length() - 1) + ",'Mac':'" + b64(tampered(mac)) + "'}");
            error("KMSInvalidMacException", "VerifyMac",
                    body.substring(0, body.length() - 1) + ",'Mac':'" + b64(java.util.Arrays.copyOf(mac, 16)) + "'}");
            String other = bits == 256 ? "HMAC_SHA_512" : "HMAC_SHA_256";
            assertThat(error("InvalidKeyUsageException", "GenerateMac", body.replace(alg, other)))
                    .isEqualTo("Algorithm " + other + " is incompatible with key spec HMAC_" + bits + ".");
        }
        // two keys of the same spec give different MACs
        String a = key("HMAC_256", "GENERATE_VERIFY_MAC"), b = key("HMAC_256", "GENERATE_VERIFY_MAC");
        String body = "','Message':'" + b64(MESSAGE) + "','MacAlgorithm':'HMAC_SHA_256'}";
        byte[] macA = unb64(call("GenerateMac", "{'KeyId':'" + a + body).get("Mac"));
        assertThat(unb64(call("GenerateMac", "{'KeyId':'" + b + body).get("Mac"))).isNotEqualTo(macA);
        error("KMSInvalidMacException", "VerifyMac", "{'KeyId':'" + b + "','Mac':'" + b64(macA) + body);
    }

    @Test
    void macRulesAndErrors() {
        String id = key("HMAC_256", "GENERATE_VERIFY_MAC");
        String ok = "','MacAlgorithm':'HMAC_SHA_256'}";
        assertThat(error("InvalidKeyUsageException", "GenerateMac", "{'KeyId':'" + createKey() + "','Message':'"
                + b64(MESSAGE) + ok)).endsWith("key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.");
        error("ValidationException", "GenerateMac", "{'KeyId':'" + id + "','Message':''" + ok.substring(1));
        error("ValidationException", "GenerateMac", "{'KeyId':'" + id + "','Message':'" + b64(new byte[4097]) + ok);
        error("ValidationException", "GenerateMac", "{'KeyId':'" + id + "','Message':'" + b64(MESSAGE) + "'}");
        error("ValidationException", "VerifyMac", "{'KeyId':'" + id + "','Message':'" + b64(MESSAGE) + ok);
        call("GenerateMac", "{'KeyId':'" + id + "','Message':'" + b64(new byte[4096]) + ok);
        error("DryRunOperationException", "VerifyMac", "{'KeyId':'" + id + "','Message':'" + b64(MESSAGE)
                + "','Mac':'" + b64(new byte[32]) + "','DryRun':true" + ok.substring(1));
        call("DisableKey", "{'KeyId':'" + id + "'}");
        error("DisabledException", "GenerateMac", "{'KeyId':'" + id + "','Message':'" + b64(MESSAGE) + ok);
        call("ScheduleKeyDeletion", "{'KeyId':'" + id + "','PendingWindowInDays':7}");
        error("KMSInvalidStateException", "GenerateMac", "{'KeyId':'" + id + "','Message':'" + b64(MESSAGE) + ok);
    }

    // ---- RSA encryption ----

    @Test
    void rsaOaepEncryptionInteroperatesWithTheJdk() throws Exception {
        String id = key("RSA_2048", "ENCRYPT_DECRYPT");
        PublicKey pub = publicKey(id, "RSA");
        for (String alg : List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256")) {
            String hash = alg.endsWith("_1") ? "SHA-1" : "SHA-256";
            int max = alg.endsWith("_1") ? 214 : 190;
            byte[] plaintext = new byte[max];
            plaintext[0] = 42;
            JsonNode e = call("Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64(plaintext)
                    + "','EncryptionAlgorithm':'" + alg + "'}");
            assertThat(e.get("EncryptionAlgorithm").asText()).isEqualTo(alg);
            byte[] ciphertext = unb64(e.get("CiphertextBlob"));
            assertThat(ciphertext).hasSize(256);
            JsonNode d = call("Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + b64(ciphertext)
                    + "','EncryptionAlgorithm':'" + alg + "'}");
            assertThat(unb64(d.get("Plaintext"))).isEqualTo(plaintext);
            assertThat(d.get("EncryptionAlgorithm").asText()).isEqualTo(alg);
            assertThat(d.has("KeyMaterialId")).isFalse();

            // encrypted by the JDK with the public key, decrypted by KMS
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, pub, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    PSource.PSpecified.DEFAULT));
            byte[] outside = c.doFinal(MESSAGE);
            assertThat(unb64(call("Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + b64(outside)
                    + "','EncryptionAlgorithm':'" + alg + "'}").get("Plaintext"))).isEqualTo(MESSAGE);

            assertThat(error("ValidationException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'"
                    + b64(new byte[max + 1]) + "','EncryptionAlgorithm':'" + alg + "'}")).contains("at most " + max);
        }
        byte[] sha1 = unb64(call("Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64(MESSAGE)
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_1'}").get("CiphertextBlob"));
        // the wrong algorithm, no KeyId, tampering, or a context: errors
        error("InvalidCiphertextException", "Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + b64(sha1)
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_256'}");
        error("InvalidCiphertextException", "Decrypt", "{'CiphertextBlob':'" + b64(sha1)
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_1'}");
        error("InvalidCiphertextException", "Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + b64(tampered(sha1))
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_1'}");
        error("ValidationException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64(MESSAGE)
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_1','EncryptionContext':{'a':'b'}}");
        error("ValidationException", "Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + b64(sha1)
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_1','EncryptionContext':{'a':'b'}}");
        error("InvalidKeyUsageException", "Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + b64(sha1) + "'}");
        error("InvalidKeyUsageException", "Encrypt", "{'KeyId':'" + key("RSA_2048", "SIGN_VERIFY") + "','Plaintext':'"
                + b64(MESSAGE) + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_1'}");

        // ReEncrypt from RSA to a symmetric key and back to RSA
        String sym = createKey();
        JsonNode toSym = call("ReEncrypt", "{'CiphertextBlob':'" + b64(sha1) + "','SourceKeyId':'" + id
                + "','SourceEncryptionAlgorithm':'RSAES_OAEP_SHA_1','DestinationKeyId':'" + sym
                + "','DestinationEncryptionContext':{'k':'v'}}");
        assertThat(toSym.get("SourceEncryptionAlgorithm").asText()).isEqualTo("RSAES_OAEP_SHA_1");
        assertThat(toSym.get("DestinationEncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(toSym.has("SourceKeyMaterialId")).isFalse();
        assertThat(toSym.has("DestinationKeyMaterialId")).isTrue();
        String symBlob = toSym.get("CiphertextBlob").asText();
        assertThat(unb64(call("Decrypt", "{'CiphertextBlob':'" + symBlob + "','EncryptionContext':{'k':'v'}}")
                .get("Plaintext"))).isEqualTo(MESSAGE);
        JsonNode back = call("ReEncrypt", "{'CiphertextBlob':'" + symBlob + "','SourceEncryptionContext':{'k':'v'},"
                + "'DestinationKeyId':'" + id + "','DestinationEncryptionAlgorithm':'RSAES_OAEP_SHA_256'}");
        assertThat(unb64(call("Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + back.get("CiphertextBlob").asText()
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_256'}").get("Plaintext"))).isEqualTo(MESSAGE);
        error("ValidationException", "ReEncrypt", "{'CiphertextBlob':'" + symBlob + "','SourceEncryptionContext':"
                + "{'k':'v'},'DestinationKeyId':'" + id + "','DestinationEncryptionAlgorithm':'RSAES_OAEP_SHA_256',"
                + "'DestinationEncryptionContext':{'x':'y'}}");
    }

    // ---- data key pairs ----

    @Test
    void dataKeyPairsAreUsableAndTheirPrivateKeyDecrypts() throws Exception {
        String wrapping = createKey();
        String context = "{'purpose':'pair'}";
        for (String spec : List.of("RSA_2048", "ECC_NIST_P256", "ECC_NIST_P521", "ECC_SECG_P256K1",
                "ECC_NIST_EDWARDS25519")) {
            JsonNode r = call("GenerateDataKeyPair", "{'KeyId':'" + wrapping + "','KeyPairSpec':'" + spec
                    + "','EncryptionContext':" + context + "}");
            assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(wrapping));
            assertThat(r.get("KeyPairSpec").asText()).isEqualTo(spec);
            assertThat(r.get("KeyMaterialId").asText()).hasSize(64);
            byte[] pkcs8 = unb64(r.get("PrivateKeyPlaintext"));
            byte[] spki = unb64(r.get("PublicKey"));
            assertThat(unb64(call("Decrypt", "{'CiphertextBlob':'" + r.get("PrivateKeyCiphertextBlob").asText()
                    + "','EncryptionContext':" + context + "}").get("Plaintext"))).isEqualTo(pkcs8);
            error("InvalidCiphertextException", "Decrypt", "{'CiphertextBlob':'"
                    + r.get("PrivateKeyCiphertextBlob").asText() + "'}");
            String algorithm = spec.startsWith("RSA") ? "RSA" : spec.endsWith("25519") ? "Ed25519" : "EC";
            PrivateKey priv = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey pub = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            if (spec.equals("ECC_SECG_P256K1")) {
                WeierstrassCurve.Point q = WeierstrassCurve.SECP256K1.multiply(((ECPrivateKey) priv).getS(),
                        WeierstrassCurve.SECP256K1.generator());
                assertThat(q.x()).isEqualTo(((ECPublicKey) pub).getW().getAffineX());
                assertThat(q.y()).isEqualTo(((ECPublicKey) pub).getW().getAffineY());
            } else if (algorithm.equals("RSA")) {
                assertThat(((RSAPrivateCrtKey) priv).getModulus()).isEqualTo(((RSAPublicKey) pub).getModulus());
                assertThat(((RSAPublicKey) pub).getModulus().bitLength()).isEqualTo(2048);
            } else {
                Signature s = Signature.getInstance(algorithm.equals("EC") ? "SHA256withECDSA" : "Ed25519");
                s.initSign(priv);
                s.update(MESSAGE);
                byte[] sig = s.sign();
                s.initVerify(pub);
                s.update(MESSAGE);
                assertThat(s.verify(sig)).as(spec).isTrue();
            }
        }
        JsonNode w = call("GenerateDataKeyPairWithoutPlaintext", "{'KeyId':'" + wrapping
                + "','KeyPairSpec':'ECC_NIST_P384'}");
        assertThat(w.has("PrivateKeyPlaintext")).isFalse();
        byte[] pkcs8 = unb64(call("Decrypt", "{'CiphertextBlob':'" + w.get("PrivateKeyCiphertextBlob").asText() + "'}")
                .get("Plaintext"));
        assertThat(((ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)))
                .getParams().getOrder().bitLength()).isEqualTo(384);
        assertThat(new BigInteger(1, unb64(w.get("PublicKey"))).signum()).isPositive();
    }

    @Test
    void dataKeyPairRules() {
        String wrapping = createKey();
        error("ValidationException", "GenerateDataKeyPair", "{'KeyId':'" + wrapping + "'}");
        error("ValidationException", "GenerateDataKeyPair", "{'KeyId':'" + wrapping + "','KeyPairSpec':'AES_256'}");
        error("UnsupportedOperationException", "GenerateDataKeyPair", "{'KeyId':'" + wrapping + "','KeyPairSpec':'SM2'}");
        error("InvalidKeyUsageException", "GenerateDataKeyPair", "{'KeyId':'" + key("RSA_2048", "ENCRYPT_DECRYPT")
                + "','KeyPairSpec':'ECC_NIST_P256'}");
        error("InvalidKeyUsageException", "GenerateDataKeyPairWithoutPlaintext", "{'KeyId':'"
                + key("HMAC_256", "GENERATE_VERIFY_MAC") + "','KeyPairSpec':'ECC_NIST_P256'}");
        error("DryRunOperationException", "GenerateDataKeyPair", "{'KeyId':'" + wrapping
                + "','KeyPairSpec':'ECC_NIST_P256','DryRun':true}");
        errorAs(BOB, "AccessDeniedException", "GenerateDataKeyPair", "{'KeyId':'" + keyArn(wrapping)
                + "','KeyPairSpec':'ECC_NIST_P256'}");
        call("DisableKey", "{'KeyId':'" + wrapping + "'}");
        error("DisabledException", "GenerateDataKeyPairWithoutPlaintext", "{'KeyId':'" + wrapping
                + "','KeyPairSpec':'ECC_NIST_P256'}");
    }
}
