package io.trent.analyzer.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.trent.analyzer.lint.CheckCatalogTest.BASELINE;
import static io.trent.analyzer.lint.CheckCatalogTest.role;
import static io.trent.analyzer.lint.CheckCatalogTest.withBaseline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing and a passing document for each semantic check (29, 30, 35-38), from the catalog's examples and the
 * cases its definitions single out; the set of semantic codes of each document is asserted exactly.
 */
class SemanticChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Case(String name, String document, Set<String> codes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String doc(String... statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",\n", statements) + "]}";
    }

    private static String everyone(String effect, String actions, String condition) {
        return "{\"Effect\": \"" + effect + "\", \"Principal\": \"*\", \"Action\": " + actions + ", \"Resource\": \"*\""
                + (condition == null ? "" : ", \"Condition\": " + condition) + "}";
    }

    static final String TRAIL = "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}, "
            + "\"Action\": \"kms:GenerateDataKey\", \"Resource\": \"*\", \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": "
            + "\"arn:aws:cloudtrail:us-west-2:111122223333:trail/finance\"}, \"StringLike\": "
            + "{\"kms:EncryptionContext:aws:cloudtrail:arn\": \"arn:aws:cloudtrail:*:111122223333:trail/*\"}}}";

    static Stream<Case> cases() {
        String decrypt = "\"kms:Decrypt\"";
        return Stream.of(
                // 29 PUBLIC_KEY_ACCESS
                new Case("29 fail: everyone via S3", withBaseline(everyone("Allow", decrypt,
                        "{\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}")), Set.of("PUBLIC_KEY_ACCESS")),
                new Case("29 pass: bound to the account", withBaseline(everyone("Allow", decrypt,
                        "{\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\", \"kms:CallerAccount\": "
                                + "\"111122223333\"}}")), Set.of()),
                new Case("29 fail: a wildcard organization binds nobody", withBaseline(everyone("Allow", decrypt,
                        "{\"StringLike\": {\"aws:PrincipalOrgID\": \"o-*\"}}")), Set.of("PUBLIC_KEY_ACCESS")),
                // not public, but every role inside the perimeter may decrypt without an IAM policy (check 30)
                new Case("29 pass: a Deny perimeter on the organization", doc(BASELINE, everyone("Allow", decrypt, null),
                        everyone("Deny", "\"kms:*\"", "{\"StringNotEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3\"}}")),
                        Set.of("ACCOUNT_WIDE_SENSITIVE_ACCESS")),
                new Case("29 fail: a /4 network identifies nobody", withBaseline(everyone("Allow", decrypt,
                        "{\"IpAddress\": {\"aws:SourceIp\": \"0.0.0.0/4\"}}")), Set.of("PUBLIC_KEY_ACCESS")),
                new Case("29 pass: a /24 network", withBaseline(everyone("Allow", "\"kms:DescribeKey\"",
                        "{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}")), Set.of()),
                // 30 ACCOUNT_WIDE_SENSITIVE_ACCESS
                new Case("30 fail: Decrypt for every identity of the account", withBaseline(everyone("Allow",
                        "[\"kms:Decrypt\", \"kms:DescribeKey\"]", "{\"StringEquals\": {\"kms:CallerAccount\": \"111122223333\"}}")),
                        Set.of("ACCOUNT_WIDE_SENSITIVE_ACCESS")),
                new Case("30 pass: only through an AWS service", withBaseline(everyone("Allow",
                        "[\"kms:Decrypt\", \"kms:DescribeKey\"]", "{\"StringEquals\": {\"kms:CallerAccount\": \"111122223333\", "
                                + "\"kms:ViaService\": \"ec2.us-west-2.amazonaws.com\"}}")), Set.of()),
                new Case("30 pass: DescribeKey is not sensitive", withBaseline(everyone("Allow", "\"kms:DescribeKey\"",
                        "{\"StringEquals\": {\"kms:CallerAccount\": \"111122223333\"}}")), Set.of()),
                // 35 KEY_POLICY_LOCKOUT_RISK
                new Case("35 fail: only CloudTrail", doc(TRAIL), Set.of("KEY_POLICY_LOCKOUT_RISK")),
                new Case("35 pass: with the baseline", doc(BASELINE, TRAIL), Set.of()),
                new Case("35 fail: PutKeyPolicy denied to everyone", doc(BASELINE, everyone("Deny", "\"kms:PutKeyPolicy\"", null)),
                        Set.of("KEY_POLICY_LOCKOUT_RISK")),
                // 36 UNSATISFIABLE_CONDITION
                new Case("36 fail: two accounts at once", withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:CallerAccount\": "
                        + "\"111122223333\"}, \"StringLike\": {\"kms:CallerAccount\": \"4444*\"}}")), Set.of("UNSATISFIABLE_CONDITION")),
                new Case("36 pass: one of them", withBaseline(role(decrypt, "{\"StringLike\": {\"kms:CallerAccount\": \"4444*\"}}")),
                        Set.of()),
                new Case("36 fail: Null true and a value", withBaseline(role(decrypt, "{\"Null\": {\"kms:ViaService\": \"true\"}, "
                        + "\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}")), Set.of("UNSATISFIABLE_CONDITION")),
                new Case("36 fail: keys of a service and of an IAM caller", withBaseline(role(decrypt,
                        "{\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\", \"kms:CallerAccount\": \"111122223333\"}}")),
                        Set.of("UNSATISFIABLE_CONDITION")),
                new Case("36 pass: ForAllValues holds without any value", withBaseline(role(decrypt,
                        "{\"ForAllValues:StringEquals\": {\"kms:EncryptionContextKeys\": [\"a\"]}, \"Null\": "
                                + "{\"kms:EncryptionContextKeys\": \"true\"}}")), Set.of()),
                // 37 SHADOWED_ALLOW_STATEMENT
                new Case("37 fail: an unconditional Deny", doc(BASELINE, role(decrypt, null), everyone("Deny", decrypt, null)),
                        Set.of("SHADOWED_ALLOW_STATEMENT")),
                new Case("37 pass: the Deny only without context", doc(BASELINE, role(decrypt, null), everyone("Deny", decrypt,
                        "{\"Null\": {\"kms:EncryptionContext:app\": \"true\"}}")), Set.of()),
                // 38 REDUNDANT_STATEMENT
                new Case("38 fail: delegated Decrypt under kms:*", withBaseline("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                        + "\"arn:aws:iam::111122223333:root\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}"),
                        Set.of("REDUNDANT_STATEMENT")),
                new Case("38 pass: the baseline alone", doc(BASELINE), Set.of()),
                new Case("38 pass: a direct grant is not covered by a delegated one", withBaseline(role(decrypt, null)), Set.of()),
                new Case("38 fail: a narrower copy of a role statement", doc(BASELINE, role("[\"kms:Decrypt\", \"kms:Encrypt\"]", null),
                        role(decrypt, "{\"StringEquals\": {\"kms:EncryptionContext:app\": \"orders\"}}")), Set.of("REDUNDANT_STATEMENT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void semanticCodes(Case c) throws Exception {
        List<Finding> findings = SemanticChecks.run(JSON.readTree(c.document), Set.of());
        assertThat(findings.stream().map(Finding::code).collect(java.util.stream.Collectors.toSet()))
                .as(c.document).isEqualTo(c.codes);
    }

    @Test
    void findingsPointAtTheStatement() throws Exception {
        List<Finding> f = SemanticChecks.run(JSON.readTree(withBaseline(role("\"kms:Decrypt\"",
                "{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"}, \"DateLessThan\": "
                        + "{\"aws:CurrentTime\": \"2020-01-01T00:00:00Z\"}}"))), Set.of());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("UNSATISFIABLE_CONDITION");
            assertThat(x.path()).isEqualTo("$.Statement[1].Condition");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void excludedStatementsAreLeftOut() throws Exception {
        String twice = doc(BASELINE, BASELINE);
        assertThat(SemanticChecks.run(JSON.readTree(twice), Set.of())).extracting(Finding::code)
                .containsOnly("REDUNDANT_STATEMENT");
        assertThat(SemanticChecks.run(JSON.readTree(twice), Set.of(1))).isEmpty();
    }

    @Test
    void nothingIsReportedOutsideTheExactFragment() throws Exception {
        String variable = withBaseline(role("\"kms:Decrypt\"", "{\"StringLike\": {\"kms:EncryptionContext:owner\": "
                + "\"${aws:username}\"}, \"StringEquals\": {\"kms:EncryptionContext:owner\": \"x\"}}"));
        assertThat(SemanticChecks.run(JSON.readTree(variable), Set.of())).isEmpty();
    }

    @Test
    void aResourceOtherThanStarMayOrMayNotBeTheKey() throws Exception {
        String keyArnOnly = doc(BASELINE.replace("\"Resource\": \"*\"",
                "\"Resource\": \"arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\""));
        assertThat(SemanticChecks.run(JSON.readTree(keyArnOnly), Set.of())).isEmpty();
        // NotResource: a key policy alone does not tell whether the statement reaches this key, so no lockout claim
        assertThat(SemanticChecks.run(JSON.readTree(doc(TRAIL, BASELINE.replace("\"Resource\": \"*\"",
                "\"NotResource\": \"arn:aws:kms:*:111122223333:alias/*\""))), Set.of())).isEmpty();
    }

    @Test
    void aSingleStatementObjectHasItsOwnPath() throws Exception {
        String single = "{\"Version\": \"2012-10-17\", \"Statement\": " + TRAIL + "}";
        assertThat(SemanticChecks.run(JSON.readTree(single), Set.of())).extracting(Finding::code, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KEY_POLICY_LOCKOUT_RISK", "$"));
    }
}
