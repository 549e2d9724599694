package io.trent.analyzer.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.trent.analyzer.lint.CheckCatalogTest.role;
import static io.trent.analyzer.lint.CheckCatalogTest.syntacticCodes;
import static io.trent.analyzer.lint.CheckCatalogTest.withBaseline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Behaviour beyond the catalog's Fail/Pass pairs: robustness, paths, wildcard semantics, value syntax. */
class LinterTest {
    private static final String DECRYPT = "\"kms:Decrypt\"";

    /** Findings of the syntactic checks only: the semantic ones are SemanticChecks' to test. */
    private static List<Finding> lint(String policy, LintMode mode) {
        return Linter.lint(policy, mode).stream().filter(f -> !LintCode.valueOf(f.code()).semantic()).toList();
    }

    @Test
    void notJsonIsMalformedAndCompleteStatementsAreStillChecked() {
        String truncated = withBaseline(role("\"kms:GenerateDataKeys\"", null) + ",\n"
                + role(DECRYPT, null)).replaceFirst("]}$", "");
        truncated = truncated.substring(0, truncated.length() - 20);

        List<Finding> findings = lint(truncated, LintMode.KEY_POLICY);

        assertThat(findings).extracting(Finding::code, Finding::path).contains(
                tuple("MALFORMED_POLICY", "$"), tuple("UNKNOWN_ACTION", "$.Statement[1].Action"));
        assertThat(findings).filteredOn(f -> f.code().equals("MALFORMED_POLICY")).first()
                .extracting(Finding::message).asString().contains("not valid JSON").contains("line 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "null", "[]", "\"policy\"", "42", "{", "{\"Statement\": [}", "{} {}", "{\"a\" 1}"})
    void degenerateDocumentsAreMalformed(String text) {
        assertThat(syntacticCodes(text)).contains("MALFORMED_POLICY");
    }

    @Test
    void structuralProblemsEachHaveTheirPath() {
        String doc = """
                {"Version": "2012-10-17", "Extra": 1, "Statement": [
                  "not a statement",
                  {"Effect": "allow", "Principal": "*", "NotPrincipal": "*", "Action": [1], "Resource": "*",
                   "Condtion": {}},
                  {"Effect": "Deny", "Principal": "*", "Action": "kms:Decrypt", "NotAction": "kms:Encrypt",
                   "Condition": []}]}""";

        assertThat(lint(doc, LintMode.KEY_POLICY)).filteredOn(f -> f.code().equals("MALFORMED_POLICY"))
                .extracting(Finding::path).containsExactlyInAnyOrder("$.Extra", "$.Statement[0]",
                        "$.Statement[1]", "$.Statement[1].Effect", "$.Statement[1].Action[0]", "$.Statement[1].Condtion",
                        "$.Statement[2]", "$.Statement[2]", "$.Statement[2].Condition");
    }

    @Test
    void singleStatementObjectIsAccepted() {
        String doc = "{\"Version\": \"2012-10-17\", \"Statement\": " + role("\"kms:CreateGrant\"", null) + "}";

        assertThat(lint(doc, LintMode.KEY_POLICY)).extracting(Finding::code, Finding::path)
                .containsExactly(tuple("CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT", "$.Statement.Action"));
    }

    @Test
    void repeatedMembersAreReportedWhereverTheyOccur() {
        String doc = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*",
                  "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333"},
                                "StringEquals": {"kms:CallerAccount": "444455556666"}}}]}""";

        assertThat(lint(doc, LintMode.KEY_POLICY)).extracting(Finding::code, Finding::path).containsExactly(
                tuple("DUPLICATE_CONDITION_KEY", "$.Statement[0].Effect"),
                tuple("DUPLICATE_CONDITION_KEY", "$.Statement[0].Condition.StringEquals"));
    }

    @Test
    void wildcardActionsNameAnActionOnlyWhenEveryExpansionQualifies() {
        String ec = "{\"StringEquals\": {\"kms:EncryptionContext:app\": \"x\"}}";
        // kms:* also expands to EC_OPS actions: it never counts as naming an inapplicable action.
        assertThat(syntacticCodes(withBaseline(role("\"kms:*\"", ec)))).doesNotContain(
                "ENCRYPTION_CONTEXT_ON_UNSUPPORTED_ACTION");
        // kms:Describe* expands to DescribeKey and DescribeCustomKeyStores, neither takes a context.
        assertThat(syntacticCodes(withBaseline(role("\"kms:Describe*\"", ec)))).contains(
                "ENCRYPTION_CONTEXT_ON_UNSUPPORTED_ACTION");
        // kms:ReEncrypt* expands only to EC_OPS actions.
        assertThat(syntacticCodes(withBaseline(role("\"kms:ReEncrypt*\"", ec)))).isEmpty();
        // IfExists and Null are exempt.
        assertThat(syntacticCodes(withBaseline(role("\"kms:DescribeKey\"",
                "{\"StringEqualsIfExists\": {\"kms:EncryptionContext:app\": \"x\"}}")))).isEmpty();
        // kms:List* is not all IAM-only; kms:*CustomKeyStore* is.
        assertThat(syntacticCodes(withBaseline(role("\"kms:List*\"", null)))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role("\"kms:*CustomKeyStore*\"", null))))
                .containsExactly("IAM_ONLY_ACTION_IN_KEY_POLICY");
    }

    @Test
    void actionNamesIgnoreCaseAndNonKmsEntriesAreOnlyFlaggedOnce() {
        assertThat(syntacticCodes(withBaseline(role("[\"KMS:decrypt\", \"kms:GENERATEDATAKEY*\"]", null)))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role("[\"kms:Decrypt\", \"s3:*\", \"*\"]", null))))
                .containsExactly("KMS_STAR_TO_NON_ROOT_PRINCIPAL", "NON_KMS_ACTION_IN_KEY_POLICY");
        assertThat(syntacticCodes(withBaseline(role("\"kms:Foo*\"", null)))).containsExactly("UNKNOWN_ACTION");
    }

    @Test
    void negatedConditionsOnKeysEveryRequestCarriesAreFine() {
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringNotEquals\": {\"kms:CallerAccount\": \"444455556666\"}}")))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringNotEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}"))))
                .containsExactly("NEGATED_CONDITION_MATCHES_ABSENT_KEY");
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringNotEqualsIfExists\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}")))).isEmpty();
        // A Deny with a negated operator is the usual guard and is not the Allow-only check's business.
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringNotEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}}")
                .replace("\"Allow\"", "\"Deny\"")))).isEmpty();
    }

    @Test
    void viaServicePatternsAreDecidedByAutomata() {
        String like = "{\"StringLike\": {\"kms:ViaService\": %s}}";
        assertThat(syntacticCodes(withBaseline(role(DECRYPT, like.formatted("\"ec2.*.amazonaws.com\""))))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT, like.formatted("\"*\""))))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT, like.formatted("\"ec2.*.amazonaws.com.cn\"")))))
                .containsExactly("VIA_SERVICE_INVALID_FORMAT");
        assertThat(syntacticCodes(withBaseline(role(DECRYPT, like.formatted("\"ec2.??.amazonaws.com\"")))))
                .containsExactly("VIA_SERVICE_INVALID_FORMAT");
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringEqualsIgnoreCase\": {\"kms:ViaService\": \"EC2.US-WEST-2.AMAZONAWS.COM\"}}")))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringEquals\": {\"kms:ViaService\": \"EC2.US-WEST-2.AMAZONAWS.COM\"}}"))))
                .containsExactly("VIA_SERVICE_INVALID_FORMAT");
    }

    @Test
    void principalsAreValidatedEntryByEntry() {
        String principals = """
                {"AWS": ["111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/path/Ann",
                         "arn:aws-cn:iam::111122223333:role/R", "arn:aws:sts::111122223333:assumed-role/R/s1",
                         "arn:aws:sts::111122223333:federated-user/Bob", "*",
                         "arn:aws:iam::111122223333:group/Admins", "arn:aws:iam::11112222333:root", "alice",
                         "arn:aws:iam::111122223333:user/*"],
                 "Service": ["logs.us-east-1.amazonaws.com", "s3.amazonaws.com.cn", "Logs.amazonaws.com"],
                 "Federated": "cognito-identity.amazonaws.com", "CanonicalUser": "abc"}""";
        String doc = withBaseline("{\"Effect\": \"Deny\", \"Principal\": " + principals
                + ", \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}");

        assertThat(lint(doc, LintMode.KEY_POLICY)).filteredOn(f -> f.code().equals("INVALID_PRINCIPAL"))
                .extracting(Finding::path).containsExactly("$.Statement[1].Principal.AWS[7]",
                        "$.Statement[1].Principal.AWS[8]", "$.Statement[1].Principal.AWS[9]",
                        "$.Statement[1].Principal.AWS[10]", "$.Statement[1].Principal.Service[2]",
                        "$.Statement[1].Principal.Federated", "$.Statement[1].Principal.CanonicalUser");
    }

    @Test
    void conditionValuesAreParsedByOperatorFamily() {
        String values = """
                {"NumericLessThanEquals": {"kms:RotationPeriodInDays": [90, "365", "1.5", "ninety"]},
                 "DateGreaterThan": {"aws:CurrentTime": ["2030-01-01T00:00:00Z", "2030-01-01", "1700000000",
                                                        "2030-13-01", "yesterday"]},
                 "Bool": {"aws:SecureTransport": [true, "TRUE", "False", "yes"]},
                 "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32", "::1", "10.0.0.256", "1.2.3.4/33",
                                                "2001:db8:::1"]},
                 "Null": {"kms:ViaService": ["false", "maybe"]},
                 "StringEquals": {"kms:CallerAccount": null}}""";
        String doc = withBaseline(role("\"kms:EnableKeyRotation\"", values));

        assertThat(lint(doc, LintMode.KEY_POLICY)).filteredOn(f -> f.code().equals("INVALID_CONDITION_VALUE"))
                .extracting(Finding::path).containsExactly(
                        "$.Statement[1].Condition.NumericLessThanEquals.kms:RotationPeriodInDays[3]",
                        "$.Statement[1].Condition.DateGreaterThan.aws:CurrentTime[3]",
                        "$.Statement[1].Condition.DateGreaterThan.aws:CurrentTime[4]",
                        "$.Statement[1].Condition.Bool.aws:SecureTransport[3]",
                        "$.Statement[1].Condition.IpAddress.aws:SourceIp[3]",
                        "$.Statement[1].Condition.IpAddress.aws:SourceIp[4]",
                        "$.Statement[1].Condition.IpAddress.aws:SourceIp[5]",
                        "$.Statement[1].Condition.Null.kms:ViaService[1]",
                        "$.Statement[1].Condition.StringEquals.kms:CallerAccount");
    }

    @Test
    void operatorGrammar() {
        String ops = """
                {"ForAnyValues:StringEquals": {"kms:EncryptionContextKeys": "a"},
                 "NullIfExists": {"kms:ViaService": "true"},
                 "stringequals": {"kms:CallerAccount": "111122223333"},
                 "ForAnyValue:StringLikeIfExists": {"kms:EncryptionContextKeys": "a*"},
                 "ArnMatch": {}}""";

        assertThat(lint(withBaseline(role(DECRYPT, ops)), LintMode.KEY_POLICY))
                .filteredOn(f -> f.code().equals("UNKNOWN_OPERATOR")).extracting(Finding::path, Finding::message)
                .containsExactly(
                        tuple("$.Statement[1].Condition.ForAnyValues:StringEquals",
                                "\"ForAnyValues:StringEquals\" is not a condition operator. Did you mean "
                                        + "ForAnyValue:StringEquals?"),
                        tuple("$.Statement[1].Condition.NullIfExists", "\"NullIfExists\" is not a condition "
                                + "operator. Null cannot take IfExists: it already tests whether the key exists."),
                        tuple("$.Statement[1].Condition.ArnMatch", "\"ArnMatch\" is not a condition operator. "
                                + "Use an IAM condition operator such as StringEquals, optionally with ForAnyValue:/"
                                + "ForAllValues: and IfExists."));
    }

    @Test
    void typeMismatchesFollowTheKeyCatalog() {
        assertThat(syntacticCodes(withBaseline(role("\"kms:ImportKeyMaterial\"",
                "{\"NumericLessThanEquals\": {\"kms:ValidTo\": \"1735689600\"}}")))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"NumericLessThan\": {\"aws:EpochTime\": \"1735689600\"}}")))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringEquals\": {\"aws:SecureTransport\": \"true\"}}")))).containsExactly("OPERATOR_TYPE_MISMATCH");
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"Bool\": {\"kms:CallerAccount\": \"true\"}}")))).containsExactly("OPERATOR_TYPE_MISMATCH");
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"IpAddress\": {\"aws:PrincipalArn\": \"10.0.0.0/8\"}}")))).containsExactly("OPERATOR_TYPE_MISMATCH");
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/*\"}}")))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"Null\": {\"aws:PrincipalArn\": \"false\"}}")))).isEmpty();
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringEquals\": {\"aws:PrincipalTag/team\": \"a\", \"aws:RequestTag/\": \"b\"}}"))))
                .containsExactly("UNKNOWN_CONDITION_KEY");
    }

    @Test
    void unknownKeysSuggestTheClosestCatalogKey() {
        List<Finding> findings = lint(withBaseline(role(DECRYPT,
                "{\"StringEquals\": {\"kms:CallerAcount\": \"1\", \"s3:prefix\": \"x\", \"kms:EncryptionContext:\": \"y\"}}")),
                LintMode.KEY_POLICY);

        assertThat(findings).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("Did you mean kms:CallerAccount?"))
                .anySatisfy(m -> assertThat(m).contains("Keys of other services"))
                .anySatisfy(m -> assertThat(m).contains("needs the context key after the colon"));
    }

    @Test
    void variablesCountOnlyWhereVersionDisablesThem() {
        String resourceVariable = role(DECRYPT, null).replace("\"Resource\": \"*\"",
                "\"Resource\": \"arn:aws:kms:*:${aws:PrincipalAccount}:key/*\"");
        assertThat(syntacticCodes(withBaseline(resourceVariable).replace("2012-10-17", "2008-10-17")))
                .containsExactly("KEY_POLICY_RESOURCE_NOT_STAR", "POLICY_VARIABLE_WITHOUT_VERSION");
        assertThat(syntacticCodes(withBaseline(resourceVariable))).containsExactly("KEY_POLICY_RESOURCE_NOT_STAR");
        // ${*} escapes a literal star: not a wildcard, in any Version.
        assertThat(syntacticCodes(withBaseline(role(DECRYPT,
                "{\"StringEquals\": {\"kms:EncryptionContext:app\": \"a${*}b\"}}")))).isEmpty();
    }

    @Test
    void findingsComeInDocumentOrder() {
        String doc = """
                {"Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/*"},
                   "Action": "kms:Decrypt", "Resource": "*"},
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                   "Action": "kms:Bogus", "Resource": "*"}]}""";

        assertThat(lint(doc, LintMode.KEY_POLICY)).extracting(Finding::code).containsExactly(
                "MISSING_VERSION", "INVALID_PRINCIPAL", "UNKNOWN_ACTION");
    }

    @Test
    void identityMode() {
        String keyPolicyStatement = withBaseline(role(DECRYPT, null));
        assertThat(lint(keyPolicyStatement, LintMode.IDENTITY)).extracting(Finding::code, Finding::path)
                .contains(tuple("MALFORMED_POLICY", "$.Statement[0].Principal"),
                        tuple("MALFORMED_POLICY", "$.Statement[1].Principal"));

        String broad = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"},
                  {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                   "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}},
                  {"Effect": "Allow", "Action": "kms:*",
                   "Resource": ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                                "arn:aws:kms:*:111122223333:alias/app-*", "arn:aws:kms:*", "arn:aws:s3:::bucket/*"]},
                  {"Effect": "Allow", "Action": ["kms:CreateKey", "kms:ListAliases"], "Resource": "*",
                   "Condition": {"ForAllValues:StringEquals": {"kms:ViaService": "x"}}}]}""";
        // ACCOUNT_WIDE_SENSITIVE_ACCESS is decided syntactically in identity mode; MALFORMED_POLICY rules out the
        // semantic checks here, so the list is complete.
        assertThat(Linter.lint(broad, LintMode.IDENTITY)).extracting(Finding::code, Finding::path).containsExactly(
                tuple("ACCOUNT_WIDE_SENSITIVE_ACCESS", "$.Statement[0].Resource"),
                tuple("MALFORMED_POLICY", "$.Statement[2].Resource[3]"),
                tuple("FORALLVALUES_ON_SINGLE_VALUED_KEY", "$.Statement[3].Condition.ForAllValues:StringEquals.kms:ViaService"),
                tuple("VIA_SERVICE_INVALID_FORMAT", "$.Statement[3].Condition.ForAllValues:StringEquals.kms:ViaService"));
    }
}
