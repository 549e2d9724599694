package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import io.trent.policy.PolicyType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.trent.authz.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each branch of the flow of §5 and §9. */
class FlowTest {
    static final String ROLE_ARN = "arn:aws:iam::111122223333:role/App";
    static final String USER_ARN = "arn:aws:iam::111122223333:user/alice";
    static final Caller.Iam APP = session("App", "s1");
    static final Caller.Iam ALICE = user("alice");
    static final String DECRYPT_ALLOW = "{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"" + KEY_ARN + "\"}";
    static final String ALL_ALLOW = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";
    static final String DECRYPT = "{\"KeyId\":\"" + KEY_ARN + "\",\"CiphertextBlob\":\"AAAA\"}";

    static String kpAllow(String principal, String action) {
        return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}";
    }

    static String kpDeny(String principal, String action) {
        return "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}";
    }

    static String ipDeny(String action) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}";
    }

    static Decision decide(Identities ids, String op, String params, Caller caller, KmsKey key) {
        return new Authorizer(ids).authorize(request(op, params, caller, key));
    }

    static Decision decrypt(Identities ids, Caller caller, KmsKey key) {
        return decide(ids, "Decrypt", DECRYPT, caller, key);
    }

    static String msg(Caller c, String action, String tail) {
        return "User: " + c.arn() + " is not authorized to perform: " + action + " on resource: " + KEY_ARN + tail;
    }

    @Nested
    class Delegation {
        @Test
        void accountStatementPlusIdentityAllowIsAllowedWithBothAsReasons() {
            Decision d = decrypt(new Ids().allow(ROLE_ARN, DECRYPT_ALLOW), APP, key(keyPolicy(accountStatement(ACCOUNT))));
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.reasons()).extracting(Decision.Reason::source)
                    .containsExactly("key policy statement 'Enable IAM policies'", "identity policy " + ROLE_ARN + " statement #0");
            assertThat(d.reasons().get(0).description()).contains("delegated");
            assertThat(d.checks()).containsExactly("kms:Decrypt on " + KEY_ARN + ": Allow");
        }

        @Test
        void accountStatementWithoutIdentityAllowNamesTheIdentityPolicy() {
            Decision d = decrypt(Identities.NONE, APP, key(keyPolicy(accountStatement(ACCOUNT))));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).isEqualTo(msg(APP, "kms:Decrypt",
                    " because no identity-based policy allows the kms:Decrypt action"));
            assertThat(d.reasons()).isEmpty();
        }

        @Test
        void identityAllowWithoutAccountStatementNeverCounts() {
            Decision d = decrypt(new Ids().allow(ROLE_ARN, ALL_ALLOW), APP, key(keyPolicy(kpAllow(ROLE_ARN, "kms:Encrypt"))));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).isEqualTo(msg(APP, "kms:Decrypt",
                    " because no resource-based policy allows the kms:Decrypt action"));
        }

        @Test
        void anAccountStatementWhoseConditionFailsDoesNotDelegate() {
            String conditional = """
                    {"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"kms:*","Resource":"*",
                     "Condition":{"StringEquals":{"kms:ViaService":"s3.us-west-2.amazonaws.com"}}}""";
            Ids ids = new Ids().allow(ROLE_ARN, ALL_ALLOW);
            assertThat(decrypt(ids, APP, key(keyPolicy(conditional))).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            Decision viaS3 = new Authorizer(ids).authorize(request("Decrypt", params(DECRYPT), APP,
                    via("s3.us-west-2.amazonaws.com"), key(keyPolicy(conditional)), null));
            assertThat(viaS3.outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void identityDenyCountsEvenWithoutDelegation() {
            Decision d = decrypt(new Ids().allow(ROLE_ARN, ipDeny("kms:Decrypt")), APP,
                    key(keyPolicy(kpAllow(ROLE_ARN, "kms:Decrypt"))));
            assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(d.message()).isEqualTo(msg(APP, "kms:Decrypt", " with an explicit deny in an identity-based policy"));
        }
    }

    @Nested
    class Root {
        @Test
        void rootNeedsOnlyTheAccountStatement() {
            Decision d = decrypt(Identities.NONE, root(ACCOUNT), key(keyPolicy(accountStatement(ACCOUNT))));
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void rootIsDeniedWhenTheKeyPolicyDoesNotNameItsAccount() {
            Decision d = decrypt(Identities.NONE, root(ACCOUNT), key(keyPolicy(kpAllow(ROLE_ARN, "kms:*"))));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void anAccountPrincipalDenyAppliesToEveryCallerOfTheAccount() {
            Decision d = decrypt(Identities.NONE, ALICE,
                    key(keyPolicy(kpAllow(USER_ARN, "kms:*"), kpDeny(ACCOUNT, "kms:Decrypt"))));
            assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.description()).contains("account principal"));
        }
    }

    @Nested
    class Boundaries {
        @Test
        void boundaryWithoutAllowLimitsDelegation() {
            Ids ids = new Ids().allow(ROLE_ARN, ALL_ALLOW).boundary(ROLE_ARN, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            Decision d = decrypt(ids, APP, key(keyPolicy(accountStatement(ACCOUNT))));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).endsWith(" because no permissions boundary allows the kms:Decrypt action");
        }

        @Test
        void boundaryLimitsARoleArnStatementButNotUserOrSessionOrEveryone() {
            String pbNone = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}";
            Ids ids = new Ids().boundary(ROLE_ARN, pbNone).boundary(USER_ARN, pbNone);
            assertThat(decrypt(ids, APP, key(keyPolicy(kpAllow(ROLE_ARN, "kms:Decrypt")))).message())
                    .endsWith("because no permissions boundary allows the kms:Decrypt action");
            assertThat(decrypt(ids, APP, key(keyPolicy(kpAllow(APP.arn(), "kms:Decrypt")))).outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decrypt(ids, ALICE, key(keyPolicy(kpAllow(USER_ARN, "kms:Decrypt")))).outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decrypt(ids, APP, key(keyPolicy(kpAllow("*", "kms:Decrypt")))).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void boundaryAllowingTheActionLetsTheRoleStatementThrough() {
            Ids ids = new Ids().boundary(ROLE_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}");
            Decision d = decrypt(ids, APP, key(keyPolicy(kpAllow(ROLE_ARN, "kms:Decrypt"))));
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.reasons()).extracting(Decision.Reason::source)
                    .contains("permissions boundary " + ROLE_ARN + " statement #0");
        }

        @Test
        void boundaryDenyIsExplicit() {
            Ids ids = new Ids().boundary(ROLE_ARN, ALL_ALLOW, ipDeny("kms:Decrypt"));
            Decision d = decrypt(ids, APP, key(keyPolicy(kpAllow(APP.arn(), "kms:*"))));
            assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(d.message()).endsWith(" with an explicit deny in a permissions boundary");
        }

        @Test
        void sessionPolicyLimitsRoleStatementsAndDeniesExplicitly() {
            Ids noAllow = new Ids().session(APP.arn(), "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            assertThat(decrypt(noAllow, APP, key(keyPolicy(kpAllow(ROLE_ARN, "kms:Decrypt")))).message())
                    .endsWith(" because no session policy allows the kms:Decrypt action");
            assertThat(decrypt(noAllow, APP, key(keyPolicy(kpAllow(APP.arn(), "kms:Decrypt")))).outcome())
                    .isEqualTo(Outcome.ALLOW);
            Ids allow = new Ids().session(APP.arn(), ALL_ALLOW);
            assertThat(decrypt(allow, APP, key(keyPolicy(kpAllow(ROLE_ARN, "kms:Decrypt")))).outcome())
                    .isEqualTo(Outcome.ALLOW);
            Ids deny = new Ids().session(APP.arn(), ALL_ALLOW, ipDeny("kms:*"));
            assertThat(decrypt(deny, APP, key(keyPolicy(kpAllow(APP.arn(), "kms:Decrypt")))).message())
                    .endsWith(" with an explicit deny in a session policy");
        }
    }

    @Nested
    class ServiceControlPolicies {
        @Test
        void aFailedScpGateIsAnExplicitDenyWhateverTheKeyPolicySays() {
            Ids ids = new Ids().scp(ACCOUNT, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            Decision d = decrypt(ids, ALICE, key(keyPolicy(kpAllow(USER_ARN, "kms:*"))));
            assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(d.message()).isEqualTo(msg(ALICE, "kms:Decrypt", " with an explicit deny in a service control policy"));
            assertThat(d.reasons()).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo("service control policies");
                assertThat(r.description()).startsWith("none allows kms:Decrypt");
            });
        }

        @Test
        void scpAllowPassesTheGateAndAnScpDenyIsReportedBeforeAKeyPolicyDeny() {
            Ids ids = new Ids().scp(ACCOUNT, ALL_ALLOW);
            assertThat(decrypt(ids, ALICE, key(keyPolicy(kpAllow(USER_ARN, "kms:*")))).outcome()).isEqualTo(Outcome.ALLOW);
            Ids deny = new Ids().scp(ACCOUNT, ALL_ALLOW, ipDeny("kms:Decrypt"));
            Decision d = decrypt(deny, ALICE, key(keyPolicy(kpAllow(USER_ARN, "kms:*"), kpDeny("*", "kms:Decrypt"))));
            assertThat(d.message()).endsWith(" with an explicit deny in a service control policy");
            assertThat(d.reasons()).hasSize(2);
        }

        @Test
        void keyPolicyDenyIsReportedBeforeAnIdentityDeny() {
            Ids ids = new Ids().allow(USER_ARN, ipDeny("kms:*"));
            Decision d = decrypt(ids, ALICE, key(keyPolicy(kpDeny("*", "kms:Decrypt"))));
            assertThat(d.message()).endsWith(" with an explicit deny in a resource-based policy");
        }

        @Test
        void scpsDoNotApplyToServicePrincipals() {
            Ids ids = new Ids().scp(ACCOUNT, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            String kp = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs.amazonaws.com\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}";
            assertThat(decrypt(ids, new Caller.Service("logs.amazonaws.com"), key(keyPolicy(kp))).outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decrypt(ids, new Caller.Service("sns.amazonaws.com"), key(keyPolicy(kp))).outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }

    @Nested
    class CrossAccount {
        final Caller.Iam lin = iam("arn:aws:iam::" + OTHER_ACCOUNT + ":user/Lin");
        final Ids linAllowed = new Ids().allow(lin.arn(), ALL_ALLOW);

        @Test
        void bothTheKeyPolicyAndAnIdentityPolicyOfTheCallerAccountMustAllow() {
            KmsKey k = key(keyPolicy(accountStatement(ACCOUNT), accountStatement(OTHER_ACCOUNT)));
            assertThat(decrypt(linAllowed, lin, k).outcome()).isEqualTo(Outcome.ALLOW);
            Decision noIam = decrypt(Identities.NONE, lin, k);
            assertThat(noIam.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(noIam.message()).endsWith("because no identity-based policy allows the kms:Decrypt action");
        }

        @Test
        void evenADirectUserStatementOrEveryoneNeedsTheIdentityPolicyCrossAccount() {
            for (String principal : List.of(lin.arn(), "*")) {
                KmsKey k = key(keyPolicy(kpAllow(principal, "kms:Decrypt")));
                assertThat(decrypt(Identities.NONE, lin, k).outcome()).as(principal).isEqualTo(Outcome.IMPLICIT_DENY);
                assertThat(decrypt(linAllowed, lin, k).outcome()).as(principal).isEqualTo(Outcome.ALLOW);
            }
        }

        @Test
        void operationsThatAreNotCrossAccountCapableAreDenied() {
            KmsKey k = key(keyPolicy(kpAllow("*", "kms:*")));
            Decision d = decide(linAllowed, "DisableKey", "{\"KeyId\":\"" + KEY_ARN + "\"}", lin, k);
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).endsWith("because no resource-based policy allows the kms:DisableKey action");
            assertThat(decide(linAllowed, "DescribeKey", "{\"KeyId\":\"" + KEY_ARN + "\"}", lin, k).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void theRootOfTheTrustedAccountNeedsNoIdentityPolicy() {
            KmsKey k = key(keyPolicy(accountStatement(OTHER_ACCOUNT)));
            assertThat(decrypt(Identities.NONE, root(OTHER_ACCOUNT), k).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aGrantToTheExternalPrincipalIsEnoughByItself() {
            KmsKey k = withGrants(key(keyPolicy(accountStatement(ACCOUNT))),
                    grant("g1", lin.arn(), List.of("Decrypt"), null, null));
            assertThat(decrypt(Identities.NONE, lin, k).outcome()).isEqualTo(Outcome.ALLOW);
            Ids scpGate = new Ids().scp(OTHER_ACCOUNT, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            assertThat(decrypt(scpGate, lin, k).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    @Nested
    class Grants {
        final KmsKey bare = key(keyPolicy(accountStatement(ACCOUNT)));

        Decision decryptWith(Identities ids, Caller c, Grant g, String context) {
            String p = "{\"KeyId\":\"" + KEY_ARN + "\",\"CiphertextBlob\":\"AAAA\""
                    + (context == null ? "" : ",\"EncryptionContext\":" + context) + "}";
            return decide(ids, "Decrypt", p, c, withGrants(bare, g));
        }

        @Test
        void aRoleGranteeCoversItsSessionsWithinTheBoundary() {
            Grant g = grant("g1", ROLE_ARN, List.of("Decrypt"), null, null);
            Decision d = decryptWith(Identities.NONE, APP, g, null);
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo("grant g1"));
            Ids pb = new Ids().boundary(ROLE_ARN, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            KmsKey noDelegation = withGrants(key(keyPolicy(kpAllow(USER_ARN, "kms:*"))), g);
            assertThat(decrypt(pb, APP, noDelegation).message()).endsWith("because no permissions boundary allows the kms:Decrypt action");
            // with delegation too, the account path misses an identity policy, which is reported first (§5.6 order)
            assertThat(decryptWith(pb, APP, g, null).message()).endsWith("because no identity-based policy allows the kms:Decrypt action");
        }

        @Test
        void aUserGranteeIsNotLimitedByItsBoundary() {
            Ids pb = new Ids().boundary(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            assertThat(decryptWith(pb, ALICE, grant("g1", USER_ARN, List.of("Decrypt"), null, null), null).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anAccountGranteeNeedsAnIdentityPolicyExceptForRoot() {
            Grant g = grant("g1", "arn:aws:iam::" + ACCOUNT + ":root", List.of("Decrypt"), null, null);
            KmsKey noDelegation = withGrants(key(keyPolicy(kpAllow(ROLE_ARN, "kms:Encrypt"))), g);
            assertThat(decrypt(Identities.NONE, ALICE, noDelegation).message())
                    .endsWith("because no identity-based policy allows the kms:Decrypt action");
            assertThat(decrypt(new Ids().allow(USER_ARN, DECRYPT_ALLOW), ALICE, noDelegation).outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decrypt(Identities.NONE, root(ACCOUNT), noDelegation).outcome()).isEqualTo(Outcome.ALLOW);
            // §5.4 Unspecified: only role grantees are limited by the boundary
            Ids bounded = new Ids().allow(USER_ARN, DECRYPT_ALLOW)
                    .boundary(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
            assertThat(decrypt(bounded, ALICE, noDelegation).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void onlyListedOperationsAndOnlyGrantOperationsAreAllowed() {
            Grant g = grant("g1", USER_ARN, List.of("Encrypt", "ListGrants", "RevokeGrant"), null, null);
            KmsKey k = withGrants(key(keyPolicy(kpAllow(ROLE_ARN, "kms:*"))), g);
            assertThat(decrypt(Identities.NONE, ALICE, k).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            String keyOnly = "{\"KeyId\":\"" + KEY_ARN + "\",\"GrantId\":\"g1\"}";
            assertThat(decide(Identities.NONE, "ListGrants", keyOnly, ALICE, k).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(Identities.NONE, "RevokeGrant", keyOnly, ALICE, k).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(Identities.NONE, "Encrypt", "{\"KeyId\":\"" + KEY_ARN + "\",\"Plaintext\":\"AA==\"}", ALICE, k)
                    .outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void subsetConstraintsCompareKeysIgnoringCaseAndValuesExactly() {
            Grant g = grant("g1", USER_ARN, List.of("Decrypt"), Map.of("Dept", "IT"), null);
            assertThat(decryptWith(Identities.NONE, ALICE, g, "{\"Dept\":\"IT\",\"extra\":\"x\"}").outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decryptWith(Identities.NONE, ALICE, g, "{\"dept\":\"IT\"}").outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decryptWith(Identities.NONE, ALICE, g, "{\"Dept\":\"it\"}").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decryptWith(Identities.NONE, ALICE, g, "{\"Other\":\"IT\"}").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decryptWith(Identities.NONE, ALICE, g, null).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void equalsConstraintsNeedExactlyThePairs() {
            Grant g = grant("g1", USER_ARN, List.of("Decrypt"), null, Map.of("a", "1", "b", "2"));
            assertThat(decryptWith(Identities.NONE, ALICE, g, "{\"B\":\"2\",\"a\":\"1\"}").outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decryptWith(Identities.NONE, ALICE, g, "{\"a\":\"1\"}").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decryptWith(Identities.NONE, ALICE, g, "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}").outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void emptyConstraintMapsAreNoConstraint() {
            Grant g = grant("g1", USER_ARN, List.of("Decrypt"), Map.of(), Map.of());
            assertThat(decryptWith(Identities.NONE, ALICE, g, null).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void constraintsAreIgnoredForOperationsWithoutAnEncryptionContext() {
            Grant g = grant("g1", USER_ARN, List.of("DescribeKey"), Map.of("a", "1"), null);
            assertThat(decide(Identities.NONE, "DescribeKey", "{\"KeyId\":\"" + KEY_ARN + "\"}", ALICE,
                    withGrants(bare, g)).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aKeyPolicyDenyOverridesAGrant() {
            Grant g = grant("g1", USER_ARN, List.of("Decrypt"), null, null);
            KmsKey k = withGrants(key(keyPolicy(accountStatement(ACCOUNT), kpDeny("*", "kms:Decrypt"))), g);
            assertThat(decrypt(Identities.NONE, ALICE, k).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void aGrantOfAnotherKeyIsIgnored() {
            Grant g = new Grant("g1", null, KEY2_ARN, USER_ARN, null, List.of("Decrypt"), null, null, ACCOUNT, TIME);
            assertThat(decrypt(Identities.NONE, ALICE, withGrants(bare, g)).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aKeyWithAnUnusablePolicyDeniesEvenWithAGrant() {
            KmsKey k = withGrants(key(null), grant("g1", USER_ARN, List.of("Decrypt"), null, null));
            Decision d = decrypt(Identities.NONE, ALICE, k);
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).endsWith("because no resource-based policy allows the kms:Decrypt action");
            assertThat(decrypt(new Ids().allow(USER_ARN, ipDeny("kms:*")), ALICE, k).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    @Nested
    class ChildGrants {
        Decision createGrant(Grant parent, String operations, String constraints) {
            String p = "{\"KeyId\":\"" + KEY_ARN + "\",\"GranteePrincipal\":\"" + ROLE_ARN + "\",\"Operations\":" + operations
                    + (constraints == null ? "" : ",\"Constraints\":" + constraints) + "}";
            return decide(Identities.NONE, "CreateGrant", p, ALICE, withGrants(key(keyPolicy(accountStatement(ACCOUNT))), parent));
        }

        @Test
        void childOperationsMustBeASubsetOfTheParents() {
            Grant parent = grant("p", USER_ARN, List.of("Decrypt", "CreateGrant"), null, null);
            assertThat(createGrant(parent, "[\"Decrypt\"]", null).outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(createGrant(parent, "[\"Decrypt\",\"CreateGrant\"]", null).outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(createGrant(parent, "[\"Encrypt\"]", null).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void underASubsetParentTheChildNeedsASupersetSubsetOrEquals() {
            Grant parent = grant("p", USER_ARN, List.of("Decrypt", "CreateGrant"), Map.of("a", "1"), null);
            assertThat(createGrant(parent, "[\"Decrypt\"]", "{\"EncryptionContextSubset\":{\"A\":\"1\",\"b\":\"2\"}}").outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(createGrant(parent, "[\"Decrypt\"]", "{\"EncryptionContextEquals\":{\"a\":\"1\",\"b\":\"2\"}}").outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(createGrant(parent, "[\"Decrypt\"]", "{\"EncryptionContextSubset\":{\"b\":\"2\"}}").outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(createGrant(parent, "[\"Decrypt\"]", null).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void underAnEqualsParentTheChildNeedsTheSameEquals() {
            Grant parent = grant("p", USER_ARN, List.of("Decrypt", "CreateGrant"), null, Map.of("a", "1"));
            assertThat(createGrant(parent, "[\"Decrypt\"]", "{\"EncryptionContextEquals\":{\"a\":\"1\"}}").outcome())
                    .isEqualTo(Outcome.ALLOW);
            assertThat(createGrant(parent, "[\"Decrypt\"]", "{\"EncryptionContextEquals\":{\"a\":\"1\",\"b\":\"2\"}}").outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(createGrant(parent, "[\"Decrypt\"]", "{\"EncryptionContextSubset\":{\"a\":\"1\"}}").outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }

    @Nested
    class ReEncrypt {
        static final String SAME = "{\"SourceKeyId\":\"" + KEY_ARN + "\",\"DestinationKeyId\":\"" + KEY_ARN
                + "\",\"CiphertextBlob\":\"AAAA\"}";

        @Test
        void bothSidesMustAllow() {
            Decision d = decide(Identities.NONE, "ReEncrypt", SAME, ALICE, key(keyPolicy(kpAllow(USER_ARN, "kms:ReEncrypt*"))));
            assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(d.checks()).containsExactly("kms:ReEncryptFrom on " + KEY_ARN + ": Allow",
                    "kms:ReEncryptTo on " + KEY_ARN + ": Allow");
            Decision onlyFrom = decide(Identities.NONE, "ReEncrypt", SAME, ALICE,
                    key(keyPolicy(kpAllow(USER_ARN, "kms:ReEncryptFrom"))));
            assertThat(onlyFrom.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(onlyFrom.message()).isEqualTo(msg(ALICE, "kms:ReEncryptTo",
                    " because no resource-based policy allows the kms:ReEncryptTo action"));
        }

        @Test
        void theDestinationKeyIsJudgedByItsOwnPolicyAndAnExplicitDenyWins() {
            KmsKey source = key(keyPolicy(kpAllow(USER_ARN, "kms:*"), kpDeny(USER_ARN, "kms:ReEncryptFrom")));
            KmsKey destination = key(KEY2_ARN, keyPolicy(kpAllow(USER_ARN, "kms:Encrypt")), List.of());
            String p = "{\"SourceKeyId\":\"" + KEY_ARN + "\",\"DestinationKeyId\":\"" + KEY2_ARN + "\",\"CiphertextBlob\":\"AAAA\"}";
            Decision d = new Authorizer(Identities.NONE).authorize(request("ReEncrypt", params(p), ALICE, direct(), source, destination));
            assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(d.message()).startsWith("User: " + USER_ARN + " is not authorized to perform: kms:ReEncryptFrom");
            assertThat(d.checks()).containsExactly("kms:ReEncryptFrom on " + KEY_ARN + ": ExplicitDeny",
                    "kms:ReEncryptTo on " + KEY2_ARN + ": ImplicitDeny");
            assertThat(d.notApplied()).extracting(r -> r.policyName())
                    .contains("key policy [kms:ReEncryptTo on " + KEY2_ARN + "]");
        }

        @Test
        void grantConstraintsApplyPerSide() {
            Grant g = grant("g1", USER_ARN, List.of("ReEncryptFrom", "ReEncryptTo"), null, Map.of("side", "src"));
            KmsKey k = withGrants(key(keyPolicy(accountStatement(ACCOUNT))), g);
            String p = "{\"SourceKeyId\":\"" + KEY_ARN + "\",\"DestinationKeyId\":\"" + KEY_ARN
                    + "\",\"SourceEncryptionContext\":{\"side\":\"src\"},\"DestinationEncryptionContext\":{\"side\":\"%s\"}}";
            assertThat(decide(Identities.NONE, "ReEncrypt", p.formatted("src"), ALICE, k).outcome()).isEqualTo(Outcome.ALLOW);
            Decision d = decide(Identities.NONE, "ReEncrypt", p.formatted("dst"), ALICE, k);
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.checks()).containsExactly("kms:ReEncryptFrom on " + KEY_ARN + ": Allow",
                    "kms:ReEncryptTo on " + KEY_ARN + ": ImplicitDeny");
        }
    }

    @Nested
    class IdentityOnly {
        @Test
        void createKeyIsDecidedByIdentityPoliciesAndItsMessageNamesNoResource() {
            Ids ids = new Ids().allow(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:CreateKey\",\"Resource\":\"arn:aws:kms:us-west-2:111122223333:*\"}");
            assertThat(decide(ids, "CreateKey", "{}", ALICE, null).outcome()).isEqualTo(Outcome.ALLOW);
            Decision d = decide(Identities.NONE, "CreateKey", "{}", ALICE, null);
            assertThat(d.message()).isEqualTo("User: " + USER_ARN + " is not authorized to perform: kms:CreateKey"
                    + " because no identity-based policy allows the kms:CreateKey action");
            assertThat(d.checks()).containsExactly("kms:CreateKey: ImplicitDeny");
        }

        @Test
        void createKeyWithTagsAlsoNeedsTagResource() {
            Ids ids = new Ids().allow(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:CreateKey\",\"Resource\":\"*\"}");
            String tags = "{\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"red\"}]}";
            Decision d = decide(ids, "CreateKey", tags, ALICE, null);
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).contains("kms:TagResource because no identity-based policy");
            ids.allow(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:TagResource\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/team\":\"red\"}}}");
            assertThat(decide(ids, "CreateKey", tags, ALICE, null).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void keyScopedResourcePatternsDoNotMatchResourcelessOperations() {
            Ids ids = new Ids().allow(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:ListKeys\",\"Resource\":\"arn:aws:kms:*:111122223333:key/*\"}");
            assertThat(decide(ids, "ListKeys", "{}", ALICE, null).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(Identities.NONE, "ListKeys", "{}", root(ACCOUNT), null).outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decide(Identities.NONE, "ListKeys", "{}", new Caller.Service("logs.amazonaws.com"), null).outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aKeyPolicyNeverDecidesIdentityOnlyOperations() {
            KmsKey k = key(keyPolicy(kpAllow(USER_ARN, "kms:*")));
            assertThat(decide(Identities.NONE, "ListAliases", "{\"KeyId\":\"" + KEY_ARN + "\"}", ALICE, k).outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void listRetirableGrantsNeedsARetiringPrincipalOfTheCallersAccount() {
            Ids ids = new Ids().allow(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:ListRetirableGrants\",\"Resource\":\"*\"}");
            assertThat(decide(ids, "ListRetirableGrants", "{\"RetiringPrincipal\":\"" + ROLE_ARN + "\"}", ALICE, null)
                    .outcome()).isEqualTo(Outcome.ALLOW);
            Decision other = decide(ids, "ListRetirableGrants",
                    "{\"RetiringPrincipal\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":role/X\"}", ALICE, null);
            assertThat(other.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(other.message()).endsWith("because the retiring principal does not belong to the caller's account");
        }
    }

    @Nested
    class Aliases {
        static final String ALIAS_ARN = "arn:aws:kms:us-west-2:111122223333:alias/app";
        static final String CREATE = "{\"AliasName\":\"alias/app\",\"TargetKeyId\":\"" + KEY_ARN + "\"}";

        @Test
        void createAliasNeedsTheIdentityPolicyOnTheAliasAndTheKeyPolicyOnTheKey() {
            KmsKey k = key(keyPolicy(accountStatement(ACCOUNT)));
            Ids keyOnly = new Ids().allow(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:CreateAlias\",\"Resource\":\"" + KEY_ARN + "\"}");
            Decision d = decide(keyOnly, "CreateAlias", CREATE, ALICE, k);
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).isEqualTo("User: " + USER_ARN + " is not authorized to perform: kms:CreateAlias on resource: "
                    + ALIAS_ARN + " because no identity-based policy allows the kms:CreateAlias action");
            keyOnly.allow(USER_ARN, "{\"Effect\":\"Allow\",\"Action\":\"kms:CreateAlias\",\"Resource\":\"" + ALIAS_ARN + "\"}");
            Decision ok = decide(keyOnly, "CreateAlias", CREATE, ALICE, k);
            assertThat(ok.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(ok.checks()).containsExactly("kms:CreateAlias on " + ALIAS_ARN + ": Allow",
                    "kms:CreateAlias on " + KEY_ARN + ": Allow");
        }

        @Test
        void reservedAliasNamesAreRefusedWhateverThePolicies() {
            Ids all = new Ids().allow(USER_ARN, ALL_ALLOW);
            Decision d = decide(all, "CreateAlias", "{\"AliasName\":\"alias/aws/s3\",\"TargetKeyId\":\"" + KEY_ARN + "\"}",
                    ALICE, key(keyPolicy(kpAllow(USER_ARN, "kms:*"))));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.message()).contains("alias/aws/").contains("reserved");
        }

        @Test
        void updateAliasChecksTheAliasTheCurrentKeyAndTheNewKey() {
            Ids all = new Ids().allow(USER_ARN, ALL_ALLOW);
            KmsKey current = key(keyPolicy(accountStatement(ACCOUNT)));
            KmsKey next = key(KEY2_ARN, keyPolicy(kpAllow(ROLE_ARN, "kms:*")), List.of());
            Decision d = new Authorizer(all).authorize(request("UpdateAlias", params("{\"AliasName\":\"alias/app\",\"TargetKeyId\":\""
                    + KEY2_ARN + "\"}"), ALICE, direct(), current, next));
            assertThat(d.checks()).containsExactly("kms:UpdateAlias on " + ALIAS_ARN + ": Allow",
                    "kms:UpdateAlias on " + KEY_ARN + ": Allow", "kms:UpdateAlias on " + KEY2_ARN + ": ImplicitDeny");
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }

    @Nested
    class RetireGrant {
        final Grant g = new Grant("g1", null, KEY_ARN, ROLE_ARN, USER_ARN, List.of("Decrypt"), null, null, ACCOUNT, TIME);
        final Caller.Iam outsider = iam("arn:aws:iam::" + OTHER_ACCOUNT + ":user/Lin");

        Decision retire(Identities ids, Caller c, Grant grant, CompiledPolicy kp) {
            return decide(ids, "RetireGrant", "{\"KeyId\":\"" + KEY_ARN + "\",\"GrantId\":\"" + grant.grantId() + "\"}", c,
                    withGrants(key(kp), grant));
        }

        @Test
        void theRetiringPrincipalMayRetireWithoutAnyPolicy() {
            assertThat(retire(Identities.NONE, ALICE, g, keyPolicy(kpAllow(ROLE_ARN, "kms:Encrypt"))).outcome())
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void theGranteeMayRetireOnlyWhenTheGrantListsRetireGrant() {
            CompiledPolicy kp = keyPolicy(kpAllow(USER_ARN, "kms:Encrypt"));
            Grant foreign = new Grant("g2", null, KEY_ARN, outsider.arn(), null, List.of("Decrypt"), null, null, ACCOUNT, TIME);
            assertThat(retire(Identities.NONE, outsider, foreign, kp).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            Grant retirable = new Grant("g3", null, KEY_ARN, outsider.arn(), null, List.of("Decrypt", "RetireGrant"), null, null,
                    ACCOUNT, TIME);
            assertThat(retire(Identities.NONE, outsider, retirable, kp).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void principalsOfTheKeyAccountNeedAnIdentityAllow() {
            Caller.Iam bob = user("bob");
            CompiledPolicy kp = keyPolicy(kpAllow(ROLE_ARN, "kms:Encrypt"));
            assertThat(retire(Identities.NONE, bob, g, kp).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            Ids ids = new Ids().allow("arn:aws:iam::111122223333:user/bob",
                    "{\"Effect\":\"Allow\",\"Action\":\"kms:RetireGrant\",\"Resource\":\"" + KEY_ARN + "\"}");
            assertThat(retire(ids, bob, g, kp).outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(retire(Identities.NONE, root(ACCOUNT), g, kp).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anAccountRetiringPrincipalDelegatesToIdentityPolicies() {
            Grant byAccount = new Grant("g4", null, KEY_ARN, ROLE_ARN, "arn:aws:iam::" + OTHER_ACCOUNT + ":root",
                    List.of("Decrypt"), null, null, ACCOUNT, TIME);
            CompiledPolicy kp = keyPolicy(kpAllow(ROLE_ARN, "kms:Encrypt"));
            assertThat(retire(Identities.NONE, outsider, byAccount, kp).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            Ids ids = new Ids().allow(outsider.arn(), "{\"Effect\":\"Allow\",\"Action\":\"kms:RetireGrant\",\"Resource\":\"*\"}");
            assertThat(retire(ids, outsider, byAccount, kp).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aKeyPolicyAllowAloneIsInertButDeniesApply() {
            assertThat(retire(Identities.NONE, outsider, g, keyPolicy(kpAllow("*", "kms:RetireGrant"))).outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(retire(Identities.NONE, ALICE, g, keyPolicy(kpDeny("*", "kms:RetireGrant"))).outcome())
                    .isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(retire(new Ids().allow(USER_ARN, ipDeny("kms:RetireGrant")), ALICE, g,
                    keyPolicy(kpAllow(ROLE_ARN, "kms:Encrypt"))).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    @Nested
    class Robustness {
        @Test
        void unknownOperationsDeny() {
            Decision d = decide(new Ids().allow(USER_ARN, ALL_ALLOW), "DecryptEverything", DECRYPT, ALICE,
                    key(keyPolicy(kpAllow("*", "*"))));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aMissingKeyOrCallerDenies() {
            assertThat(decide(Identities.NONE, "Decrypt", DECRYPT, ALICE, null).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(Identities.NONE, "Decrypt", DECRYPT, null, key(keyPolicy(kpAllow("*", "*")))).outcome())
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(new Authorizer(null).authorize(new KmsRequest("Decrypt", null, ALICE, null,
                    key(keyPolicy(kpAllow(USER_ARN, "kms:Decrypt"))), null)).outcome()).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anIdentitiesFailureDeniesInsteadOfThrowing() {
            Identities broken = new Ids() {
                @Override
                public List<NamedPolicy> identityPolicies(Caller.Iam c) {
                    throw new IllegalStateException("directory down");
                }
            };
            Decision d = decrypt(broken, ALICE, key(keyPolicy(kpAllow(USER_ARN, "kms:*"))));
            assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.description()).contains("IllegalStateException"));
        }

        @Test
        void notAppliedListsTheStatementsThatDidNotApplyWithTheirFirstMismatch() {
            String conditional = """
                    {"Sid":"Tagged","Effect":"Allow","Principal":{"AWS":"%s"},"Action":"kms:Decrypt","Resource":"*",
                     "Condition":{"StringEquals":{"kms:EncryptionContext:team":"red"}}}""".formatted(USER_ARN);
            Decision d = decrypt(Identities.NONE, ALICE, key(keyPolicy(kpAllow(ROLE_ARN, "kms:*"), conditional,
                    kpAllow(USER_ARN, "kms:Encrypt"))));
            assertThat(d.notApplied()).extracting(r -> r.statement().label() + ": " + r.mismatch().describe())
                    .containsExactly("#0: principal does not match " + USER_ARN,
                            "Tagged: condition StringEquals kms:EncryptionContext:team expected [red] but was absent",
                            "#2: action kms:Decrypt is not matched");
        }
    }

    @Nested
    class Lockout {
        final KmsKey key = key(keyPolicy(kpAllow(ROLE_ARN, "kms:*")));
        final KmsRequest live = request("PutKeyPolicy", "{\"KeyId\":\"" + KEY_ARN + "\",\"Policy\":\"{}\"}", APP, key);

        @Test
        void aPolicyNamingOnlyTheAccountFailsForAnIamCallerWithoutIdentityPermission() {
            Authorizer authz = new Authorizer(Identities.NONE);
            assertThat(authz.lockoutCheck(live, key, keyPolicy(accountStatement(ACCOUNT))).allowed()).isFalse();
            Authorizer withIam = new Authorizer(new Ids().allow(ROLE_ARN,
                    "{\"Effect\":\"Allow\",\"Action\":\"kms:PutKeyPolicy\",\"Resource\":\"*\"}"));
            assertThat(withIam.lockoutCheck(live, key, keyPolicy(accountStatement(ACCOUNT))).allowed()).isTrue();
        }

        @Test
        void aPolicyNamingTheCallersRoleLetsItUpdateThePolicyLater() {
            assertThat(new Authorizer(Identities.NONE).lockoutCheck(live, key, keyPolicy(kpAllow(ROLE_ARN, "kms:PutKeyPolicy")))
                    .allowed()).isTrue();
            assertThat(new Authorizer(Identities.NONE).lockoutCheck(live, key, keyPolicy(kpAllow(ROLE_ARN, "kms:Decrypt")))
                    .allowed()).isFalse();
        }

        @Test
        void theHypotheticalRequestCarriesNoBypassFlagButKeepsTheLiveGlobalKeys() {
            String viaOnly = """
                    {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"kms:PutKeyPolicy","Resource":"*",
                     "Condition":{"Null":{"kms:BypassPolicyLockoutSafetyCheck":"true"},
                                  "StringEquals":{"kms:ViaService":"cloudformation.us-west-2.amazonaws.com"}}}""".formatted(ROLE_ARN);
            KmsRequest bypassing = new KmsRequest("PutKeyPolicy", params("{\"KeyId\":\"" + KEY_ARN
                    + "\",\"BypassPolicyLockoutSafetyCheck\":true}"), APP, via("cloudformation.us-west-2.amazonaws.com"), key, null);
            assertThat(new Authorizer(Identities.NONE).lockoutCheck(bypassing, key, keyPolicy(viaOnly)).allowed()).isTrue();
            assertThat(new Authorizer(Identities.NONE).lockoutCheck(live, key, keyPolicy(viaOnly)).allowed()).isFalse();
        }

        @Test
        void theDefaultKeyPolicyIsTheDocumentedOneAndDelegatesToTheAccount() throws Exception {
            String text = KeyPolicies.defaultPolicy("aws", ACCOUNT);
            JsonNode doc = JSON.readTree(text);
            assertThat(doc.path("Id").asText()).isEqualTo("key-default-1");
            assertThat(doc.path("Statement").get(0).path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
            assertThat(doc.path("Statement").get(0).path("Sid").asText()).isEqualTo("Enable IAM User Permissions");
            KmsKey k = key(compile(text, PolicyType.KEY_POLICY));
            assertThat(decrypt(Identities.NONE, root(ACCOUNT), k).outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decrypt(Identities.NONE, ALICE, k).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(KeyPolicies.defaultPolicy("aws-cn", "123456789012")).contains("arn:aws-cn:iam::123456789012:root");
        }
    }
}
