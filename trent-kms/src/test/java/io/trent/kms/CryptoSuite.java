package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Encrypt, Decrypt, ReEncrypt, GenerateDataKey*, encryption context binding, tampering, persistence. */
public abstract class CryptoSuite extends KmsServiceTestSupport {
    private static final String CONTEXT = "{'Dept':'IT','Purpose':'test'}";
    private static final String SAME_CONTEXT_REORDERED = "{'Purpose':'test','Dept':'IT'}";

    private String encrypt(String keyRef, String plaintext, String context) {
        return call("Encrypt", "{'KeyId':'" + keyRef + "','Plaintext':'" + b64(plaintext) + "'"
                + (context == null ? "" : ",'EncryptionContext':" + context) + "}").get("CiphertextBlob").asText();
    }

    private JsonNode decrypt(String blob, String context, String keyRef) {
        return call("Decrypt", decryptBody(blob, context, keyRef));
    }

    private static String decryptBody(String blob, String context, String keyRef) {
        return "{'CiphertextBlob':'" + blob + "'" + (context == null ? "" : ",'EncryptionContext':" + context)
                + (keyRef == null ? "" : ",'KeyId':'" + keyRef + "'") + "}";
    }

    private static String text(JsonNode decrypted) {
        return new String(unb64(decrypted.get("Plaintext")), StandardCharsets.UTF_8);
    }

    @Test
    void encryptAndDecryptWithAndWithoutKeyId() {
        String id = createKey();
        call("CreateAlias", "{'AliasName':'alias/crypto','TargetKeyId':'" + id + "'}");
        JsonNode enc = call("Encrypt", "{'KeyId':'alias/crypto','Plaintext':'" + b64("secret data") + "',"
                + "'EncryptionContext':" + CONTEXT + "}");
        assertThat(enc.get("KeyId").asText()).isEqualTo(keyArn(id));
        assertThat(enc.get("EncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        String blob = enc.get("CiphertextBlob").asText();

        JsonNode dec = decrypt(blob, SAME_CONTEXT_REORDERED, null);
        assertThat(text(dec)).isEqualTo("secret data");
        assertThat(dec.get("KeyId").asText()).isEqualTo(keyArn(id));
        assertThat(dec.get("EncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        for (String ref : new String[]{id, keyArn(id), "alias/crypto"})
            assertThat(text(decrypt(blob, CONTEXT, ref))).isEqualTo("secret data");
        // two encryptions of the same plaintext differ (random IV)
        assertThat(encrypt(id, "secret data", CONTEXT)).isNotEqualTo(blob);
    }

    @Test
    void theEncryptionContextIsBoundExactly() {
        String id = createKey();
        String blob = encrypt(id, "bound", CONTEXT);
        error("InvalidCiphertextException", "Decrypt", decryptBody(blob, null, null));
        error("InvalidCiphertextException", "Decrypt", decryptBody(blob, "{'Dept':'IT'}", null));
        error("InvalidCiphertextException", "Decrypt", decryptBody(blob, "{'Dept':'it','Purpose':'test'}", null));
        error("InvalidCiphertextException", "Decrypt", decryptBody(blob, "{'dept':'IT','Purpose':'test'}", null));
        error("InvalidCiphertextException", "Decrypt",
                decryptBody(blob, "{'Dept':'IT','Purpose':'test','Extra':'x'}", null));
        // an absent context and {} are the same context
        String none = encrypt(id, "unbound", null);
        assertThat(text(decrypt(none, "{}", null))).isEqualTo("unbound");
        String empty = encrypt(id, "empty", "{}");
        assertThat(text(decrypt(empty, null, null))).isEqualTo("empty");
        // keys and values that could be confused without length prefixes
        String tricky = encrypt(id, "t", "{'ab':'c'}");
        error("InvalidCiphertextException", "Decrypt", decryptBody(tricky, "{'a':'bc'}", null));
        // context members must be strings, and the total size is bounded
        error("SerializationException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64("x")
                + "','EncryptionContext':{'n':1}}");
        error("ValidationException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64("x")
                + "','EncryptionContext':{'k':'" + "v".repeat(8192) + "'}}");
    }

    @Test
    void tamperedOrForeignCiphertextsAreInvalid() {
        String id = createKey();
        byte[] blob = Base64.getDecoder().decode(encrypt(id, "do not touch", CONTEXT));
        // every byte of header, IV, ciphertext and tag is authenticated
        for (int i = 0; i < blob.length; i++) {
            byte[] t = blob.clone();
            t[i] ^= 0x01;
            KmsException e = org.assertj.core.api.Assertions.catchThrowableOfType(KmsException.class,
                    () -> kms.call("Decrypt", json(decryptBody(b64(t), CONTEXT, null)), as(ROOT)));
            assertThat(e).as("byte %d", i).isNotNull();
            assertThat(e.errorCode()).as("byte %d: %s", i, e.getMessage()).isEqualTo("InvalidCiphertextException");
        }
        byte[] truncated = java.util.Arrays.copyOf(blob, blob.length - 1);
        error("InvalidCiphertextException", "Decrypt", decryptBody(b64(truncated), CONTEXT, null));
        byte[] garbage = new byte[100];
        new SecureRandom().nextBytes(garbage);
        error("InvalidCiphertextException", "Decrypt", decryptBody(b64(garbage), null, null));
        error("InvalidCiphertextException", "Decrypt", decryptBody(b64(garbage), null, id));
        error("SerializationException", "Decrypt", "{'CiphertextBlob':'not base64!'}");
        error("ValidationException", "Decrypt", "{}");
        assertThat(error("ValidationException", "Decrypt", decryptBody(b64(new byte[6145]), null, id))).isEqualTo(
                "1 validation error detected: Value at 'ciphertextBlob' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 6144");
        // AWS's InvalidCiphertextException carries no message, whatever the cause
        assertThat(error("InvalidCiphertextException", "Decrypt", decryptBody(b64(garbage), null, null))).isEmpty();
        assertThat(error("InvalidCiphertextException", "Decrypt", decryptBody(b64(truncated), CONTEXT, null))).isEmpty();
    }

    @Test
    void aKeyIdThatDoesNotMatchTheCiphertextIsIncorrectKey() {
        String a = createKey(), b = createKey();
        String blob = encrypt(a, "for a", null);
        assertThat(error("IncorrectKeyException", "Decrypt", decryptBody(blob, null, b)))
                .isEqualTo("The key ID in the request does not identify a CMK that can perform this operation.");
        // the ciphertext's key is compared before the named key's usage
        String hmac = createKey("{'KeySpec':'HMAC_256','KeyUsage':'GENERATE_VERIFY_MAC'}");
        error("IncorrectKeyException", "Decrypt", decryptBody(blob, null, hmac));
        error("IncorrectKeyException", "ReEncrypt", "{'CiphertextBlob':'" + blob + "','SourceKeyId':'" + b
                + "','DestinationKeyId':'" + b + "'}");
        // without a KeyId the ciphertext's own key decrypts it
        assertThat(text(decrypt(blob, null, null))).isEqualTo("for a");
    }

    @Test
    void keyUsageAndAlgorithmRules() {
        String hmac = createKey("{'KeySpec':'HMAC_256','KeyUsage':'GENERATE_VERIFY_MAC'}");
        assertThat(error("InvalidKeyUsageException", "Encrypt", "{'KeyId':'" + hmac + "','Plaintext':'" + b64("x") + "'}"))
                .isEqualTo(keyArn(hmac) + " key usage is GENERATE_VERIFY_MAC which is not valid for Encrypt.");
        assertThat(error("InvalidKeyUsageException", "GenerateDataKey", "{'KeyId':'" + hmac + "','KeySpec':'AES_256'}"))
                .isEqualTo(keyArn(hmac) + " key usage is GENERATE_VERIFY_MAC which is not valid for GenerateDataKey.");
        String sym = createKey();
        assertThat(error("InvalidKeyUsageException", "Encrypt", "{'KeyId':'" + sym + "','Plaintext':'" + b64("x")
                + "','EncryptionAlgorithm':'RSAES_OAEP_SHA_256'}"))
                .isEqualTo("Algorithm RSAES_OAEP_SHA_256 is incompatible with key spec SYMMETRIC_DEFAULT.");
        error("ValidationException", "Encrypt", "{'KeyId':'" + sym + "','Plaintext':'" + b64("x")
                + "','EncryptionAlgorithm':'AES'}");
        String rsa = createKey("{'KeySpec':'RSA_2048','KeyUsage':'ENCRYPT_DECRYPT'}");
        // an RSA key needs its algorithm named: the default, SYMMETRIC_DEFAULT, is not one of its algorithms
        assertThat(error("InvalidKeyUsageException", "Encrypt", "{'KeyId':'" + rsa + "','Plaintext':'" + b64("x") + "'}"))
                .isEqualTo("Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.");
        error("InvalidKeyUsageException", "GenerateDataKey", "{'KeyId':'" + rsa + "','NumberOfBytes':16}");
        // AWS never echoes a blob in a validation message
        assertThat(error("ValidationException", "Encrypt", "{'KeyId':'" + sym + "','Plaintext':'" + b64(new byte[4097]) + "'}"))
                .isEqualTo("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member "
                        + "must have length less than or equal to 4096");
        // validation comes before the key is looked up
        assertThat(error("ValidationException", "Encrypt", "{'KeyId':'alias/none','Plaintext':''}"))
                .isEqualTo("1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member "
                        + "must have length greater than or equal to 1");
    }

    @Test
    void generateDataKeys() {
        String id = createKey();
        JsonNode r = call("GenerateDataKey", "{'KeyId':'" + id + "','KeySpec':'AES_256','EncryptionContext':" + CONTEXT + "}");
        byte[] plaintext = unb64(r.get("Plaintext"));
        assertThat(plaintext).hasSize(32);
        assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(id));
        assertThat(unb64(decrypt(r.get("CiphertextBlob").asText(), CONTEXT, null).get("Plaintext"))).isEqualTo(plaintext);
        assertThat(unb64(call("GenerateDataKey", "{'KeyId':'" + id + "','KeySpec':'AES_128'}").get("Plaintext"))).hasSize(16);
        assertThat(unb64(call("GenerateDataKey", "{'KeyId':'" + id + "','NumberOfBytes':1024}").get("Plaintext")))
                .hasSize(1024);

        JsonNode w = call("GenerateDataKeyWithoutPlaintext", "{'KeyId':'" + id + "','NumberOfBytes':7}");
        assertThat(w.has("Plaintext")).isFalse();
        assertThat(unb64(decrypt(w.get("CiphertextBlob").asText(), null, id).get("Plaintext"))).hasSize(7);

        assertThat(error("ValidationException", "GenerateDataKey", "{'KeyId':'" + id + "'}"))
                .isEqualTo("Please specify either number of bytes or key spec.");
        error("ValidationException", "GenerateDataKey", "{'KeyId':'" + id + "','KeySpec':'AES_256','NumberOfBytes':32}");
        error("ValidationException", "GenerateDataKey", "{'KeyId':'" + id + "','NumberOfBytes':1025}");
        error("ValidationException", "GenerateDataKey", "{'KeyId':'" + id + "','NumberOfBytes':0}");
        error("ValidationException", "GenerateDataKeyWithoutPlaintext", "{'KeyId':'" + id + "','KeySpec':'RSA_2048'}");
    }

    @Test
    void reEncryptMovesACiphertextToAnotherKeyAndContext() {
        String a = createKey(), b = createKey();
        String blob = encrypt(a, "moving", CONTEXT);
        JsonNode r = call("ReEncrypt", "{'CiphertextBlob':'" + blob + "','SourceEncryptionContext':" + CONTEXT
                + ",'DestinationKeyId':'" + b + "','DestinationEncryptionContext':{'New':'ctx'}}");
        assertThat(r.get("SourceKeyId").asText()).isEqualTo(keyArn(a));
        assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(b));
        assertThat(r.get("SourceEncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(r.get("DestinationEncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        String moved = r.get("CiphertextBlob").asText();
        assertThat(text(decrypt(moved, "{'New':'ctx'}", null))).isEqualTo("moving");
        assertThat(decrypt(moved, "{'New':'ctx'}", null).get("KeyId").asText()).isEqualTo(keyArn(b));
        error("InvalidCiphertextException", "Decrypt", decryptBody(moved, CONTEXT, null));
        error("InvalidCiphertextException", "ReEncrypt", "{'CiphertextBlob':'" + blob + "','DestinationKeyId':'" + b + "'}");
        error("ValidationException", "ReEncrypt", "{'CiphertextBlob':'" + blob + "'}");

        call("DisableKey", "{'KeyId':'" + b + "'}");
        error("DisabledException", "ReEncrypt", "{'CiphertextBlob':'" + blob + "','SourceEncryptionContext':" + CONTEXT
                + ",'DestinationKeyId':'" + b + "'}");
        call("DisableKey", "{'KeyId':'" + a + "'}");
        error("DisabledException", "Decrypt", decryptBody(blob, CONTEXT, null));
    }

    @Test
    void ciphertextsSurviveARestartButNotAnotherRootKey() {
        String id = createKey();
        String blob = encrypt(id, "durable", CONTEXT);
        JsonNode dk = call("GenerateDataKey", "{'KeyId':'" + id + "','KeySpec':'AES_256'}");
        restart();
        assertThat(text(decrypt(blob, CONTEXT, null))).isEqualTo("durable");
        assertThat(unb64(decrypt(dk.get("CiphertextBlob").asText(), null, null).get("Plaintext")))
                .isEqualTo(unb64(dk.get("Plaintext")));

        kms.close();
        rootKey = RootKey.generate(new SecureRandom());
        start();
        String message = error("KMSInternalException", "Decrypt", decryptBody(blob, CONTEXT, null));
        assertThat(message).doesNotContain(b64(rootKey.toBytes()));
    }

    @Test
    void dryRunAnswersWhetherTheCallWouldSucceed() {
        String id = createKey();
        assertThat(error("DryRunOperationException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64("x")
                + "','DryRun':true}")).isEqualTo("The request would have succeeded, but the DryRun option is set.");
        error("DryRunOperationException", "GenerateDataKey", "{'KeyId':'" + id + "','KeySpec':'AES_256','DryRun':true}");
        String blob = encrypt(id, "x", null);
        error("DryRunOperationException", "Decrypt", "{'CiphertextBlob':'" + blob + "','DryRun':true}");
        errorAs(ALICE, "AccessDeniedException", "Encrypt", "{'KeyId':'" + keyArn(id) + "','Plaintext':'" + b64("x")
                + "','DryRun':true}");
        call("DisableKey", "{'KeyId':'" + id + "'}");
        error("DisabledException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64("x") + "','DryRun':true}");
    }

    @Test
    void authorizationComesBeforeKeyStateAndCryptography() {
        String id = createKey();
        String blob = encrypt(id, "x", CONTEXT);
        call("DisableKey", "{'KeyId':'" + id + "'}");
        String message = errorAs(ALICE, "AccessDeniedException", "Decrypt", decryptBody(blob, "{'wrong':'ctx'}", null));
        assertThat(message).isEqualTo("User: " + ALICE + " is not authorized to perform: kms:Decrypt on resource: "
                + keyArn(id) + " because no identity-based policy allows the kms:Decrypt action");
        allowIam(ALICE, "kms:Decrypt");
        errorAs(ALICE, "DisabledException", "Decrypt", decryptBody(blob, "{'wrong':'ctx'}", null));
        call("EnableKey", "{'KeyId':'" + id + "'}");
        // allowed for the request's context, but it is not the ciphertext's: InvalidCiphertext, not AccessDenied
        errorAs(ALICE, "InvalidCiphertextException", "Decrypt", decryptBody(blob, "{'wrong':'ctx'}", null));
    }

    @Test
    void concurrentRequestsSeeConsistentKeysWhileTheyChange() throws Exception {
        String a = createKey(), b = createKey();
        call("CreateAlias", "{'AliasName':'alias/moving','TargetKeyId':'" + a + "'}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.ConcurrentHashMap<String, Integer> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++)
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        try {
                            String blob = encrypt("alias/moving", "p" + i, CONTEXT);
                            assertThat(text(decrypt(blob, CONTEXT, null))).isEqualTo("p" + i);
                            outcomes.merge("ok", 1, Integer::sum);
                        } catch (KmsException e) {
                            outcomes.merge(e.errorCode(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    call("UpdateAlias", "{'AliasName':'alias/moving','TargetKeyId':'" + (i % 2 == 0 ? b : a) + "'}");
                    call("DisableKey", "{'KeyId':'" + b + "'}");
                    call("EnableKey", "{'KeyId':'" + b + "'}");
                }
                return null;
            }));
            for (java.util.concurrent.Future<?> f : futures) f.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        // a key disabled between Encrypt and Decrypt is the only expected failure
        assertThat(outcomes.keySet()).isSubsetOf("ok", "DisabledException");
        assertThat(outcomes.get("ok")).isGreaterThan(0);
        call("UpdateAlias", "{'AliasName':'alias/moving','TargetKeyId':'" + b + "'}");
        assertThat(call("Encrypt", "{'KeyId':'alias/moving','Plaintext':'" + b64("x") + "'}").get("KeyId").asText())
                .isEqualTo(keyArn(b));
    }

    @Test
    void aDryRunTestsTheCiphertextUnlessToldToIgnoreIt() {
        String id = createKey();
        String blob = encrypt(id, "x", CONTEXT);
        // without the modifier a dry run reports what the real call would: here a context mismatch
        error("InvalidCiphertextException", "Decrypt", "{'CiphertextBlob':'" + blob + "','DryRun':true}");
        error("IncorrectKeyException", "Decrypt", "{'CiphertextBlob':'" + blob + "','KeyId':'" + createKey()
                + "','DryRun':true}");
        error("DryRunOperationException", "Decrypt", "{'CiphertextBlob':'" + blob + "','EncryptionContext':" + CONTEXT
                + ",'DryRun':true}");
        error("InvalidCiphertextException", "ReEncrypt", "{'CiphertextBlob':'" + blob + "','DestinationKeyId':'" + id
                + "','DryRun':true}");
        // IGNORE_CIPHERTEXT tests authorization only: the blob may be absent or garbage, the key must be named
        String ignore = ",'DryRun':true,'DryRunModifiers':['IGNORE_CIPHERTEXT']";
        error("DryRunOperationException", "Decrypt", "{'KeyId':'" + id + "'" + ignore + "}");
        error("DryRunOperationException", "Decrypt", "{'KeyId':'" + id + "','CiphertextBlob':'" + b64("junk") + "'" + ignore + "}");
        error("DryRunOperationException", "ReEncrypt", "{'SourceKeyId':'" + id + "','DestinationKeyId':'" + id + "'" + ignore + "}");
        assertThat(error("ValidationException", "Decrypt", "{'CiphertextBlob':'" + blob + "'" + ignore + "}")).isEqualTo(
                "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
        errorAs(ALICE, "AccessDeniedException", "Decrypt", "{'KeyId':'" + keyArn(id) + "'" + ignore + "}");
        // the modifier means nothing without DryRun, and must be one AWS knows
        error("ValidationException", "Decrypt", "{'KeyId':'" + id + "','DryRunModifiers':['IGNORE_CIPHERTEXT']}");
        assertThat(error("ValidationException", "Decrypt", "{'CiphertextBlob':'" + blob + "','DryRunModifiers':['NOPE']}"))
                .isEqualTo("1 validation error detected: Value '[NOPE]' at 'dryRunModifiers' failed to satisfy "
                        + "constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
                        + "[IGNORE_CIPHERTEXT]]");
    }

    @Test
    void responsesNameTheKeyMaterialUsed() {
        String a = createKey(), b = createKey();
        String materialA = call("DescribeKey", "{'KeyId':'" + a + "'}").at("/KeyMetadata/CurrentKeyMaterialId").asText();
        String materialB = call("DescribeKey", "{'KeyId':'" + b + "'}").at("/KeyMetadata/CurrentKeyMaterialId").asText();
        JsonNode dk = call("GenerateDataKey", "{'KeyId':'" + a + "','NumberOfBytes':16}");
        assertThat(dk.get("KeyMaterialId").asText()).isEqualTo(materialA);
        assertThat(call("GenerateDataKeyWithoutPlaintext", "{'KeyId':'" + a + "','KeySpec':'AES_128'}")
                .get("KeyMaterialId").asText()).isEqualTo(materialA);
        assertThat(decrypt(dk.get("CiphertextBlob").asText(), null, null).get("KeyMaterialId").asText())
                .isEqualTo(materialA);
        JsonNode r = call("ReEncrypt", "{'CiphertextBlob':'" + dk.get("CiphertextBlob").asText()
                + "','DestinationKeyId':'" + b + "'}");
        assertThat(r.get("SourceKeyMaterialId").asText()).isEqualTo(materialA);
        assertThat(r.get("DestinationKeyMaterialId").asText()).isEqualTo(materialB);
        // Encrypt has no such member
        assertThat(call("Encrypt", "{'KeyId':'" + a + "','Plaintext':'" + b64("x") + "'}").has("KeyMaterialId")).isFalse();
    }
}
