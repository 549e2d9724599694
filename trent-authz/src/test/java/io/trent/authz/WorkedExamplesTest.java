package io.trent.authz;

import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.trent.authz.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of §12 of the reference. */
class WorkedExamplesTest {

    @Nested
    class AmazonLocation {
        static final String LOCATION = """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/LocationTeam"},
                 "Action":"kms:CreateGrant","Resource":"*",
                 "Condition":{"StringEquals":{
                   "kms:ViaService":"geo.us-west-2.amazonaws.com",
                   "kms:CallerAccount":"111122223333",
                   "kms:EncryptionContext:aws:geo:arn":"arn:aws:geo:us-west-2:111122223333:tracker/SAMPLE-Tracker"}}}""";
        static final String DENY_DIRECT = """
                {"Effect":"Deny","Principal":"*","Action":"kms:CreateGrant","Resource":"*",
                 "Condition":{"Null":{"kms:ViaService":"true"}}}""";
        final Caller.Iam caller = session("LocationTeam", "s1");

        String params(String tracker) {
            String constraints = tracker == null ? "" : """
                    ,"Constraints":{"EncryptionContextSubset":{"aws:geo:arn":"arn:aws:geo:us-west-2:111122223333:%s"}}"""
                    .formatted(tracker);
            return """
                    {"KeyId":"%s","GranteePrincipal":"geo.us-west-2.amazonaws.com","Operations":["Decrypt"]%s}"""
                    .formatted(KEY_ARN, constraints);
        }

        Decision decide(CompiledPolicy policy, Identities ids, String tracker, Transport t) {
            return new Authorizer(ids).authorize(
                    request("CreateGrant", Fixtures.params(params(tracker)), caller, t, key(policy), null));
        }

        Decision decide(CompiledPolicy policy, String tracker, Transport t) {
            return decide(policy, Identities.NONE, tracker, t);
        }

        @Test
        void l1RoleSessionViaTheServiceWithTheTrackerConstraintIsAllowed() {
            Decision d = decide(keyPolicy(LOCATION), "tracker/SAMPLE-Tracker", via("geo.us-west-2.amazonaws.com"));
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.message()).isNull();
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo("key policy statement #0");
                assertThat(r.description()).contains("role principal");
            });
        }

        @Test
        void l2DirectCallIsImplicitlyDeniedByTheResourcePolicy() {
            Decision d = decide(keyPolicy(LOCATION), "tracker/SAMPLE-Tracker", direct());
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).isEqualTo("User: arn:aws:sts::111122223333:assumed-role/LocationTeam/s1 is not"
                    + " authorized to perform: kms:CreateGrant on resource: " + KEY_ARN
                    + " because no resource-based policy allows the kms:CreateGrant action");
            assertThat(d.notApplied()).singleElement().satisfies(r ->
                    assertThat(r.mismatch().describe()).contains("kms:ViaService").contains("absent"));
        }

        @Test
        void l3OtherTrackerIsImplicitlyDenied() {
            Decision d = decide(keyPolicy(LOCATION), "tracker/Other", via("geo.us-west-2.amazonaws.com"));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.notApplied()).singleElement().satisfies(r ->
                    assertThat(r.mismatch().describe()).contains("kms:EncryptionContext:aws:geo:arn"));
        }

        @Test
        void l4NoConstraintsMeansNoContextAndImplicitDeny() {
            Decision d = decide(keyPolicy(LOCATION), null, via("geo.us-west-2.amazonaws.com"));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void l5NullViaServiceDenyMakesTheDirectCallAnExplicitDeny() {
            Decision d = decide(keyPolicy(LOCATION, DENY_DIRECT), "tracker/SAMPLE-Tracker", direct());
            assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(d.message()).endsWith("on resource: " + KEY_ARN + " with an explicit deny in a resource-based policy");
            assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo("key policy statement #1"));
        }

        @Test
        void withDelegationAndAnIamAllowL2ToL4BecomeAllowButL5StaysDenied() {
            Ids ids = new Ids().allow("arn:aws:iam::111122223333:role/LocationTeam",
                    "{\"Effect\":\"Allow\",\"Action\":\"kms:CreateGrant\",\"Resource\":\"" + KEY_ARN + "\"}");
            CompiledPolicy delegating = keyPolicy(accountStatement(ACCOUNT), LOCATION);
            assertThat(decide(delegating, ids, "tracker/SAMPLE-Tracker", direct()).outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decide(delegating, ids, "tracker/Other", via("geo.us-west-2.amazonaws.com")).outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decide(delegating, ids, null, via("geo.us-west-2.amazonaws.com")).outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decide(keyPolicy(accountStatement(ACCOUNT), LOCATION, DENY_DIRECT), ids,
                    "tracker/SAMPLE-Tracker", direct()).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    @Nested
    class CloudTrail {
        static final String TRAIL = """
                {"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"kms:GenerateDataKey",
                 "Resource":"*","Condition":{
                   "ArnEquals":{"aws:SourceArn":["arn:aws:cloudtrail:us-west-2:111122223333:trail/finance"]},
                   "StringLike":{"kms:EncryptionContext:aws:cloudtrail:arn":["arn:aws:cloudtrail:*:111122223333:trail/*"]}}}""";
        static final String DENY_FOREIGN_SOURCE = """
                {"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*",
                 "Condition":{"StringNotEquals":{"aws:SourceAccount":"111122223333"}}}""";
        static final String FINANCE = "arn:aws:cloudtrail:us-west-2:111122223333:trail/finance";
        final Caller cloudtrail = new Caller.Service("cloudtrail.amazonaws.com");

        Decision decide(CompiledPolicy policy, Caller caller, String operation, String sourceArn, String ecKey,
                        String ecValue) {
            Transport t = new Transport(REGION, null, caller instanceof Caller.Service ? sourceArn : null, null, null,
                    true, TIME, Map.of());
            String p = """
                    {"KeyId":"%s","KeySpec":"AES_256","CiphertextBlob":"AAAA","EncryptionContext":{"%s":"%s"}}"""
                    .formatted(KEY_ARN, ecKey, ecValue);
            return new Authorizer(Identities.NONE).authorize(
                    request(operation, Fixtures.params(p), caller, t, key(policy), null));
        }

        Decision c1(CompiledPolicy policy, Caller caller, String operation) {
            return decide(policy, caller, operation, FINANCE, "aws:cloudtrail:arn", FINANCE);
        }

        @Test
        void c1ServicePrincipalWithMatchingSourceArnAndContextIsAllowed() {
            Decision d = c1(keyPolicy(TRAIL), cloudtrail, "GenerateDataKey");
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.description()).contains("names the caller"));
        }

        @Test
        void c2AnotherTrailIsImplicitlyDenied() {
            Decision d = decide(keyPolicy(TRAIL), cloudtrail, "GenerateDataKey",
                    "arn:aws:cloudtrail:us-west-2:111122223333:trail/marketing", "aws:cloudtrail:arn", FINANCE);
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).startsWith("User: cloudtrail.amazonaws.com is not authorized to perform: "
                    + "kms:GenerateDataKey on resource: " + KEY_ARN + " because no resource-based policy allows");
            assertThat(d.notApplied()).singleElement().satisfies(r ->
                    assertThat(r.mismatch().describe()).contains("aws:SourceArn"));
        }

        @Test
        void c3ContextOfAnotherAccountIsImplicitlyDenied() {
            Decision d = decide(keyPolicy(TRAIL), cloudtrail, "GenerateDataKey", FINANCE, "aws:cloudtrail:arn",
                    "arn:aws:cloudtrail:us-west-2:444455556666:trail/finance");
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void c4ContextKeyCaseDoesNotMatter() {
            Decision d = decide(keyPolicy(TRAIL), cloudtrail, "GenerateDataKey", FINANCE, "AWS:CloudTrail:ARN", FINANCE);
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void c5AnIamUserDoesNotMatchTheServicePrincipal() {
            Decision d = c1(keyPolicy(TRAIL), user("alice"), "GenerateDataKey");
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.notApplied()).singleElement().satisfies(r ->
                    assertThat(r.mismatch().describe()).startsWith("principal does not match"));
        }

        @Test
        void c6NegatedSourceAccountDenyCatchesCallersWithoutTheKey() {
            Decision d = c1(keyPolicy(TRAIL, DENY_FOREIGN_SOURCE), user("alice"), "GenerateDataKey");
            assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            // the service itself, which sends aws:SourceAccount of its own account, is not denied
            Transport t = new Transport(REGION, null, FINANCE, ACCOUNT, null, true, TIME, Map.of());
            Decision svc = new Authorizer(Identities.NONE).authorize(request("GenerateDataKey", Fixtures.params("""
                    {"KeyId":"%s","EncryptionContext":{"aws:cloudtrail:arn":"%s"}}""".formatted(KEY_ARN, FINANCE)),
                    cloudtrail, t, key(keyPolicy(TRAIL, DENY_FOREIGN_SOURCE)), null));
            assertThat(svc.outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void c7AnotherActionIsImplicitlyDenied() {
            Decision d = c1(keyPolicy(TRAIL), cloudtrail, "Decrypt");
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.notApplied()).singleElement().satisfies(r ->
                    assertThat(r.mismatch().describe()).isEqualTo("action kms:Decrypt is not matched"));
        }
    }
}
