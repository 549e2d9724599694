package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** CreateKey, DescribeKey, ListKeys, key identifiers, state changes, deletion. */
public abstract class KeyLifecycleSuite extends KmsServiceTestSupport {

    @Test
    void createKeyDefaultsToASymmetricEncryptionKeyWithTheDefaultPolicy() {
        JsonNode m = call("CreateKey", "{}").get("KeyMetadata");
        String keyId = m.get("KeyId").asText();
        assertThat(keyId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(m.get("AWSAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(m.get("Arn").asText()).isEqualTo(keyArn(keyId));
        assertThat(m.get("CreationDate").isNumber()).isTrue();
        assertThat(m.get("CreationDate").decimalValue()).isEqualByComparingTo("1740823200.123");
        assertThat(m.get("Enabled").asBoolean()).isTrue();
        assertThat(m.get("Description").asText()).isEmpty();
        assertThat(m.get("KeyUsage").asText()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(m.get("KeyState").asText()).isEqualTo("Enabled");
        assertThat(m.get("Origin").asText()).isEqualTo("AWS_KMS");
        assertThat(m.get("KeyManager").asText()).isEqualTo("CUSTOMER");
        assertThat(m.get("KeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(m.get("CustomerMasterKeySpec").asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(m.get("EncryptionAlgorithms")).hasSize(1);
        assertThat(m.get("EncryptionAlgorithms").get(0).asText()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(m.get("MultiRegion").asBoolean()).isFalse();
        assertThat(m.has("DeletionDate")).isFalse();
        assertThat(m.has("SigningAlgorithms")).isFalse();

        assertThat(call("DescribeKey", "{'KeyId':'" + keyId + "'}").get("KeyMetadata")).isEqualTo(m);
        JsonNode policy = json(call("GetKeyPolicy", "{'KeyId':'" + keyId + "'}").get("Policy").asText());
        assertThat(policy.at("/Statement/0/Principal/AWS").asText()).isEqualTo(ROOT);
        assertThat(policy.at("/Statement/0/Action").asText()).isEqualTo("kms:*");
    }

    @Test
    void everyKeySpecAndUsageThatAwsOffersCanBeCreated() {
        String[][] cases = {
                {"RSA_2048", "ENCRYPT_DECRYPT", "EncryptionAlgorithms", "RSAES_OAEP_SHA_256"},
                {"RSA_3072", "SIGN_VERIFY", "SigningAlgorithms", "RSASSA_PSS_SHA_384"},
                {"RSA_4096", "SIGN_VERIFY", "SigningAlgorithms", "RSASSA_PKCS1_V1_5_SHA_512"},
                {"ECC_NIST_P256", "SIGN_VERIFY", "SigningAlgorithms", "ECDSA_SHA_256"},
                {"ECC_NIST_P384", "KEY_AGREEMENT", "KeyAgreementAlgorithms", "ECDH"},
                {"ECC_NIST_P521", "SIGN_VERIFY", "SigningAlgorithms", "ECDSA_SHA_512"},
                {"ECC_SECG_P256K1", "SIGN_VERIFY", "SigningAlgorithms", "ECDSA_SHA_256"},
                {"ECC_NIST_EDWARDS25519", "SIGN_VERIFY", "SigningAlgorithms", "ED25519_SHA_512"},
                {"HMAC_224", "GENERATE_VERIFY_MAC", "MacAlgorithms", "HMAC_SHA_224"},
                {"HMAC_256", "GENERATE_VERIFY_MAC", "MacAlgorithms", "HMAC_SHA_256"},
                {"HMAC_384", "GENERATE_VERIFY_MAC", "MacAlgorithms", "HMAC_SHA_384"},
                {"HMAC_512", "GENERATE_VERIFY_MAC", "MacAlgorithms", "HMAC_SHA_512"},
        };
        for (String[] c : cases) {
            JsonNode m = call("CreateKey", "{'KeySpec':'" + c[0] + "','KeyUsage':'" + c[1] + "'}").get("KeyMetadata");
            assertThat(m.get("KeySpec").asText()).isEqualTo(c[0]);
            assertThat(m.get("KeyUsage").asText()).isEqualTo(c[1]);
            List<String> algorithms = new ArrayList<>();
            m.get(c[2]).forEach(a -> algorithms.add(a.asText()));
            assertThat(algorithms).as(c[0]).contains(c[3]);
            assertThat(m.has("EncryptionAlgorithms") && !c[2].equals("EncryptionAlgorithms")).isFalse();
        }
        // the deprecated name works too, and Edwards keys have no CustomerMasterKeySpec
        JsonNode cmk = call("CreateKey", "{'CustomerMasterKeySpec':'HMAC_256','KeyUsage':'GENERATE_VERIFY_MAC'}");
        assertThat(cmk.at("/KeyMetadata/KeySpec").asText()).isEqualTo("HMAC_256");
        JsonNode ed = call("CreateKey", "{'KeySpec':'ECC_NIST_EDWARDS25519','KeyUsage':'SIGN_VERIFY'}");
        assertThat(ed.at("/KeyMetadata").has("CustomerMasterKeySpec")).isFalse();
    }

    @Test
    void invalidSpecAndUsageCombinationsAreRejected() {
        assertThat(error("ValidationException", "CreateKey", "{'KeyUsage':'SIGN_VERIFY'}"))
                .contains("SIGN_VERIFY").contains("SYMMETRIC_DEFAULT");
        // KeyUsage is optional only for symmetric encryption keys, even where ENCRYPT_DECRYPT would be valid
        for (String spec : List.of("HMAC_256", "RSA_2048", "ECC_NIST_P256"))
            assertThat(error("ValidationException", "CreateKey", "{'KeySpec':'" + spec + "'}")).isEqualTo(
                    "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
        error("ValidationException", "CreateKey", "{'KeySpec':'ECC_SECG_P256K1','KeyUsage':'KEY_AGREEMENT'}");
        error("ValidationException", "CreateKey", "{'KeySpec':'ECC_NIST_P256','KeyUsage':'ENCRYPT_DECRYPT'}");
        error("ValidationException", "CreateKey", "{'KeySpec':'RSA_2048','KeyUsage':'GENERATE_VERIFY_MAC'}");
        error("ValidationException", "CreateKey", "{'KeySpec':'RSA_2048','CustomerMasterKeySpec':'RSA_3072',"
                + "'KeyUsage':'SIGN_VERIFY'}");
        assertThat(error("ValidationException", "CreateKey", "{'KeySpec':'ML_DSA_65','KeyUsage':'SIGN_VERIFY'}"))
                .contains("Java 17");
        assertThat(error("UnsupportedOperationException", "CreateKey", "{'KeySpec':'SM2','KeyUsage':'SIGN_VERIFY'}"))
                .contains("China");
        assertThat(error("ValidationException", "CreateKey", "{'KeySpec':'AES_256'}")).isEqualTo(
                "1 validation error detected: Value 'AES_256' at 'keySpec' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [SYMMETRIC_DEFAULT, RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, "
                        + "ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, ECC_NIST_EDWARDS25519, SM2, HMAC_224, "
                        + "HMAC_256, HMAC_384, HMAC_512, ML_DSA_44, ML_DSA_65, ML_DSA_87]");
        error("SerializationException", "CreateKey", "{'KeySpec':5}");
        error("SerializationException", "CreateKey", "{'MultiRegion':'yes'}");
        assertThat(error("ValidationException", "CreateKey", "{'Description':'" + "x".repeat(8193) + "'}"))
                .contains("at 'description'").contains("less than or equal to 8192");
        error("CustomKeyStoreNotFoundException", "CreateKey", "{'CustomKeyStoreId':'cks-1234567890abcdef0'}");
        error("ValidationException", "CreateKey", "{'Origin':'AWS_CLOUDHSM'}");
    }

    @Test
    void sm2KeysExistInChinaRegions() {
        Invocation china = new Invocation(io.trent.policy.Caller.parseIam("arn:aws-cn:iam::" + ACCOUNT + ":root"),
                io.trent.authz.Transport.direct("cn-north-1", clock.instant()), "r");
        JsonNode m = kms.call("CreateKey", json("{'KeySpec':'SM2','KeyUsage':'ENCRYPT_DECRYPT'}"), china)
                .get("KeyMetadata");
        assertThat(m.get("Arn").asText()).startsWith("arn:aws-cn:kms:cn-north-1:" + ACCOUNT + ":key/");
        assertThat(m.get("EncryptionAlgorithms").get(0).asText()).isEqualTo("SM2PKE");
    }

    @Test
    void multiRegionAndExternalKeys() {
        JsonNode mrk = call("CreateKey", "{'MultiRegion':true,'Description':'primary'}").get("KeyMetadata");
        assertThat(mrk.get("KeyId").asText()).matches("mrk-[0-9a-f]{32}");
        assertThat(mrk.get("MultiRegion").asBoolean()).isTrue();
        assertThat(mrk.at("/MultiRegionConfiguration/MultiRegionKeyType").asText()).isEqualTo("PRIMARY");
        assertThat(mrk.at("/MultiRegionConfiguration/PrimaryKey/Region").asText()).isEqualTo(REGION);
        assertThat(mrk.get("Description").asText()).isEqualTo("primary");

        JsonNode ext = call("CreateKey", "{'Origin':'EXTERNAL'}").get("KeyMetadata");
        String id = ext.get("KeyId").asText();
        assertThat(ext.get("KeyState").asText()).isEqualTo("PendingImport");
        assertThat(ext.get("Enabled").asBoolean()).isFalse();
        assertThat(error("KMSInvalidStateException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64("x") + "'}"))
                .isEqualTo(keyArn(id) + " is pending import.");
        error("KMSInvalidStateException", "EnableKey", "{'KeyId':'" + id + "'}");
        call("ScheduleKeyDeletion", "{'KeyId':'" + id + "'}");
        call("CancelKeyDeletion", "{'KeyId':'" + id + "'}");
        assertThat(call("DescribeKey", "{'KeyId':'" + id + "'}").at("/KeyMetadata/KeyState").asText())
                .isEqualTo("PendingImport");
    }

    @Test
    void aKeyIsFoundByKeyIdKeyArnAliasNameAndAliasArn() {
        String id = createKey();
        call("CreateAlias", "{'AliasName':'alias/app','TargetKeyId':'" + id + "'}");
        String aliasArn = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":alias/app";
        for (String ref : List.of(id, keyArn(id), "alias/app", aliasArn))
            assertThat(call("DescribeKey", "{'KeyId':'" + ref + "'}").at("/KeyMetadata/KeyId").asText()).isEqualTo(id);

        assertThat(error("NotFoundException", "DescribeKey", "{'KeyId':'not-a-key'}")).isEqualTo("Invalid keyId 'not-a-key'");
        String unknown = "0f0e0d0c-0b0a-4908-8706-050403020100";
        assertThat(error("NotFoundException", "DescribeKey", "{'KeyId':'" + unknown + "'}"))
                .isEqualTo("Key '" + keyArn(unknown) + "' does not exist");
        assertThat(error("NotFoundException", "DescribeKey", "{'KeyId':'alias/nope'}"))
                .isEqualTo("Alias arn:aws:kms:us-east-1:111122223333:alias/nope is not found.");
        // another Region's ARN does not name this key; AWS names the Region in its message
        assertThat(error("NotFoundException", "DescribeKey", "{'KeyId':'" + keyArn(id).replace(REGION, "eu-west-1") + "'}"))
                .isEqualTo("Invalid arn eu-west-1");
        // the key does not exist in another Region, whichever identifier is used
        KmsException e = org.assertj.core.api.Assertions.catchThrowableOfType(KmsException.class,
                () -> kms.call("DescribeKey", json("{'KeyId':'" + id + "'}"), as(ROOT, "eu-west-1")));
        assertThat(e.errorCode()).isEqualTo("NotFoundException");
        error("ValidationException", "DescribeKey", "{}");
        assertThat(error("ValidationException", "DescribeKey", "{'KeyId':''}")).isEqualTo(
                "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
    }

    @Test
    void listKeysPagesThroughTheCallersKeysInTheRegion() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) created.add(createKey());
        kms.call("CreateKey", json("{}"), as(ROOT, "eu-west-1"));
        Set<String> seen = new HashSet<>();
        String marker = null;
        int pages = 0;
        do {
            JsonNode page = call("ListKeys", "{'Limit':2" + (marker == null ? "" : ",'Marker':'" + marker + "'") + "}");
            assertThat(page.get("Keys").size()).isLessThanOrEqualTo(2);
            for (JsonNode k : page.get("Keys")) {
                assertThat(k.get("KeyArn").asText()).isEqualTo(keyArn(k.get("KeyId").asText()));
                seen.add(k.get("KeyId").asText());
            }
            marker = page.get("Truncated").asBoolean() ? page.get("NextMarker").asText() : null;
            assertThat(page.has("NextMarker")).isEqualTo(marker != null);
            pages++;
        } while (marker != null);
        assertThat(seen).isEqualTo(created);
        assertThat(pages).isEqualTo(3);
        assertThat(call("ListKeys", "{}").get("Keys")).hasSize(5);
        error("InvalidMarkerException", "ListKeys", "{'Marker':'bm90IG91cnM'}");
        error("ValidationException", "ListKeys", "{'Limit':0}");
        error("ValidationException", "ListKeys", "{'Limit':1001}");
    }

    @Test
    void descriptionEnableAndDisable() {
        String id = createKey("{'Description':'first'}");
        call("UpdateKeyDescription", "{'KeyId':'" + id + "','Description':'second'}");
        assertThat(call("DescribeKey", "{'KeyId':'" + id + "'}").at("/KeyMetadata/Description").asText())
                .isEqualTo("second");
        error("ValidationException", "UpdateKeyDescription", "{'KeyId':'" + id + "'}");

        call("DisableKey", "{'KeyId':'" + id + "'}");
        JsonNode m = call("DescribeKey", "{'KeyId':'" + id + "'}").get("KeyMetadata");
        assertThat(m.get("KeyState").asText()).isEqualTo("Disabled");
        assertThat(m.get("Enabled").asBoolean()).isFalse();
        assertThat(error("DisabledException", "GenerateDataKey", "{'KeyId':'" + id + "','KeySpec':'AES_256'}"))
                .isEqualTo(keyArn(id) + " is disabled.");
        call("DisableKey", "{'KeyId':'" + id + "'}");
        call("EnableKey", "{'KeyId':'" + id + "'}");
        assertThat(call("GenerateDataKey", "{'KeyId':'" + id + "','KeySpec':'AES_256'}").has("Plaintext")).isTrue();
    }

    @Test
    void scheduledDeletionBlocksUseAndCanBeCancelled() {
        String id = createKey();
        // the model allows 1 to 365 days, the service 7 to 30
        assertThat(error("ValidationException", "ScheduleKeyDeletion", "{'KeyId':'" + id + "','PendingWindowInDays':6}"))
                .isEqualTo("PendingWindowInDays must be between 7 and 30");
        assertThat(error("ValidationException", "ScheduleKeyDeletion", "{'KeyId':'" + id + "','PendingWindowInDays':31}"))
                .isEqualTo("PendingWindowInDays must be between 7 and 30");
        assertThat(error("ValidationException", "ScheduleKeyDeletion", "{'KeyId':'" + id + "','PendingWindowInDays':0}"))
                .isEqualTo("1 validation error detected: Value '0' at 'pendingWindowInDays' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
        assertThat(error("ValidationException", "ScheduleKeyDeletion", "{'KeyId':'" + id + "','PendingWindowInDays':366}"))
                .endsWith("Member must have value less than or equal to 365");
        JsonNode r = call("ScheduleKeyDeletion", "{'KeyId':'" + id + "'}");
        assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(id));
        assertThat(r.get("KeyState").asText()).isEqualTo("PendingDeletion");
        assertThat(r.get("PendingWindowInDays").asInt()).isEqualTo(30);
        assertThat(r.get("DeletionDate").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(clock.instant().plus(Duration.ofDays(30)).toEpochMilli(), 3));

        JsonNode m = call("DescribeKey", "{'KeyId':'" + id + "'}").get("KeyMetadata");
        assertThat(m.get("KeyState").asText()).isEqualTo("PendingDeletion");
        // AWS reports PendingDeletionWindowInDays only for primary keys in PendingReplicaDeletion
        assertThat(m.has("PendingDeletionWindowInDays")).isFalse();
        assertThat(m.get("DeletionDate")).isEqualTo(r.get("DeletionDate"));
        assertThat(error("KMSInvalidStateException", "Encrypt", "{'KeyId':'" + id + "','Plaintext':'" + b64("x") + "'}"))
                .isEqualTo(keyArn(id) + " is pending deletion.");
        error("KMSInvalidStateException", "ScheduleKeyDeletion", "{'KeyId':'" + id + "'}");
        error("KMSInvalidStateException", "EnableKey", "{'KeyId':'" + id + "'}");
        error("KMSInvalidStateException", "UpdateKeyDescription", "{'KeyId':'" + id + "','Description':'x'}");

        call("CancelKeyDeletion", "{'KeyId':'" + id + "'}");
        m = call("DescribeKey", "{'KeyId':'" + id + "'}").get("KeyMetadata");
        assertThat(m.get("KeyState").asText()).isEqualTo("Disabled");
        assertThat(m.has("DeletionDate")).isFalse();
        assertThat(error("KMSInvalidStateException", "CancelKeyDeletion", "{'KeyId':'" + id + "'}"))
                .isEqualTo(keyArn(id) + " is not pending deletion.");
    }

    @Test
    void aKeyIsReallyDeletedWhenItsWindowEnds() {
        String id = createKey();
        String keep = createKey();
        call("CreateAlias", "{'AliasName':'alias/doomed','TargetKeyId':'" + id + "'}");
        call("ScheduleKeyDeletion", "{'KeyId':'" + id + "','PendingWindowInDays':7}");
        assertThat(kms.purgeExpiredKeys()).isZero();
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(call("DescribeKey", "{'KeyId':'" + id + "'}").at("/KeyMetadata/KeyState").asText())
                .isEqualTo("PendingDeletion");
        clock.advance(Duration.ofSeconds(1));
        // gone as soon as the window ends, before the purge runs
        error("NotFoundException", "DescribeKey", "{'KeyId':'" + id + "'}");
        assertThat(kms.purgeExpiredKeys()).isEqualTo(1);
        assertThat(kms.purgeExpiredKeys()).isZero();
        restart();
        error("NotFoundException", "DescribeKey", "{'KeyId':'" + id + "'}");
        error("NotFoundException", "DescribeKey", "{'KeyId':'alias/doomed'}");
        assertThat(call("ListAliases", "{}").get("Aliases")).isEmpty();
        assertThat(call("ListKeys", "{}").get("Keys")).hasSize(1);
        assertThat(call("ListKeys", "{}").at("/Keys/0/KeyId").asText()).isEqualTo(keep);
    }

    @Test
    void operationsNotImplementedAnswerUnsupportedOperation() {
        String id = createKey();
        assertThat(error("UnsupportedOperationException", "GetParametersForImport", "{'KeyId':'" + id + "'}"))
                .contains("GetParametersForImport");
        assertThat(error("UnsupportedOperationException", "ReplicateKey", "{}")).contains("ReplicateKey");
        assertThat(error("UnsupportedOperationException", "Frobnicate", "{}")).contains("Frobnicate");
    }

    @Test
    void generateRandom() {
        assertThat(unb64(call("GenerateRandom", "{'NumberOfBytes':32}").get("Plaintext"))).hasSize(32);
        assertThat(unb64(call("GenerateRandom", "{'NumberOfBytes':1024}").get("Plaintext"))).hasSize(1024);
        error("ValidationException", "GenerateRandom", "{'NumberOfBytes':0}");
        error("ValidationException", "GenerateRandom", "{'NumberOfBytes':1025}");
        // optional in the model, required by the service with its own message
        assertThat(error("ValidationException", "GenerateRandom", "{}")).isEqualTo("NumberOfBytes is required.");
        error("CustomKeyStoreNotFoundException", "GenerateRandom", "{'NumberOfBytes':8,'CustomKeyStoreId':'cks-1'}");
    }

    @Test
    void iamOnlyOperationsNeedAnIdentityPolicy() {
        assertThat(errorAs(ALICE, "AccessDeniedException", "CreateKey", "{}")).isEqualTo(
                "User: " + ALICE + " is not authorized to perform: kms:CreateKey because no identity-based policy "
                        + "allows the kms:CreateKey action");
        allowIam(ALICE, "kms:CreateKey", "kms:ListKeys");
        callAs(ALICE, "CreateKey", "{}");
        assertThat(callAs(ALICE, "ListKeys", "{}").get("Keys")).hasSize(1);
        // tags need kms:TagResource as well
        errorAs(ALICE, "AccessDeniedException", "CreateKey", "{'Tags':[{'TagKey':'a','TagValue':'b'}]}");
    }

    @Test
    void validationReportsEveryViolationInAwsWordsBeforeTheKeyIsLookedUp() {
        String unknown = keyArn("0f0e0d0c-0b0a-4908-8706-050403020100");
        assertThat(error("ValidationException", "ListKeys", "{'Limit':0,'Marker':''}")).isEqualTo(
                "2 validation errors detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1; Value '' at 'marker' failed to satisfy constraint: Member "
                        + "must have length greater than or equal to 1");
        // a request that breaks the model is a ValidationException even when its key does not exist
        assertThat(error("ValidationException", "UpdateKeyDescription", "{'KeyId':'" + unknown + "'}")).isEqualTo(
                "1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must "
                        + "not be null");
        assertThat(error("ValidationException", "ScheduleKeyDeletion", "{'KeyId':'" + unknown
                + "','PendingWindowInDays':3}")).isEqualTo("PendingWindowInDays must be between 7 and 30");
        // lists are shown as AWS shows them, and a bad item is a violation of the whole list
        assertThat(error("ValidationException", "DescribeKey", "{'KeyId':'" + unknown
                + "','GrantTokens':['a','b','c','d','e','f','g','h','i','j','k']}")).isEqualTo(
                "1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'grantTokens' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 10");
        assertThat(error("ValidationException", "DescribeKey", "{'KeyId':'" + unknown + "','GrantTokens':['a','']}"))
                .isEqualTo("1 validation error detected: Value '[a, ]' at 'grantTokens' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must have length less than or equal to 8192, "
                        + "Member must have length greater than or equal to 1]");
        // a value that breaks a pattern and a length bound breaks both
        assertThat(error("ValidationException", "CreateAlias", "{'AliasName':'','TargetKeyId':''}")).isEqualTo(
                "3 validation errors detected: Value '' at 'aliasName' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$; Value '' at 'aliasName' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1; Value '' at "
                        + "'targetKeyId' failed to satisfy constraint: Member must have length greater than or equal to 1");
        // wrong JSON types are caught first, as deserialization errors
        error("SerializationException", "ListKeys", "{'Limit':'ten','Marker':''}");
        // members the model does not have are ignored
        assertThat(call("ListKeys", "{'Limit':1,'NotAMember':{'x':[1]}}").has("Keys")).isTrue();
    }

    @Test
    void symmetricEncryptionKeysReportTheirCurrentKeyMaterialId() {
        JsonNode created = call("CreateKey", "{}").get("KeyMetadata");
        String materialId = created.get("CurrentKeyMaterialId").asText();
        assertThat(materialId).matches("[0-9a-f]{64}");
        String id = created.get("KeyId").asText();
        assertThat(call("DescribeKey", "{'KeyId':'" + id + "'}").at("/KeyMetadata/CurrentKeyMaterialId").asText())
                .isEqualTo(materialId);
        assertThat(call("CreateKey", "{}").at("/KeyMetadata/CurrentKeyMaterialId").asText()).isNotEqualTo(materialId);
        // HMAC and asymmetric keys have no such member, nor has a key still waiting for imported material
        for (String body : List.of("{'KeySpec':'HMAC_256','KeyUsage':'GENERATE_VERIFY_MAC'}",
                "{'KeySpec':'ECC_NIST_P256','KeyUsage':'SIGN_VERIFY'}", "{'Origin':'EXTERNAL'}")) {
            JsonNode m = call("CreateKey", body).get("KeyMetadata");
            assertThat(m.has("CurrentKeyMaterialId")).as(body).isFalse();
            assertThat(call("DescribeKey", "{'KeyId':'" + m.get("KeyId").asText() + "'}").get("KeyMetadata")
                    .has("CurrentKeyMaterialId")).as(body).isFalse();
        }
    }
}
