package io.trent.authz;

import io.trent.policy.Caller;
import io.trent.policy.RequestContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.trent.authz.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The checks and condition keys of every operation (§6-§8). */
class RequestContextBuilderTest {
    static final String ALIAS_APP = "arn:aws:kms:us-west-2:111122223333:alias/app";
    static final String IAM_RESOURCE = "arn:aws:kms:us-west-2:111122223333:*";
    static final KmsKey KEY = new KmsKey(KEY_ARN, KEY_ID, ACCOUNT, REGION, keyPolicy(accountStatement(ACCOUNT)),
            "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS", false, null, Map.of("Project", "Alpha"),
            List.of("alias/app"), List.of(new Grant("g1", null, KEY_ARN, "arn:aws:iam::111122223333:role/R", null,
            List.of("Decrypt"), Map.of("Dept", "IT"), null, ACCOUNT, TIME)));
    static final KmsKey KEY2 = key(KEY2_ARN, keyPolicy(accountStatement(ACCOUNT)), List.of());
    static final Caller.Iam ALICE = user("alice");
    /** Keys every check of a key resource operation carries for a direct call by alice. */
    static final Set<String> KEY_COMMON = Set.of("kms:CallerAccount", "kms:KeySpec", "kms:CustomerMasterKeySpec",
            "kms:KeyUsage", "kms:CustomerMasterKeyUsage", "kms:KeyOrigin", "kms:MultiRegion", "aws:ResourceTag/Project",
            "kms:ResourceAliases");
    static final Set<String> GLOBAL = Set.of("aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType",
            "aws:PrincipalIsAWSService", "aws:username", "aws:ViaAWSService", "aws:SecureTransport", "aws:CurrentTime",
            "aws:EpochTime", "aws:RequestedRegion", "aws:ResourceAccount");

    /** One operation: its parameters, the checks it needs and the operation keys of its first check. */
    record Row(KmsOperation op, String params, KmsKey other, List<String> checks, Map<String, Object> keys) {}

    static Row row(KmsOperation op, String params, List<String> checks, Object... keys) {
        return row(op, params, null, checks, keys);
    }

    static Row row(KmsOperation op, String params, KmsKey other, List<String> checks, Object... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i += 2) m.put((String) keys[i], keys[i + 1]);
        return new Row(op, params, other, checks, m);
    }

    static String on(String action, String resource) {
        return action + " on " + resource;
    }

    static final String K = "\"KeyId\":\"" + KEY_ARN + "\"";

    static List<Row> rows() {
        List<String> key = null;
        return List.of(
                row(KmsOperation.CancelKeyDeletion, "{" + K + "}", List.of(on("kms:CancelKeyDeletion", KEY_ARN))),
                row(KmsOperation.ConnectCustomKeyStore, "{\"CustomKeyStoreId\":\"cks-1\"}", List.of("kms:ConnectCustomKeyStore"),
                        "kms:CallerAccount", ACCOUNT),
                row(KmsOperation.CreateAlias, "{\"AliasName\":\"alias/app\",\"TargetKeyId\":\"" + KEY_ARN + "\"}",
                        List.of(on("kms:CreateAlias", ALIAS_APP), on("kms:CreateAlias", KEY_ARN)), "kms:CallerAccount", ACCOUNT),
                row(KmsOperation.CreateCustomKeyStore, "{\"CustomKeyStoreName\":\"s\"}", List.of("kms:CreateCustomKeyStore"),
                        "kms:CallerAccount", ACCOUNT),
                row(KmsOperation.CreateGrant, "{" + K + ",\"GranteePrincipal\":\"arn:aws:iam::111122223333:role/R\","
                                + "\"RetiringPrincipal\":\"arn:aws:iam::111122223333:role/Admin\",\"Operations\":[\"Decrypt\",\"Encrypt\"],"
                                + "\"Constraints\":{\"EncryptionContextSubset\":{\"Dept\":\"IT\"}}}",
                        List.of(on("kms:CreateGrant", KEY_ARN)),
                        "kms:GrantOperations", List.of("Decrypt", "Encrypt"),
                        "kms:GranteePrincipal", "arn:aws:iam::111122223333:role/R",
                        "kms:RetiringPrincipal", "arn:aws:iam::111122223333:role/Admin",
                        "kms:GrantConstraintType", "EncryptionContextSubset",
                        "kms:EncryptionContext:Dept", "IT", "kms:EncryptionContextKeys", List.of("Dept"),
                        "kms:GrantIsForAWSResource", "false"),
                row(KmsOperation.CreateKey, "{\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"SIGN_VERIFY\",\"MultiRegion\":true,"
                                + "\"BypassPolicyLockoutSafetyCheck\":true,\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"red\"}]}",
                        List.of("kms:CreateKey", "kms:TagResource"),
                        "kms:KeySpec", "ECC_NIST_P256", "kms:CustomerMasterKeySpec", "ECC_NIST_P256",
                        "kms:KeyUsage", "SIGN_VERIFY", "kms:KeyOrigin", "AWS_KMS", "kms:MultiRegion", "true",
                        "kms:MultiRegionKeyType", "PRIMARY", "kms:BypassPolicyLockoutSafetyCheck", "true",
                        "aws:RequestTag/team", "red", "aws:TagKeys", List.of("team"), "aws:ResourceTag/team", "red",
                        "kms:CallerAccount", ACCOUNT, "aws:ResourceAccount", ACCOUNT),
                row(KmsOperation.Decrypt, "{\"KeyId\":\"alias/app\",\"CiphertextBlob\":\"AA\",\"EncryptionContext\":{\"x\":\"y\"},"
                                + "\"EncryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"}", List.of(on("kms:Decrypt", KEY_ARN)),
                        "kms:RequestAlias", "alias/app", "kms:EncryptionContext:x", "y", "kms:EncryptionContextKeys", List.of("x"),
                        "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT"),
                row(KmsOperation.DeleteAlias, "{\"AliasName\":\"alias/app\"}",
                        List.of(on("kms:DeleteAlias", ALIAS_APP), on("kms:DeleteAlias", KEY_ARN))),
                row(KmsOperation.DeleteCustomKeyStore, "{\"CustomKeyStoreId\":\"cks-1\"}", List.of("kms:DeleteCustomKeyStore"),
                        "kms:CallerAccount", ACCOUNT),
                row(KmsOperation.DeleteImportedKeyMaterial, "{" + K + "}", List.of(on("kms:DeleteImportedKeyMaterial", KEY_ARN))),
                row(KmsOperation.DeriveSharedSecret, "{" + K + ",\"KeyAgreementAlgorithm\":\"ECDH\",\"PublicKey\":\"AA\"}",
                        List.of(on("kms:DeriveSharedSecret", KEY_ARN)), "kms:KeyAgreementAlgorithm", "ECDH"),
                row(KmsOperation.DescribeCustomKeyStores, "{}", List.of("kms:DescribeCustomKeyStores"), "kms:CallerAccount", ACCOUNT),
                row(KmsOperation.DescribeKey, "{\"KeyId\":\"" + ALIAS_APP + "\"}", List.of(on("kms:DescribeKey", KEY_ARN)),
                        "kms:RequestAlias", "alias/app"),
                row(KmsOperation.DisableKey, "{" + K + "}", List.of(on("kms:DisableKey", KEY_ARN))),
                row(KmsOperation.DisableKeyRotation, "{" + K + "}", List.of(on("kms:DisableKeyRotation", KEY_ARN))),
                row(KmsOperation.DisconnectCustomKeyStore, "{\"CustomKeyStoreId\":\"cks-1\"}", List.of("kms:DisconnectCustomKeyStore"),
                        "kms:CallerAccount", ACCOUNT),
                row(KmsOperation.EnableKey, "{" + K + "}", List.of(on("kms:EnableKey", KEY_ARN))),
                row(KmsOperation.EnableKeyRotation, "{" + K + "}", List.of(on("kms:EnableKeyRotation", KEY_ARN)),
                        "kms:RotationPeriodInDays", "365"),
                row(KmsOperation.Encrypt, "{" + K + ",\"Plaintext\":\"AA\"}", List.of(on("kms:Encrypt", KEY_ARN)),
                        "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT"),
                row(KmsOperation.GenerateDataKey, "{" + K + ",\"KeySpec\":\"AES_256\"}", List.of(on("kms:GenerateDataKey", KEY_ARN)),
                        "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT", "kms:KeySpec", "SYMMETRIC_DEFAULT"),
                row(KmsOperation.GenerateDataKeyPair, "{" + K + ",\"KeyPairSpec\":\"RSA_2048\"}",
                        List.of(on("kms:GenerateDataKeyPair", KEY_ARN)), "kms:DataKeyPairSpec", "RSA_2048",
                        "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT"),
                row(KmsOperation.GenerateDataKeyPairWithoutPlaintext, "{" + K + ",\"KeyPairSpec\":\"ECC_NIST_P256\"}",
                        List.of(on("kms:GenerateDataKeyPairWithoutPlaintext", KEY_ARN)), "kms:DataKeyPairSpec", "ECC_NIST_P256"),
                row(KmsOperation.GenerateDataKeyWithoutPlaintext, "{" + K + ",\"NumberOfBytes\":32}",
                        List.of(on("kms:GenerateDataKeyWithoutPlaintext", KEY_ARN)), "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT"),
                row(KmsOperation.GenerateMac, "{" + K + ",\"MacAlgorithm\":\"HMAC_SHA_256\",\"Message\":\"AA\"}",
                        List.of(on("kms:GenerateMac", KEY_ARN)), "kms:MacAlgorithm", "HMAC_SHA_256"),
                row(KmsOperation.GenerateRandom, "{\"NumberOfBytes\":32}", List.of("kms:GenerateRandom")),
                row(KmsOperation.GetKeyLastUsage, "{" + K + "}", List.of(on("kms:GetKeyLastUsage", KEY_ARN))),
                row(KmsOperation.GetKeyPolicy, "{" + K + ",\"PolicyName\":\"default\"}", List.of(on("kms:GetKeyPolicy", KEY_ARN))),
                row(KmsOperation.GetKeyRotationStatus, "{" + K + "}", List.of(on("kms:GetKeyRotationStatus", KEY_ARN))),
                row(KmsOperation.GetParametersForImport, "{" + K + ",\"WrappingAlgorithm\":\"RSAES_OAEP_SHA_256\",\"WrappingKeySpec\":\"RSA_4096\"}",
                        List.of(on("kms:GetParametersForImport", KEY_ARN)), "kms:WrappingAlgorithm", "RSAES_OAEP_SHA_256",
                        "kms:WrappingKeySpec", "RSA_4096"),
                row(KmsOperation.GetPublicKey, "{\"KeyId\":\"alias/app\"}", List.of(on("kms:GetPublicKey", KEY_ARN)),
                        "kms:RequestAlias", "alias/app"),
                row(KmsOperation.ImportKeyMaterial, "{" + K + ",\"ExpirationModel\":\"KEY_MATERIAL_EXPIRES\",\"ValidTo\":1767225600.5}",
                        List.of(on("kms:ImportKeyMaterial", KEY_ARN)), "kms:ExpirationModel", "KEY_MATERIAL_EXPIRES",
                        "kms:ValidTo", "1767225600"),
                row(KmsOperation.ListAliases, "{" + K + "}", List.of("kms:ListAliases")),
                row(KmsOperation.ListGrants, "{" + K + "}", List.of(on("kms:ListGrants", KEY_ARN)), "kms:GrantIsForAWSResource", "false"),
                row(KmsOperation.ListKeyPolicies, "{" + K + "}", List.of(on("kms:ListKeyPolicies", KEY_ARN))),
                row(KmsOperation.ListKeyRotations, "{" + K + "}", List.of(on("kms:ListKeyRotations", KEY_ARN))),
                row(KmsOperation.ListKeys, "{}", List.of("kms:ListKeys")),
                row(KmsOperation.ListResourceTags, "{" + K + "}", List.of(on("kms:ListResourceTags", KEY_ARN))),
                row(KmsOperation.ListRetirableGrants, "{\"RetiringPrincipal\":\"arn:aws:iam::111122223333:role/Admin\"}",
                        List.of("kms:ListRetirableGrants")),
                row(KmsOperation.PutKeyPolicy, "{" + K + ",\"Policy\":\"{}\",\"BypassPolicyLockoutSafetyCheck\":false}",
                        List.of(on("kms:PutKeyPolicy", KEY_ARN)), "kms:BypassPolicyLockoutSafetyCheck", "false"),
                row(KmsOperation.ReEncrypt, "{\"SourceKeyId\":\"" + KEY_ARN + "\",\"DestinationKeyId\":\"alias/app\",\"CiphertextBlob\":\"AA\","
                                + "\"SourceEncryptionContext\":{\"s\":\"1\"},\"DestinationEncryptionContext\":{\"d\":\"2\"},"
                                + "\"DestinationEncryptionAlgorithm\":\"RSAES_OAEP_SHA_256\"}",
                        List.of(on("kms:ReEncryptFrom", KEY_ARN), on("kms:ReEncryptTo", KEY_ARN)),
                        "kms:EncryptionContext:s", "1", "kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT", "kms:ReEncryptOnSameKey", "true"),
                row(KmsOperation.ReplicateKey, "{" + K + ",\"ReplicaRegion\":\"eu-west-1\",\"Tags\":[{\"TagKey\":\"t\",\"TagValue\":\"v\"}]}",
                        List.of(on("kms:ReplicateKey", KEY_ARN), "kms:CreateKey", "kms:TagResource"), "kms:ReplicaRegion", "eu-west-1"),
                row(KmsOperation.RetireGrant, "{" + K + ",\"GrantId\":\"g1\"}", List.of(on("kms:RetireGrant", KEY_ARN)),
                        "kms:EncryptionContext:Dept", "IT", "kms:GrantConstraintType", "EncryptionContextSubset"),
                row(KmsOperation.RevokeGrant, "{" + K + ",\"GrantId\":\"g1\"}", List.of(on("kms:RevokeGrant", KEY_ARN)),
                        "kms:GrantIsForAWSResource", "false"),
                row(KmsOperation.RotateKeyOnDemand, "{" + K + "}", List.of(on("kms:RotateKeyOnDemand", KEY_ARN))),
                row(KmsOperation.ScheduleKeyDeletion, "{" + K + "}", List.of(on("kms:ScheduleKeyDeletion", KEY_ARN)),
                        "kms:ScheduleKeyDeletionPendingWindowInDays", "30"),
                row(KmsOperation.Sign, "{" + K + ",\"Message\":\"AA\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}",
                        List.of(on("kms:Sign", KEY_ARN)), "kms:MessageType", "RAW", "kms:SigningAlgorithm", "ECDSA_SHA_256"),
                row(KmsOperation.TagResource, "{" + K + ",\"Tags\":[{\"TagKey\":\"env\",\"TagValue\":\"prod\"},{\"TagKey\":\"Team\",\"TagValue\":\"x\"}]}",
                        List.of(on("kms:TagResource", KEY_ARN)), "aws:RequestTag/env", "prod", "aws:RequestTag/Team", "x",
                        "aws:TagKeys", List.of("env", "Team")),
                row(KmsOperation.UntagResource, "{" + K + ",\"TagKeys\":[\"a\",\"b\"]}", List.of(on("kms:UntagResource", KEY_ARN)),
                        "aws:TagKeys", List.of("a", "b")),
                row(KmsOperation.UpdateAlias, "{\"AliasName\":\"alias/app\",\"TargetKeyId\":\"" + KEY2_ARN + "\"}", KEY2,
                        List.of(on("kms:UpdateAlias", ALIAS_APP), on("kms:UpdateAlias", KEY_ARN), on("kms:UpdateAlias", KEY2_ARN))),
                row(KmsOperation.UpdateCustomKeyStore, "{\"CustomKeyStoreId\":\"cks-1\"}", List.of("kms:UpdateCustomKeyStore"),
                        "kms:CallerAccount", ACCOUNT),
                row(KmsOperation.UpdateKeyDescription, "{" + K + ",\"Description\":\"d\"}", List.of(on("kms:UpdateKeyDescription", KEY_ARN))),
                row(KmsOperation.UpdatePrimaryRegion, "{" + K + ",\"PrimaryRegion\":\"eu-west-1\"}", KEY2,
                        List.of(on("kms:UpdatePrimaryRegion", KEY_ARN), on("kms:UpdatePrimaryRegion", KEY2_ARN)),
                        "kms:PrimaryRegion", "eu-west-1"),
                row(KmsOperation.Verify, "{" + K + ",\"Message\":\"AA\",\"MessageType\":\"DIGEST\",\"Signature\":\"AA\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}",
                        List.of(on("kms:Verify", KEY_ARN)), "kms:MessageType", "DIGEST", "kms:SigningAlgorithm", "ECDSA_SHA_256"),
                row(KmsOperation.VerifyMac, "{" + K + ",\"Message\":\"AA\",\"Mac\":\"AA\",\"MacAlgorithm\":\"HMAC_SHA_384\"}",
                        List.of(on("kms:VerifyMac", KEY_ARN)), "kms:MacAlgorithm", "HMAC_SHA_384"));
    }

    static KmsRequest requestFor(Row r, Caller caller, Transport t) {
        return new KmsRequest(r.op.name(), params(r.params), caller, t, KEY, r.other);
    }

    /** The documented-spelling view of a check's context, checked against the evaluation context it mirrors. */
    static Map<String, Object> keys(KmsRequest request, int check) {
        List<AuthzCheck> checks = RequestContextBuilder.checks(request, Map.of());
        Map<String, Object> shown = RequestContextBuilder.describe(request, Map.of()).get(check);
        RequestContext ctx = checks.get(check).context();
        assertThat(ctx.asMap()).hasSameSizeAs(shown);
        shown.forEach((k, v) -> {
            RequestContext.Values values = ctx.get(k);
            assertThat(values).as(k).isNotNull();
            assertThat(values.multiValued() ? (Object) values.values() : values.single()).as(k).isEqualTo(v);
        });
        return shown;
    }

    @Test
    void theTableCoversAllFiftyFourOperations() {
        assertThat(KmsOperation.values()).hasSize(54);
        assertThat(rows().stream().map(Row::op).collect(Collectors.toCollection(() -> EnumSet.noneOf(KmsOperation.class))))
                .containsExactlyInAnyOrder(KmsOperation.values());
    }

    @TestFactory
    Stream<DynamicTest> everyOperationHasItsChecksAndKeys() {
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.op.name(), () -> {
            KmsRequest request = requestFor(r, ALICE, direct());
            List<AuthzCheck> checks = RequestContextBuilder.checks(request, Map.of());
            assertThat(checks).extracting(AuthzCheck::label).containsExactlyElementsOf(r.checks);
            for (int i = 0; i < checks.size(); i++) {
                AuthzCheck c = checks.get(i);
                Map<String, Object> keys = keys(request, i);
                assertThat(keys.keySet()).as("global keys").containsAll(GLOBAL);
                if (c.scope() == AuthzCheck.Scope.KEY || c.scope() == AuthzCheck.Scope.RETIRE_GRANT) {
                    assertThat(c.key()).isNotNull();
                    assertThat(c.resource()).isEqualTo(c.key().arn());
                    assertThat(keys).containsEntry("kms:KeySpec", c.key().keySpec());
                    if (c.key() == KEY) assertThat(keys.keySet()).containsAll(KEY_COMMON);
                } else {
                    assertThat(c.key()).isNull();
                    if (r.op != KmsOperation.CreateKey && r.op != KmsOperation.ReplicateKey)
                        assertThat(keys).doesNotContainKeys("kms:KeySpec", "aws:ResourceTag/Project", "kms:ResourceAliases");
                }
            }
            assertThat(keys(request, 0)).containsAllEntriesOf(r.keys);
            assertThat(keys(request, 0)).doesNotContainKey("kms:ViaService");
        }));
    }

    @Test
    void operationKeysAppearOnlyOnTheirOperations() {
        for (Row r : rows()) {
            Map<String, Object> keys = keys(requestFor(r, ALICE, direct()), 0);
            if (!r.op.name().startsWith("GenerateDataKeyPair")) assertThat(keys).as(r.op.name()).doesNotContainKey("kms:DataKeyPairSpec");
            if (r.op != KmsOperation.CreateGrant && r.op != KmsOperation.ListGrants && r.op != KmsOperation.RevokeGrant)
                assertThat(keys).as(r.op.name()).doesNotContainKey("kms:GrantIsForAWSResource");
            if (r.op != KmsOperation.Sign && r.op != KmsOperation.Verify)
                assertThat(keys).as(r.op.name()).doesNotContainKeys("kms:SigningAlgorithm", "kms:MessageType");
            if (!Set.of(KmsOperation.CreateGrant, KmsOperation.Decrypt, KmsOperation.ReEncrypt, KmsOperation.RetireGrant).contains(r.op))
                assertThat(keys.keySet()).as(r.op.name()).noneMatch(k -> k.startsWith("kms:EncryptionContext"));
            if (!Set.of(KmsOperation.Decrypt, KmsOperation.DescribeKey, KmsOperation.GetPublicKey).contains(r.op))
                assertThat(keys).as(r.op.name()).doesNotContainKey("kms:RequestAlias");
        }
    }

    @Test
    void omittedOptionalParametersFollowTheirDocumentedRule() {
        Map<String, Object> schedule = keys(request("ScheduleKeyDeletion", "{" + K + ",\"PendingWindowInDays\":7}", ALICE, KEY), 0);
        assertThat(schedule).containsEntry("kms:ScheduleKeyDeletionPendingWindowInDays", "7");
        Map<String, Object> rotation = keys(request("EnableKeyRotation", "{" + K + ",\"RotationPeriodInDays\":90}", ALICE, KEY), 0);
        assertThat(rotation).containsEntry("kms:RotationPeriodInDays", "90");
        Map<String, Object> put = keys(request("PutKeyPolicy", "{" + K + ",\"Policy\":\"{}\"}", ALICE, KEY), 0);
        assertThat(put).doesNotContainKey("kms:BypassPolicyLockoutSafetyCheck");
        Map<String, Object> imported = keys(request("ImportKeyMaterial", "{" + K + "}", ALICE, KEY), 0);
        assertThat(imported).doesNotContainKeys("kms:ExpirationModel", "kms:ValidTo");
        Map<String, Object> created = keys(request("CreateKey", "{}", ALICE, null), 0);
        assertThat(created).containsEntry("kms:KeySpec", "SYMMETRIC_DEFAULT").containsEntry("kms:KeyUsage", "ENCRYPT_DECRYPT")
                .containsEntry("kms:KeyOrigin", "AWS_KMS").containsEntry("kms:MultiRegion", "false")
                .doesNotContainKeys("kms:MultiRegionKeyType", "kms:BypassPolicyLockoutSafetyCheck", "aws:TagKeys");
        Map<String, Object> legacy = keys(request("CreateKey", "{\"CustomerMasterKeySpec\":\"RSA_2048\"}", ALICE, null), 0);
        assertThat(legacy).containsEntry("kms:KeySpec", "RSA_2048").containsEntry("kms:CustomerMasterKeySpec", "RSA_2048");
        Map<String, Object> emptyContext = keys(request("Encrypt", "{" + K + ",\"EncryptionContext\":{}}", ALICE, KEY), 0);
        assertThat(emptyContext.keySet()).noneMatch(k -> k.startsWith("kms:EncryptionContext"));
        Map<String, Object> byId = keys(request("Decrypt", "{\"KeyId\":\"" + KEY_ID + "\"}", ALICE, KEY), 0);
        assertThat(byId).doesNotContainKey("kms:RequestAlias");
        Map<String, Object> noKeyId = keys(request("Decrypt", "{\"CiphertextBlob\":\"AA\"}", ALICE, KEY), 0);
        assertThat(noKeyId).doesNotContainKey("kms:RequestAlias").containsEntry("kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    }

    @Test
    void reEncryptDerivesEachSideFromItsOwnParameters() {
        String p = "{\"SourceKeyId\":\"alias/app\",\"DestinationKeyId\":\"" + KEY2_ARN + "\",\"CiphertextBlob\":\"AA\","
                + "\"SourceEncryptionContext\":{\"s\":\"1\"},\"DestinationEncryptionContext\":{\"d\":\"2\"},"
                + "\"DestinationEncryptionAlgorithm\":\"RSAES_OAEP_SHA_256\"}";
        KmsRequest r = new KmsRequest("ReEncrypt", params(p), ALICE, direct(), KEY, KEY2);
        Map<String, Object> from = keys(r, 0), to = keys(r, 1);
        assertThat(from).containsEntry("kms:EncryptionContext:s", "1").doesNotContainKey("kms:EncryptionContext:d")
                .containsEntry("kms:RequestAlias", "alias/app").containsEntry("kms:EncryptionAlgorithm", "SYMMETRIC_DEFAULT")
                .containsEntry("kms:ReEncryptOnSameKey", "false").containsEntry("aws:ResourceTag/Project", "Alpha");
        assertThat(to).containsEntry("kms:EncryptionContext:d", "2").doesNotContainKey("kms:EncryptionContext:s")
                .doesNotContainKey("kms:RequestAlias").containsEntry("kms:EncryptionAlgorithm", "RSAES_OAEP_SHA_256")
                .containsEntry("kms:ReEncryptOnSameKey", "false").doesNotContainKey("aws:ResourceTag/Project");
        List<AuthzCheck> checks = RequestContextBuilder.checks(r, Map.of());
        assertThat(checks.get(0).encryptionContext().toString()).isEqualTo("{\"s\":\"1\"}");
        assertThat(checks.get(1).key()).isSameAs(KEY2);
    }

    @Test
    void replicateKeyAuthorizesCreateKeyInTheReplicaRegion() {
        KmsRequest r = request("ReplicateKey", "{" + K + ",\"ReplicaRegion\":\"eu-west-1\"}", ALICE, KEY);
        List<AuthzCheck> checks = RequestContextBuilder.checks(r, Map.of());
        assertThat(checks.get(1).resource()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:*");
        assertThat(keys(r, 1)).containsEntry("aws:RequestedRegion", "eu-west-1").containsEntry("kms:MultiRegionKeyType", "REPLICA")
                .containsEntry("kms:MultiRegion", "true");
        assertThat(keys(r, 0)).containsEntry("aws:RequestedRegion", REGION);
    }

    @Test
    void identityOnlyResourcesAndListRetirableGrants() {
        List<AuthzCheck> list = RequestContextBuilder.checks(request("ListKeys", "{}", ALICE, null), Map.of());
        assertThat(list).singleElement().satisfies(c -> {
            assertThat(c.resource()).isEqualTo(IAM_RESOURCE);
            assertThat(c.scope()).isEqualTo(AuthzCheck.Scope.IDENTITY);
            assertThat(c.refusal()).isNull();
        });
        List<AuthzCheck> retirable = RequestContextBuilder.checks(request("ListRetirableGrants",
                "{\"RetiringPrincipal\":\"arn:aws:iam::111122223333:role/Admin\"}", ALICE, null), Map.of());
        assertThat(retirable.get(0).resource()).isEqualTo("arn:aws:iam::111122223333:role/Admin");
    }

    @Test
    void principalKeysPerCallerKind() {
        KmsRequest session = request("DescribeKey", "{" + K + "}", session("Admin", "s1"), KEY);
        assertThat(keys(session, 0)).containsEntry("aws:PrincipalArn", "arn:aws:iam::111122223333:role/Admin")
                .containsEntry("aws:PrincipalType", "AssumedRole").doesNotContainKeys("aws:username", "aws:userid");
        KmsRequest root = request("DescribeKey", "{" + K + "}", root(ACCOUNT), KEY);
        assertThat(keys(root, 0)).containsEntry("aws:PrincipalType", "Account").containsEntry("aws:userid", ACCOUNT)
                .containsEntry("aws:PrincipalArn", "arn:aws:iam::111122223333:root");
        KmsRequest pathUser = request("DescribeKey", "{" + K + "}", iam("arn:aws:iam::111122223333:user/ops/bob"), KEY);
        assertThat(keys(pathUser, 0)).containsEntry("aws:username", "bob").containsEntry("aws:PrincipalType", "User");
        KmsRequest federated = request("DescribeKey", "{" + K + "}", iam("arn:aws:sts::111122223333:federated-user/fed"), KEY);
        assertThat(keys(federated, 0)).containsEntry("aws:PrincipalType", "FederatedUser").doesNotContainKey("aws:username");
    }

    @Test
    void servicePrincipalKeys() {
        Transport t = new Transport(REGION, "ignored.us-west-2.amazonaws.com",
                "arn:aws:cloudtrail:us-west-2:444455556666:trail/t", null, "10.0.0.1", true, TIME, Map.of());
        Map<String, Object> keys = keys(new KmsRequest("GenerateDataKey", params("{" + K + "}"),
                new Caller.Service("cloudtrail.amazonaws.com"), t, KEY, null), 0);
        assertThat(keys).containsEntry("aws:PrincipalIsAWSService", "true")
                .containsEntry("aws:PrincipalServiceName", "cloudtrail.amazonaws.com")
                .containsEntry("aws:PrincipalServiceNamesList", List.of("cloudtrail.amazonaws.com"))
                .containsEntry("aws:SourceArn", "arn:aws:cloudtrail:us-west-2:444455556666:trail/t")
                .containsEntry("aws:SourceAccount", "444455556666")
                .containsEntry("aws:SourceIp", "10.0.0.1")
                .containsEntry("aws:ViaAWSService", "false")
                .doesNotContainKeys("kms:CallerAccount", "kms:ViaService", "aws:PrincipalArn", "aws:PrincipalAccount",
                        "aws:CalledVia");
    }

    @Test
    void forwardAccessSessionKeys() {
        Transport t = new Transport(REGION, "geo.us-west-2.amazonaws.com", "arn:aws:geo:x", "1", "198.51.100.7", true, TIME, Map.of());
        Map<String, Object> keys = keys(new KmsRequest("CreateGrant", params("{" + K + ",\"Operations\":[\"Decrypt\"]}"),
                ALICE, t, KEY, null), 0);
        assertThat(keys).containsEntry("kms:ViaService", "geo.us-west-2.amazonaws.com")
                .containsEntry("aws:ViaAWSService", "true")
                .containsEntry("aws:CalledVia", List.of("geo.amazonaws.com"))
                .containsEntry("aws:CalledViaFirst", "geo.amazonaws.com")
                .containsEntry("aws:CalledViaLast", "geo.amazonaws.com")
                .containsEntry("kms:GrantIsForAWSResource", "true")
                .containsEntry("aws:SourceIp", "198.51.100.7")
                .containsEntry("kms:CallerAccount", ACCOUNT)
                .doesNotContainKeys("aws:SourceArn", "aws:SourceAccount", "kms:GrantConstraintType");
    }

    @Test
    void transportKeys() {
        Transport plain = new Transport("eu-west-1", null, null, null, null, false, java.time.Instant.parse("2025-12-01T09:00:00.750Z"),
                Map.of("aws:PrincipalOrgID", "o-1", "aws:PrincipalOrgPaths", List.of("o-1/r-1/"), "aws:username", "override"));
        Map<String, Object> keys = keys(new KmsRequest("DescribeKey", params("{" + K + "}"), ALICE, plain, KEY, null), 0);
        assertThat(keys).containsEntry("aws:SecureTransport", "false")
                .containsEntry("aws:CurrentTime", "2025-12-01T09:00:00Z")
                .containsEntry("aws:EpochTime", "1764579600")
                .containsEntry("aws:RequestedRegion", "eu-west-1")
                .containsEntry("aws:ResourceAccount", ACCOUNT)
                .containsEntry("aws:PrincipalOrgID", "o-1")
                .containsEntry("aws:PrincipalOrgPaths", List.of("o-1/r-1/"))
                .containsEntry("aws:username", "override")
                .doesNotContainKey("aws:SourceIp");
        List<AuthzCheck> checks = RequestContextBuilder.checks(new KmsRequest("DescribeKey", params("{" + K + "}"), ALICE, plain,
                KEY, null), Map.of("Team", "Red"));
        assertThat(checks.get(0).context().get("aws:principaltag/team").single()).isEqualTo("Red");
        assertThat(checks.get(0).context().get("aws:PrincipalOrgPaths").multiValued()).isTrue();
    }

    @Test
    void multiRegionKeysCarryTheirType() {
        KmsKey replica = new KmsKey(KEY_ARN, KEY_ID, ACCOUNT, REGION, null, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "EXTERNAL",
                true, "REPLICA", Map.of(), List.of(), List.of());
        Map<String, Object> keys = keys(request("DescribeKey", "{" + K + "}", ALICE, replica), 0);
        assertThat(keys).containsEntry("kms:MultiRegion", "true").containsEntry("kms:MultiRegionKeyType", "REPLICA")
                .containsEntry("kms:KeyOrigin", "EXTERNAL").doesNotContainKey("kms:ResourceAliases");
    }

    @Test
    void oddInputNeverThrowsAndLeavesKeysAbsent() {
        for (KmsOperation op : KmsOperation.values()) {
            for (String p : List.of("[]", "{\"KeyId\":5,\"EncryptionContext\":[1],\"Tags\":{\"a\":1},\"Operations\":\"x\","
                    + "\"Constraints\":7,\"TagKeys\":[null,{}],\"Recipient\":{\"AttestationDocument\":\"!!!\"},\"ValidTo\":\"soon\"}")) {
                KmsRequest r = new KmsRequest(op.name(), params(p.equals("[]") ? "{}" : p), ALICE, null, KEY, null);
                assertThat(RequestContextBuilder.checks(r, Map.of())).isNotEmpty();
                assertThat(RequestContextBuilder.checks(new KmsRequest(op.name(), JSON.createArrayNode(), null, null, null, null),
                        null)).isNotEmpty();
            }
        }
        List<AuthzCheck> unknown = RequestContextBuilder.checks(request("Nope", "{}", ALICE, KEY), Map.of());
        assertThat(unknown).singleElement().satisfies(c -> assertThat(c.refusal()).isNotNull());
    }

    @Test
    void helpers() {
        assertThat(RequestContextBuilder.aliasName("alias/x")).isEqualTo("alias/x");
        assertThat(RequestContextBuilder.aliasName("arn:aws:kms:us-west-2:111122223333:alias/x/y")).isEqualTo("alias/x/y");
        assertThat(RequestContextBuilder.aliasName(KEY_ARN)).isNull();
        assertThat(RequestContextBuilder.aliasName(KEY_ID)).isNull();
        assertThat(RequestContextBuilder.servicePrincipalOf("geo.us-west-2.amazonaws.com")).isEqualTo("geo.amazonaws.com");
        assertThat(RequestContextBuilder.servicePrincipalOf("s3.cn-north-1.amazonaws.com.cn")).isEqualTo("s3.amazonaws.com.cn");
        assertThat(RequestContextBuilder.servicePrincipalOf("dynamodb.amazonaws.com")).isEqualTo("dynamodb.amazonaws.com");
        assertThat(RequestContextBuilder.arnAccount("arn:aws:events:eu-central-1:210987654321:rule/n")).isEqualTo("210987654321");
        assertThat(RequestContextBuilder.arnAccount("arn:aws:s3:::bucket")).isNull();
        assertThat(RequestContextBuilder.arnAccount("nope")).isNull();
    }

    // ---------------------------------------------------------------------------------------------------------
    // attestation documents

    @Test
    void enclaveAttestationDocumentsPopulatePcrKeys() {
        byte[] pcr0 = new byte[48], pcr1 = new byte[48];
        Arrays.fill(pcr0, (byte) 0xab);
        Arrays.fill(pcr1, (byte) 0x01);
        String doc = attestation("pcrs", Map.of(0, pcr0, 1, pcr1));
        Map<String, Object> keys = keys(request("Decrypt", "{" + K + ",\"Recipient\":{\"KeyEncryptionAlgorithm\":\"RSAES_OAEP_SHA_256\","
                + "\"AttestationDocument\":\"" + doc + "\"}}", ALICE, KEY), 0);
        assertThat(keys).containsEntry("kms:RecipientAttestation:ImageSha384", "ab".repeat(48))
                .containsEntry("kms:RecipientAttestation:PCR0", "ab".repeat(48))
                .containsEntry("kms:RecipientAttestation:PCR1", "01".repeat(48));
        Map<String, Object> random = keys(request("GenerateRandom", "{\"Recipient\":{\"AttestationDocument\":\"" + doc + "\"}}",
                ALICE, null), 0);
        assertThat(random).containsKey("kms:RecipientAttestation:PCR1");
        Map<String, Object> encrypt = keys(request("Encrypt", "{" + K + ",\"Recipient\":{\"AttestationDocument\":\"" + doc + "\"}}",
                ALICE, KEY), 0);
        assertThat(encrypt.keySet()).noneMatch(k -> k.startsWith("kms:RecipientAttestation"));
    }

    @Test
    void nitroTpmAttestationDocumentsPopulateTpmPcrKeys() {
        byte[] pcr4 = new byte[48];
        Arrays.fill(pcr4, (byte) 0x0f);
        Map<String, Object> keys = keys(request("GenerateDataKey", "{" + K + ",\"Recipient\":{\"AttestationDocument\":\""
                + attestation("nitrotpm_pcrs", Map.of(4, pcr4)) + "\"}}", ALICE, KEY), 0);
        assertThat(keys).containsEntry("kms:RecipientAttestation:NitroTPMPCR4", "0f".repeat(48))
                .doesNotContainKeys("kms:RecipientAttestation:ImageSha384", "kms:RecipientAttestation:PCR4");
    }

    @Test
    void malformedAttestationDocumentsAreIgnored() {
        assertThat(AttestationDocument.parse("not base64!")).isNull();
        assertThat(AttestationDocument.parse(new byte[0])).isNull();
        assertThat(AttestationDocument.parse(new byte[]{(byte) 0x84, 0x40, (byte) 0xa0, 0x5f})).isNull();
        String doc = attestation("pcrs", Map.of(0, new byte[]{1}));
        byte[] raw = Base64.getDecoder().decode(doc);
        for (int cut = 0; cut < raw.length; cut++)
            assertThat(AttestationDocument.parse(Arrays.copyOf(raw, cut))).as("truncated at " + cut).isNull();
        assertThat(AttestationDocument.parse(raw).pcrs()).containsOnlyKeys(0);
    }

    /** A COSE_Sign1 (tag 18) whose payload holds the given PCR map; the signature is not checked by authz. */
    static String attestation(String field, Map<Integer, byte[]> pcrs) {
        Cbor payload = new Cbor().map(4).text("module_id").text("i-1").text("timestamp").uint(1767225600000L)
                .text("public_key").bytes(new byte[]{1, 2, 3}).text(field).map(pcrs.size());
        new java.util.TreeMap<>(pcrs).forEach((i, v) -> payload.uint(i).bytes(v));
        Cbor sign1 = new Cbor().tag(18).array(4).bytes(new byte[]{(byte) 0xa1, 0x01, 0x38, 0x22}).map(0)
                .bytes(payload.out.toByteArray()).bytes(new byte[96]);
        return Base64.getEncoder().encodeToString(sign1.out.toByteArray());
    }

    static final class Cbor {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Cbor head(int major, long n) {
            if (n < 24) out.write(major << 5 | (int) n);
            else if (n < 256) { out.write(major << 5 | 24); out.write((int) n); }
            else if (n < 65536) { out.write(major << 5 | 25); out.write((int) (n >> 8)); out.write((int) n); }
            else { out.write(major << 5 | 27); for (int i = 7; i >= 0; i--) out.write((int) (n >> (8 * i))); }
            return this;
        }

        Cbor uint(long n) { return head(0, n); }
        Cbor bytes(byte[] b) { head(2, b.length); out.writeBytes(b); return this; }
        Cbor text(String s) { byte[] b = s.getBytes(StandardCharsets.UTF_8); head(3, b.length); out.writeBytes(b); return this; }
        Cbor array(int n) { return head(4, n); }
        Cbor map(int n) { return head(5, n); }
        Cbor tag(int t) { return head(6, t); }
    }
}
