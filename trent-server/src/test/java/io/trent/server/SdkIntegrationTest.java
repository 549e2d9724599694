package io.trent.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every implemented KMS operation through the AWS SDK for Java v2 against the real server over HTTP. */
class SdkIntegrationTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static KmsClient alice, bob, mallory, aliceEast;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, Fixtures.CONFIG, null);
        alice = Fixtures.client(server.endpoint(), "AKIAALICE", "alice-secret", Region.US_WEST_2);
        bob = Fixtures.client(server.endpoint(), "AKIABOB", "bob-secret", Region.US_WEST_2);
        mallory = Fixtures.client(server.endpoint(), "AKIAMALLORY", "mallory-secret", Region.US_WEST_2);
        aliceEast = Fixtures.client(server.endpoint(), "AKIAALICE", "alice-secret", Region.US_EAST_1);
    }

    @AfterAll
    static void stop() {
        for (KmsClient c : new KmsClient[]{alice, bob, mallory, aliceEast}) c.close();
        server.close();
    }

    private static KeyMetadata newKey() {
        return alice.createKey(r -> r.description("sdk test")).keyMetadata();
    }

    private static SdkBytes utf8(String s) {
        return SdkBytes.fromString(s, StandardCharsets.UTF_8);
    }

    @Test
    void createsKeysOfEverySpecWithTheirMetadata() {
        record Case(KeySpec spec, KeyUsageType usage) {}
        List<Case> cases = List.of(
                new Case(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT),
                new Case(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT),
                new Case(KeySpec.RSA_3072, KeyUsageType.SIGN_VERIFY),
                new Case(KeySpec.RSA_4096, KeyUsageType.ENCRYPT_DECRYPT),
                new Case(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY),
                new Case(KeySpec.ECC_NIST_P384, KeyUsageType.SIGN_VERIFY),
                new Case(KeySpec.ECC_NIST_P521, KeyUsageType.SIGN_VERIFY),
                new Case(KeySpec.ECC_SECG_P256_K1, KeyUsageType.SIGN_VERIFY),
                new Case(KeySpec.HMAC_224, KeyUsageType.GENERATE_VERIFY_MAC),
                new Case(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC),
                new Case(KeySpec.HMAC_384, KeyUsageType.GENERATE_VERIFY_MAC),
                new Case(KeySpec.HMAC_512, KeyUsageType.GENERATE_VERIFY_MAC));
        for (Case c : cases) {
            KeyMetadata created = alice.createKey(r -> r.keySpec(c.spec).keyUsage(c.usage)).keyMetadata();
            KeyMetadata m = alice.describeKey(r -> r.keyId(created.keyId())).keyMetadata();
            assertThat(m.keySpec()).as(c.spec.toString()).isEqualTo(c.spec);
            assertThat(m.keyUsage()).isEqualTo(c.usage);
            assertThat(m.keyState()).isEqualTo(KeyState.ENABLED);
            assertThat(m.arn()).isEqualTo("arn:aws:kms:us-west-2:111122223333:key/" + m.keyId());
            assertThat(m.awsAccountId()).isEqualTo(Fixtures.ACCOUNT);
            switch (c.usage) {
                case ENCRYPT_DECRYPT -> assertThat(m.encryptionAlgorithmsAsStrings()).isNotEmpty();
                case SIGN_VERIFY -> assertThat(m.signingAlgorithmsAsStrings()).isNotEmpty();
                default -> assertThat(m.macAlgorithmsAsStrings()).isNotEmpty();
            }
        }
        KmsException bad = catchThrowableOfType(KmsException.class,
                () -> alice.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)));
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }

    @Test
    void describesAKeyByIdArnAliasAndAliasArn() {
        KeyMetadata k = newKey();
        String alias = "alias/four-forms-" + UUID.randomUUID();
        alice.createAlias(r -> r.aliasName(alias).targetKeyId(k.keyId()));
        for (String id : List.of(k.keyId(), k.arn(), alias, "arn:aws:kms:us-west-2:111122223333:" + alias))
            assertThat(alice.describeKey(r -> r.keyId(id)).keyMetadata().keyId()).as(id).isEqualTo(k.keyId());
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> alice.describeKey(r -> r.keyId(UUID.randomUUID().toString())))).isNotNull();
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> alice.describeKey(r -> r.keyId("alias/no-such-alias")))).isNotNull();
    }

    @Test
    void keysLiveInTheRegionTheyWereCreatedIn() {
        KeyMetadata k = newKey();
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> aliceEast.describeKey(r -> r.keyId(k.keyId())))).isNotNull();
        KeyMetadata east = aliceEast.createKey(r -> r.description("east")).keyMetadata();
        assertThat(east.arn()).startsWith("arn:aws:kms:us-east-1:111122223333:key/");
        assertThat(aliceEast.listKeys().keys()).extracting(KeyListEntry::keyId).contains(east.keyId())
                .doesNotContain(k.keyId());
    }

    @Test
    void listsKeysPageByPage() {
        List<String> created = List.of(newKey().keyId(), newKey().keyId(), newKey().keyId());
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListKeysResponse page = alice.listKeys(r -> r.limit(2).marker(m));
            assertThat(page.keys()).hasSizeLessThanOrEqualTo(2);
            page.keys().forEach(e -> seen.add(e.keyId()));
            marker = page.truncated() ? page.nextMarker() : null;
            pages++;
        } while (marker != null);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).containsAll(created).doesNotHaveDuplicates();
    }

    @Test
    void updatesDescriptionsAndEnablesAndDisablesKeys() {
        KeyMetadata k = newKey();
        alice.updateKeyDescription(r -> r.keyId(k.keyId()).description("new words"));
        assertThat(alice.describeKey(r -> r.keyId(k.keyId())).keyMetadata().description()).isEqualTo("new words");
        alice.disableKey(r -> r.keyId(k.keyId()));
        assertThat(alice.describeKey(r -> r.keyId(k.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(catchThrowableOfType(DisabledException.class,
                () -> alice.encrypt(r -> r.keyId(k.keyId()).plaintext(utf8("x"))))).isNotNull();
        alice.enableKey(r -> r.keyId(k.keyId()));
        assertThat(alice.encrypt(r -> r.keyId(k.keyId()).plaintext(utf8("x"))).keyId()).isEqualTo(k.arn());
    }

    @Test
    void schedulesAndCancelsKeyDeletion() {
        KeyMetadata k = newKey();
        var scheduled = alice.scheduleKeyDeletion(r -> r.keyId(k.keyId()).pendingWindowInDays(7));
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.deletionDate()).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(120),
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(120));
        KeyMetadata m = alice.describeKey(r -> r.keyId(k.keyId())).keyMetadata();
        assertThat(m.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(catchThrowableOfType(KmsInvalidStateException.class,
                () -> alice.encrypt(r -> r.keyId(k.keyId()).plaintext(utf8("x"))))).isNotNull();
        KmsException window = catchThrowableOfType(KmsException.class,
                () -> alice.scheduleKeyDeletion(r -> r.keyId(newKey().keyId()).pendingWindowInDays(3)));
        assertThat(window.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        alice.cancelKeyDeletion(r -> r.keyId(k.keyId()));
        assertThat(alice.describeKey(r -> r.keyId(k.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
    }

    @Test
    void managesAliases() {
        KeyMetadata a = newKey(), b = newKey();
        String name = "alias/app-" + UUID.randomUUID();
        alice.createAlias(r -> r.aliasName(name).targetKeyId(a.keyId()));
        assertThat(catchThrowableOfType(AlreadyExistsException.class,
                () -> alice.createAlias(r -> r.aliasName(name).targetKeyId(b.keyId())))).isNotNull();
        assertThat(alice.listAliases(r -> r.keyId(a.keyId())).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactly(name);
        String second = name + "-second";
        alice.createAlias(r -> r.aliasName(second).targetKeyId(a.keyId()));
        var firstPage = alice.listAliases(r -> r.keyId(a.keyId()).limit(1));
        assertThat(firstPage.truncated()).isTrue();
        var secondPage = alice.listAliases(r -> r.keyId(a.keyId()).limit(1).marker(firstPage.nextMarker()));
        assertThat(List.of(firstPage.aliases().get(0).aliasName(), secondPage.aliases().get(0).aliasName()))
                .containsExactlyInAnyOrder(name, second);
        alice.deleteAlias(r -> r.aliasName(second));
        alice.updateAlias(r -> r.aliasName(name).targetKeyId(b.keyId()));
        assertThat(alice.describeKey(r -> r.keyId(name)).keyMetadata().keyId()).isEqualTo(b.keyId());
        assertThat(alice.listAliases(r -> r.keyId(a.keyId())).aliases()).isEmpty();
        alice.deleteAlias(r -> r.aliasName(name));
        assertThat(catchThrowableOfType(NotFoundException.class,
                () -> alice.describeKey(r -> r.keyId(name)))).isNotNull();
    }

    @Test
    void tagsAndUntagsKeys() {
        KeyMetadata k = newKey();
        alice.tagResource(r -> r.keyId(k.keyId()).tags(Tag.builder().tagKey("team").tagValue("red").build(),
                Tag.builder().tagKey("env").tagValue("prod").build()));
        assertThat(alice.listResourceTags(r -> r.keyId(k.keyId())).tags()).extracting(Tag::tagKey, Tag::tagValue)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("team", "red"),
                        org.assertj.core.groups.Tuple.tuple("env", "prod"));
        alice.untagResource(r -> r.keyId(k.keyId()).tagKeys("env"));
        assertThat(alice.listResourceTags(r -> r.keyId(k.keyId())).tags()).extracting(Tag::tagKey)
                .containsExactly("team");
    }

    @Test
    void readsAndReplacesKeyPolicies() {
        KeyMetadata k = newKey();
        assertThat(alice.listKeyPolicies(r -> r.keyId(k.keyId())).policyNames()).containsExactly("default");
        assertThat(alice.getKeyPolicy(r -> r.keyId(k.keyId()).policyName("default")).policy())
                .contains("arn:aws:iam::111122223333:root");
        String policy = """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Admin","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
                  {"Sid":"BobEncrypts","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"kms:Encrypt","Resource":"*"}]}""";
        alice.putKeyPolicy(r -> r.keyId(k.keyId()).policyName("default").policy(policy));
        assertThat(alice.getKeyPolicy(r -> r.keyId(k.keyId()).policyName("default")).policy()).isEqualTo(policy);
        assertThat(bob.encrypt(r -> r.keyId(k.arn()).plaintext(utf8("direct grant by the key policy"))).keyId())
                .isEqualTo(k.arn());
        assertThat(catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> alice.putKeyPolicy(r -> r.keyId(k.keyId()).policyName("default").policy("{\"Version\":")))).isNotNull();
        MalformedPolicyDocumentException ghost = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> alice.putKeyPolicy(r -> r.keyId(k.keyId()).policyName("default").policy(
                        policy.replace("user/bob", "user/ghost"))));
        assertThat(ghost.getMessage()).contains("invalid principals");
    }

    @Test
    void encryptsAndDecryptsWithEncryptionContext() {
        KeyMetadata k = newKey();
        Map<String, String> ctx = Map.of("purpose", "test", "tenant", "t1");
        EncryptResponse e = alice.encrypt(r -> r.keyId(k.keyId()).plaintext(utf8("top secret")).encryptionContext(ctx));
        DecryptResponse d = alice.decrypt(r -> r.ciphertextBlob(e.ciphertextBlob()).encryptionContext(ctx));
        assertThat(d.plaintext().asUtf8String()).isEqualTo("top secret");
        assertThat(d.keyId()).isEqualTo(k.arn());
        assertThat(catchThrowableOfType(InvalidCiphertextException.class,
                () -> alice.decrypt(r -> r.ciphertextBlob(e.ciphertextBlob()).encryptionContext(Map.of("purpose", "test")))))
                .isNotNull();
        byte[] tampered = e.ciphertextBlob().asByteArray();
        tampered[tampered.length - 1] ^= 1;
        assertThat(catchThrowableOfType(InvalidCiphertextException.class,
                () -> alice.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(tampered)).encryptionContext(ctx))))
                .isNotNull();
    }

    @Test
    void reEncryptsUnderAnotherKey() {
        KeyMetadata from = newKey(), to = newKey();
        EncryptResponse e = alice.encrypt(r -> r.keyId(from.keyId()).plaintext(utf8("moving"))
                .encryptionContext(Map.of("a", "1")));
        var re = alice.reEncrypt(r -> r.ciphertextBlob(e.ciphertextBlob()).sourceEncryptionContext(Map.of("a", "1"))
                .destinationKeyId(to.keyId()).destinationEncryptionContext(Map.of("b", "2")));
        assertThat(re.sourceKeyId()).isEqualTo(from.arn());
        assertThat(re.keyId()).isEqualTo(to.arn());
        DecryptResponse d = alice.decrypt(r -> r.ciphertextBlob(re.ciphertextBlob()).encryptionContext(Map.of("b", "2")));
        assertThat(d.plaintext().asUtf8String()).isEqualTo("moving");
        assertThat(d.keyId()).isEqualTo(to.arn());
    }

    @Test
    void generatesDataKeysAndRandomBytes() {
        KeyMetadata k = newKey();
        GenerateDataKeyResponse dk = alice.generateDataKey(r -> r.keyId(k.keyId()).keySpec(DataKeySpec.AES_256));
        assertThat(dk.plaintext().asByteArray()).hasSize(32);
        assertThat(alice.decrypt(r -> r.ciphertextBlob(dk.ciphertextBlob())).plaintext()).isEqualTo(dk.plaintext());
        assertThat(alice.generateDataKey(r -> r.keyId(k.keyId()).numberOfBytes(64)).plaintext().asByteArray()).hasSize(64);
        var noPlain = alice.generateDataKeyWithoutPlaintext(r -> r.keyId(k.keyId()).keySpec(DataKeySpec.AES_128)
                .encryptionContext(Map.of("x", "y")));
        assertThat(alice.decrypt(r -> r.ciphertextBlob(noPlain.ciphertextBlob()).encryptionContext(Map.of("x", "y")))
                .plaintext().asByteArray()).hasSize(16);
        assertThat(alice.generateRandom(r -> r.numberOfBytes(48)).plaintext().asByteArray()).hasSize(48);
        KmsException tooMany = catchThrowableOfType(KmsException.class, () -> alice.generateRandom(r -> r.numberOfBytes(1025)));
        assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(tooMany.statusCode()).isEqualTo(400);
    }

    @Test
    void grantsLetAGranteeUseAKeyUntilRetiredOrRevoked() {
        KeyMetadata k = newKey();
        String bobArn = "arn:aws:iam::111122223333:user/bob";
        KmsException before = catchThrowableOfType(KmsException.class,
                () -> bob.encrypt(r -> r.keyId(k.arn()).plaintext(utf8("x"))));
        assertThat(before.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        var g1 = alice.createGrant(r -> r.keyId(k.keyId()).granteePrincipal(bobArn)
                .operations(GrantOperation.ENCRYPT, GrantOperation.DECRYPT).name("bob-uses"));
        var g2 = alice.createGrant(r -> r.keyId(k.keyId()).granteePrincipal(bobArn)
                .retiringPrincipal("arn:aws:iam::111122223333:user/alice").operations(GrantOperation.DESCRIBE_KEY));
        assertThat(alice.listGrants(r -> r.keyId(k.keyId())).grants()).extracting(GrantListEntry::grantId)
                .containsExactlyInAnyOrder(g1.grantId(), g2.grantId());
        var grantPage = alice.listGrants(r -> r.keyId(k.keyId()).limit(1));
        assertThat(grantPage.truncated()).isTrue();
        assertThat(alice.listGrants(r -> r.keyId(k.keyId()).limit(1).marker(grantPage.nextMarker())).grants())
                .extracting(GrantListEntry::grantId).doesNotContain(grantPage.grants().get(0).grantId()).hasSize(1);
        EncryptResponse e = bob.encrypt(r -> r.keyId(k.arn()).plaintext(utf8("granted")));
        assertThat(bob.decrypt(r -> r.ciphertextBlob(e.ciphertextBlob())).plaintext().asUtf8String()).isEqualTo("granted");
        assertThat(bob.describeKey(r -> r.keyId(k.arn())).keyMetadata().keyId()).isEqualTo(k.keyId());

        alice.retireGrant(r -> r.keyId(k.arn()).grantId(g2.grantId()));
        assertThat(catchThrowableOfType(KmsException.class, () -> bob.describeKey(r -> r.keyId(k.arn())))
                .awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        alice.revokeGrant(r -> r.keyId(k.keyId()).grantId(g1.grantId()));
        assertThat(catchThrowableOfType(KmsException.class,
                () -> bob.encrypt(r -> r.keyId(k.arn()).plaintext(utf8("x")))).awsErrorDetails().errorCode())
                .isEqualTo("AccessDeniedException");
        assertThat(alice.listGrants(r -> r.keyId(k.keyId())).grants()).isEmpty();
    }

    @Test
    void deniesWithAwsMessages() {
        KeyMetadata k = newKey();
        KmsException noIdentityPolicy = catchThrowableOfType(KmsException.class,
                () -> bob.describeKey(r -> r.keyId(k.arn())));
        assertThat(noIdentityPolicy.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(noIdentityPolicy.statusCode()).isEqualTo(400);
        assertThat(noIdentityPolicy.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/bob"
                + " is not authorized to perform: kms:DescribeKey on resource: " + k.arn()
                + " because no identity-based policy allows the kms:DescribeKey action");
        KmsException crossAccount = catchThrowableOfType(KmsException.class,
                () -> mallory.encrypt(r -> r.keyId(k.arn()).plaintext(utf8("x"))));
        assertThat(crossAccount.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::444455556666:user/mallory"
                + " is not authorized to perform: kms:Encrypt on resource: " + k.arn()
                + " because no resource-based policy allows the kms:Encrypt action");
        assertThat(catchThrowableOfType(KmsException.class, () -> bob.createKey(r -> r.description("no")))
                .awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111122223333:user/bob is not authorized"
                + " to perform: kms:CreateKey because no identity-based policy allows the kms:CreateKey action");
    }

    @Test
    void signatureProblemsAreSignatureErrors() {
        try (KmsClient wrong = Fixtures.client(server.endpoint(), "AKIAALICE", "not-alice-secret", Region.US_WEST_2);
             KmsClient stranger = Fixtures.client(server.endpoint(), "AKIASTRANGER", "x", Region.US_WEST_2)) {
            KmsException e = catchThrowableOfType(KmsException.class, wrong::listKeys);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.getMessage()).doesNotContain("alice-secret");
            assertThat(catchThrowableOfType(KmsException.class, stranger::listKeys).awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException");
        }
    }
}
