package io.trent.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateGrantRequest;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KmsException;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The two examples of the seed page (key-policy-services.md, reference §12) end to end: CloudTrail's service
 * principal with the confused-deputy guard, and Amazon Location creating grants for LocationTeam through the geo
 * service (a forward-access call), each against a key policy that contains the documented statement.
 */
class ServiceScenarioTest {
    private static final String KEY_ARN_PREFIX = "arn:aws:kms:us-west-2:111122223333:key/";
    private static final String ALICE_ADMIN = """
            {"Sid":"AliceAdministers","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},
             "Action":"kms:*","Resource":"*"}""";
    private static final String FINANCE = "arn:aws:cloudtrail:us-west-2:111122223333:trail/finance";
    private static final String TRACKER = "arn:aws:geo:us-west-2:111122223333:tracker/SAMPLE-Tracker";
    private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/LocationTeam/s1";

    @TempDir
    static Path dir;
    static TestServer server;
    static KmsClient alice, cloudtrail, geo, locationTeam, bob;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, Fixtures.CONFIG, null);
        alice = Fixtures.client(server.endpoint(), "AKIAALICE", "alice-secret", Region.US_WEST_2);
        cloudtrail = Fixtures.client(server.endpoint(), "AKIACLOUDTRAIL", "cloudtrail-secret", Region.US_WEST_2);
        geo = Fixtures.client(server.endpoint(), "AKIAGEO", "geo-secret", Region.US_WEST_2);
        locationTeam = Fixtures.client(server.endpoint(), "AKIALOCATION", "location-secret", Region.US_WEST_2);
        bob = Fixtures.client(server.endpoint(), "AKIABOB", "bob-secret", Region.US_WEST_2);
    }

    @AfterAll
    static void stop() {
        for (KmsClient c : new KmsClient[]{alice, cloudtrail, geo, locationTeam, bob}) c.close();
        server.close();
    }

    private static String keyWithPolicy(String statement) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + ALICE_ADMIN + "," + statement + "]}";
        String arn = alice.createKey(r -> r.policy(policy)).keyMetadata().arn();
        assertThat(arn).startsWith(KEY_ARN_PREFIX);
        return arn;
    }

    private static Consumer<AwsRequestOverrideConfiguration.Builder> headers(Map<String, String> headers) {
        return o -> headers.forEach(o::putHeader);
    }

    private static String denial(Runnable call) {
        KmsException e = catchThrowableOfType(KmsException.class, call::run);
        assertThat(e).as("expected AccessDeniedException").isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void cloudTrailGeneratesDataKeysOnlyForTheFinanceTrail() {
        String key = keyWithPolicy("""
                {"Sid":"Allow CloudTrail to encrypt logs","Effect":"Allow",
                 "Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"kms:GenerateDataKey","Resource":"*",
                 "Condition":{"ArnEquals":{"aws:SourceArn":["arn:aws:cloudtrail:us-west-2:111122223333:trail/finance"]},
                              "StringLike":{"kms:EncryptionContext:aws:cloudtrail:arn":["arn:aws:cloudtrail:*:111122223333:trail/*"]}}}""");
        Map<String, String> context = Map.of("aws:cloudtrail:arn", FINANCE);
        GenerateDataKeyRequest.Builder request = GenerateDataKeyRequest.builder().keyId(key)
                .keySpec(DataKeySpec.AES_256).encryptionContext(context);

        var allowed = cloudtrail.generateDataKey(request.copy().overrideConfiguration(headers(Map.of(
                "X-Amz-Source-Arn", FINANCE, "X-Amz-Source-Account", "111122223333"))).build());
        assertThat(allowed.plaintext().asByteArray()).hasSize(32);
        assertThat(alice.decrypt(r -> r.ciphertextBlob(allowed.ciphertextBlob()).encryptionContext(context))
                .plaintext()).isEqualTo(allowed.plaintext());

        String otherTrail = denial(() -> cloudtrail.generateDataKey(request.copy().overrideConfiguration(headers(Map.of(
                "X-Amz-Source-Arn", "arn:aws:cloudtrail:us-west-2:111122223333:trail/marketing"))).build()));
        assertThat(otherTrail).isEqualTo("User: cloudtrail.amazonaws.com is not authorized to perform: "
                + "kms:GenerateDataKey on resource: " + key + " because no resource-based policy allows the "
                + "kms:GenerateDataKey action");
        denial(() -> cloudtrail.generateDataKey(request.copy().build()));
        denial(() -> cloudtrail.generateDataKey(request.copy().encryptionContext(Map.of("aws:cloudtrail:arn",
                        "arn:aws:cloudtrail:us-west-2:444455556666:trail/finance"))
                .overrideConfiguration(headers(Map.of("X-Amz-Source-Arn", FINANCE))).build()));
        // Alice, an IAM user, is not the service even with the right parameters (and cannot claim a source ARN).
        denial(() -> bob.generateDataKey(request.copy().build()));
        assertThat(denial(() -> alice.generateDataKey(request.copy()
                .overrideConfiguration(headers(Map.of("X-Amz-Source-Arn", FINANCE))).build())))
                .contains("is not an AWS service principal");
    }

    @Test
    void locationTeamCreatesGrantsOnlyThroughTheGeoServiceForItsTracker() {
        String key = keyWithPolicy("""
                {"Sid":"Allow Amazon Location to create grants on behalf of authorized users","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::111122223333:role/LocationTeam"},"Action":"kms:CreateGrant",
                 "Resource":"*","Condition":{"StringEquals":{
                   "kms:ViaService":"geo.us-west-2.amazonaws.com","kms:CallerAccount":"111122223333",
                   "kms:EncryptionContext:aws:geo:arn":"arn:aws:geo:us-west-2:111122223333:tracker/SAMPLE-Tracker"}}}""");
        CreateGrantRequest.Builder grant = CreateGrantRequest.builder().keyId(key)
                .granteePrincipal("arn:aws:iam::111122223333:role/LocationTeam")
                .operations(GrantOperation.DECRYPT, GrantOperation.GENERATE_DATA_KEY)
                .constraints(c -> c.encryptionContextSubset(Map.of("aws:geo:arn", TRACKER)));

        var created = geo.createGrant(grant.copy()
                .overrideConfiguration(headers(Map.of("X-Trent-Caller", SESSION, "X-Trent-Caller-Ip", "192.0.2.10")))
                .build());
        assertThat(created.grantId()).isNotBlank();
        assertThat(alice.listGrants(r -> r.keyId(key)).grants()).singleElement()
                .satisfies(g -> assertThat(g.grantId()).isEqualTo(created.grantId()));

        assertThat(denial(() -> locationTeam.createGrant(grant.copy().build()))).isEqualTo("User: " + SESSION
                + " is not authorized to perform: kms:CreateGrant on resource: " + key
                + " because no resource-based policy allows the kms:CreateGrant action");
        denial(() -> geo.createGrant(grant.copy().overrideConfiguration(headers(Map.of("X-Trent-Caller",
                "arn:aws:sts::999988887777:assumed-role/LocationTeam/s1"))).build()));
        denial(() -> geo.createGrant(grant.copy()
                .constraints(c -> c.encryptionContextSubset(Map.of("aws:geo:arn",
                        "arn:aws:geo:us-west-2:111122223333:tracker/Other")))
                .overrideConfiguration(headers(Map.of("X-Trent-Caller", SESSION))).build()));
        denial(() -> geo.createGrant(grant.copy().constraints((software.amazon.awssdk.services.kms.model.GrantConstraints) null)
                .overrideConfiguration(headers(Map.of("X-Trent-Caller", SESSION))).build()));
        // The geo service acting as itself is not LocationTeam.
        denial(() -> geo.createGrant(grant.copy().build()));
        assertThat(alice.listGrants(r -> r.keyId(key)).grants()).hasSize(1);
    }

    @Test
    void anEncryptionContextConditionDeniesDescribeKey() {
        String key = keyWithPolicy("""
                {"Sid":"BobWithContext","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},
                 "Action":["kms:Encrypt","kms:DescribeKey"],"Resource":"*",
                 "Condition":{"StringEquals":{"kms:EncryptionContext:purpose":"backup"}}}""");
        assertThat(bob.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String("x"))
                .encryptionContext(Map.of("purpose", "backup"))).keyId()).isEqualTo(key);
        denial(() -> bob.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromUtf8String("x"))));
        assertThat(denial(() -> bob.describeKey(r -> r.keyId(key)))).isEqualTo("User: arn:aws:iam::111122223333:user/bob"
                + " is not authorized to perform: kms:DescribeKey on resource: " + key
                + " because no resource-based policy allows the kms:DescribeKey action");
    }
}
