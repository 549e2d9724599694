package io.trent.analyzer.symbolic;

import io.trent.policy.Policy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import io.trent.policy.catalog.KmsAction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzerTest {
    static final String A = "111122223333", B = "444455556666";
    static final Mode MODE = Mode.engine(A);
    static final String ROOT = stmt("Allow", "{\"AWS\":\"arn:aws:iam::" + A + ":root\"}", "\"kms:*\"", null);

    static String stmt(String effect, String principal, String actions, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":" + actions
                + ",\"Resource\":\"*\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    static Policy policy(String... statements) {
        return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}",
                PolicyType.KEY_POLICY).orThrow();
    }

    static Analyzer.Verdict diff(Policy a, Policy b) {
        return Analyzer.diff(a, b, MODE).verdict();
    }

    /** Both directions: the policies allow exactly the same requests. */
    static void equivalent(Policy a, Policy b) {
        assertThat(diff(a, b)).as("new access in the second").isEqualTo(Analyzer.Verdict.PASS);
        assertThat(diff(b, a)).as("new access in the first").isEqualTo(Analyzer.Verdict.PASS);
    }

    static String role(String name) {
        return "{\"AWS\":\"arn:aws:iam::" + A + ":role/" + name + "\"}";
    }

    @Nested
    class Diff {
        @Test
        void crossAccountPrincipalsReachOnlyCrossAccountOperations() {
            String external = "{\"AWS\":\"arn:aws:iam::" + B + ":root\"}";
            assertThat(diff(policy(ROOT), policy(ROOT, stmt("Allow", external, "\"kms:ScheduleKeyDeletion\"", null))))
                    .isEqualTo(Analyzer.Verdict.PASS);
            Analyzer.Result r = Analyzer.diff(policy(ROOT), policy(ROOT, stmt("Allow", external, "\"kms:Decrypt\"", null)), MODE);
            assertThat(r.verdict()).isEqualTo(Analyzer.Verdict.FAIL);
            assertThat(r.findings()).singleElement().satisfies(f ->
                    assertThat(f.witness().at("/request/caller/arn").asText()).contains(B));
        }

        @Test
        void notPrincipalExceptsOnlyCallersWhoseWholeChainIsListed() {
            String allowAll = stmt("Allow", "\"*\"", "\"kms:Decrypt\"", null);
            String session = "arn:aws:sts::" + A + ":assumed-role/App/s";
            String appFull = stmt("Allow", "{\"AWS\":\"" + session + "\"}", "\"kms:Decrypt\"", null);
            String root = stmt("Allow", "{\"AWS\":\"arn:aws:iam::" + A + ":root\"}", "\"kms:Decrypt\"",
                    "{\"StringEquals\":{\"aws:PrincipalType\":\"Account\"}}");
            // account and role listed, session not: the Deny still applies to every session of App
            Policy roleListed = policy(allowAll, notPrincipalDeny("arn:aws:iam::" + A + ":root", "arn:aws:iam::" + A + ":role/App"));
            assertThat(diff(roleListed, policy(appFull, root))).isEqualTo(Analyzer.Verdict.FAIL);
            assertThat(diff(roleListed, policy(root))).isEqualTo(Analyzer.Verdict.PASS);
            // the whole chain listed: exactly the root user and that one session survive
            Policy chainListed = policy(allowAll, notPrincipalDeny("arn:aws:iam::" + A + ":root",
                    "arn:aws:iam::" + A + ":role/App", session));
            equivalent(chainListed, policy(appFull, root));
        }

        private static String notPrincipalDeny(String... arns) {
            return "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + String.join("\",\"", arns)
                    + "\"]},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}";
        }

        @Test
        void encryptionContextKeysAreCaseInsensitive() {
            String lower = stmt("Allow", role("App"), "\"kms:Decrypt\"", "{\"StringEquals\":{\"kms:EncryptionContext:app\":\"x\"}}");
            String upper = stmt("Allow", role("App"), "\"kms:Decrypt\"", "{\"StringEquals\":{\"kms:EncryptionContext:APP\":\"x\"}}");
            equivalent(policy(ROOT, lower), policy(ROOT, upper));
        }

        @Test
        void theKeySetOfTheContextFollowsItsPairs() {
            String pair = stmt("Allow", role("App"), "\"kms:Decrypt\"", "{\"StringLike\":{\"kms:EncryptionContext:app\":\"*\"}}");
            String key = stmt("Allow", role("App"), "\"kms:Decrypt\"",
                    "{\"ForAnyValue:StringEqualsIgnoreCase\":{\"kms:EncryptionContextKeys\":\"app\"}}");
            equivalent(policy(pair), policy(key));
        }

        @Test
        void numbersAndDatesCompareAsTheEngineRoundsThem() {
            String lt = stmt("Allow", role("App"), "\"kms:ScheduleKeyDeletion\"",
                    "{\"NumericLessThan\":{\"kms:ScheduleKeyDeletionPendingWindowInDays\":\"10.5\"}}");
            String le = stmt("Allow", role("App"), "\"kms:ScheduleKeyDeletion\"",
                    "{\"NumericLessThanEquals\":{\"kms:ScheduleKeyDeletionPendingWindowInDays\":\"10\"}}");
            equivalent(policy(lt), policy(le));
            String before = stmt("Allow", role("App"), "\"kms:Decrypt\"",
                    "{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-01-01T00:00:00.5Z\"}}");
            String until = stmt("Allow", role("App"), "\"kms:Decrypt\"",
                    "{\"DateLessThanEquals\":{\"aws:EpochTime\":\"1767225600\"}}");
            equivalent(policy(before), policy(until));
        }

        @Test
        void grantsForAwsResourcesAreTheViaServiceCalls() {
            String flag = stmt("Allow", role("App"), "\"kms:CreateGrant\"", "{\"Bool\":{\"kms:GrantIsForAWSResource\":\"true\"}}");
            String via = stmt("Allow", role("App"), "\"kms:CreateGrant\"", "{\"Null\":{\"kms:ViaService\":\"false\"}}");
            equivalent(policy(flag), policy(via));
        }

        @Test
        void reEncryptToAloneIsNewAccessWithAReplayableWitness() {
            Policy from = policy(stmt("Allow", role("App"), "\"kms:ReEncryptFrom\"", null));
            Analyzer.Result r = Analyzer.diff(from, policy(stmt("Allow", role("App"), "\"kms:ReEncrypt*\"", null)), MODE);
            assertThat(r.verdict()).isEqualTo(Analyzer.Verdict.FAIL);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.description()).contains("kms:ReEncryptTo").doesNotContain("kms:ReEncryptFrom");
                assertThat(f.witness().at("/request/parameters/DestinationKeyId").asText()).endsWith(Mode.DEFAULT_KEY_ID);
            });
        }

        @Test
        void aPathologicalPartitionIsUnknownNotAHang() {
            List<String> statements = new java.util.ArrayList<>(List.of(ROOT));
            for (int i = 0; i < 16; i++)
                statements.add(stmt("Allow", role("R" + i), "\"kms:Decrypt\"",
                        "{\"StringLike\":{\"kms:EncryptionContext:x\":\"*" + (char) ('a' + i) + "*" + (char) ('b' + i) + "*\"}}"));
            long start = System.nanoTime();
            Analyzer.Result r = Analyzer.diff(policy(ROOT), policy(statements.toArray(String[]::new)), MODE);
            assertThat(r.verdict()).isEqualTo(Analyzer.Verdict.UNKNOWN);
            assertThat(r.unknowns()).singleElement().asString().contains("too large");
            assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(20_000_000_000L);
        }

        @Test
        void unknownIsLocalToTheConditionsItNeeds() {
            String variable = stmt("Allow", role("App"), "\"kms:Decrypt\"",
                    "{\"StringLike\":{\"kms:EncryptionContext:owner\":\"${aws:username}*\"}}");
            assertThat(diff(policy(ROOT), policy(ROOT, variable))).isEqualTo(Analyzer.Verdict.UNKNOWN);
            // a new unconditional grant is found whatever the undecidable statement does
            assertThat(diff(policy(ROOT), policy(ROOT, variable, stmt("Allow", role("Other"), "\"kms:Sign\"", null))))
                    .isEqualTo(Analyzer.Verdict.FAIL);
            // in a 2008-10-17 policy the same text is a literal pattern
            Policy literal = PolicyParser.parse("{\"Statement\":[" + ROOT + "," + variable + "]}", PolicyType.KEY_POLICY).orThrow();
            assertThat(diff(policy(ROOT), literal)).isEqualTo(Analyzer.Verdict.FAIL);
        }
    }

    @Nested
    class Public {
        @Test
        void secureTransportIdentifiesNobody() {
            Analyzer.Result r = Analyzer.publicAccess(policy(ROOT, stmt("Allow", "\"*\"", "\"kms:Decrypt\"",
                    "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")), MODE);
            assertThat(r.verdict()).isEqualTo(Analyzer.Verdict.FAIL);
            String caller = r.findings().get(0).witness().at("/request/caller/arn").asText();
            assertThat(caller).doesNotContain(A);
        }

        @Test
        void theKeysOwnAccountIsNotPublic() {
            Policy p = policy(stmt("Allow", "\"*\"", "\"kms:Decrypt\"", "{\"StringEquals\":{\"aws:PrincipalAccount\":\"" + A + "\"}}"));
            assertThat(Analyzer.publicAccess(p, MODE).verdict()).isEqualTo(Analyzer.Verdict.PASS);
        }

        @Test
        void nonCrossAccountOperationsAreNotPublic() {
            Policy p = policy(ROOT, stmt("Allow", "\"*\"", "\"kms:ScheduleKeyDeletion\"", null));
            assertThat(Analyzer.publicAccess(p, MODE).verdict()).isEqualTo(Analyzer.Verdict.PASS);
        }
    }

    @Nested
    class NotGranted {
        @Test
        void aDenyWithoutExceptionsProvesIt() {
            Policy p = policy(ROOT, stmt("Deny", "\"*\"", "\"kms:Decrypt\"", "{\"Null\":{\"kms:ViaService\":\"true\"}}"));
            assertThat(Analyzer.notGranted(p, EnumSet.of(KmsAction.DECRYPT), null, MODE).verdict())
                    .isEqualTo(Analyzer.Verdict.FAIL);
            assertThat(Analyzer.notGranted(p, EnumSet.of(KmsAction.DECRYPT), "cloudtrail.amazonaws.com", MODE).verdict())
                    .isEqualTo(Analyzer.Verdict.PASS);
        }

        @Test
        void aRolePrincipalCoversEverySession() {
            Policy p = policy(stmt("Allow", role("App"), "\"kms:Encrypt\"", null));
            assertThat(Analyzer.notGranted(p, EnumSet.of(KmsAction.ENCRYPT), "arn:aws:sts::" + A + ":assumed-role/App/any",
                    MODE).verdict()).isEqualTo(Analyzer.Verdict.FAIL);
            assertThat(Analyzer.notGranted(p, EnumSet.of(KmsAction.ENCRYPT), "arn:aws:iam::" + A + ":user/App", MODE).verdict())
                    .isEqualTo(Analyzer.Verdict.PASS);
        }
    }

    @Nested
    class WhoCan {
        @Test
        void identityPoliciesDecideDelegatedAccess() {
            Policy key = policy(ROOT);
            Policy reader = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:*:" + A + ":key/*\"}]}", PolicyType.IDENTITY_POLICY).orThrow();
            Policy elsewhere = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:*:" + B + ":key/*\"}]}", PolicyType.IDENTITY_POLICY).orThrow();
            Analyzer.Result r = Analyzer.whoCan(KmsAction.DECRYPT, key, Map.of("arn:aws:iam::" + A + ":role/Reader", List.of(reader),
                    "arn:aws:iam::" + A + ":user/bob", List.of(elsewhere)), MODE);
            assertThat(r.findings()).extracting(Analyzer.Finding::description)
                    .anyMatch(d -> d.startsWith("sessions of the role arn:aws:iam::" + A + ":role/Reader"))
                    .noneMatch(d -> d.contains("user/bob"));
        }
    }
}
