package io.trent.analyzer.lint;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Fail/Pass pair the catalog gives for every syntactic check (1-28, 31-34), completed into documents as the
 * catalog says (snippets are added to the baseline). Each document's complete set of syntactic codes is asserted,
 * so interactions between checks are pinned down too; semantic codes are left out (they belong to SemanticChecks).
 */
class CheckCatalogTest {
    static final String BASELINE = """
            {"Sid": "Enable IAM policies", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}""";

    /** The baseline document plus {@code statement}. */
    static String withBaseline(String statement) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + BASELINE + ",\n" + statement + "]}";
    }

    /** A statement for role App with the given actions and Condition element (or none). */
    static String role(String actions, String condition) {
        return "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:role/App\"}, \"Action\": "
                + actions + ", \"Resource\": \"*\"" + (condition == null ? "" : ", \"Condition\": " + condition) + "}";
    }

    static String cloudTrail(String condition) {
        return "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"cloudtrail.amazonaws.com\"}, "
                + "\"Action\": \"kms:GenerateDataKey\", \"Resource\": \"*\", \"Condition\": " + condition + "}";
    }

    static final String TRAIL_CONTEXT =
            "\"StringLike\": {\"kms:EncryptionContext:aws:cloudtrail:arn\": \"arn:aws:cloudtrail:*:111122223333:trail/*\"}";
    static final String TRAIL_ARN =
            "\"ArnEquals\": {\"aws:SourceArn\": \"arn:aws:cloudtrail:us-west-2:111122223333:trail/finance\"}";

    record Case(int check, String fail, Set<String> failCodes, String pass, Set<String> passCodes) {}

    static List<Case> cases() {
        String decrypt = "\"kms:Decrypt\"";
        return List.of(
                new Case(1, withBaseline("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                        + "\"arn:aws:iam::111122223333:role/App\"}, \"Action\": \"kms:Decrypt\"}"),
                        Set.of("MALFORMED_POLICY"), withBaseline(role(decrypt, null)), Set.of()),
                new Case(2, withBaseline(role(decrypt, null)).replace("2012-10-17", "2012-10-18"),
                        Set.of("INVALID_VERSION"), withBaseline(role(decrypt, null)), Set.of()),
                new Case(3, "{\"Statement\": [" + BASELINE + "]}", Set.of("MISSING_VERSION"),
                        "{\"Version\": \"2012-10-17\", \"Statement\": [" + BASELINE + "]}", Set.of()),
                new Case(4, "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": "
                        + "\"kms:Decrypt\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": "
                        + "{\"kms:EncryptionContext:owner\": \"${aws:username}\"}}}, " + BASELINE + "]}",
                        Set.of("MISSING_VERSION", "POLICY_VARIABLE_WITHOUT_VERSION"),
                        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": "
                        + "{\"AWS\": \"*\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\", \"Condition\": "
                        + "{\"StringEquals\": {\"kms:EncryptionContext:owner\": \"${aws:username}\"}}}, " + BASELINE + "]}",
                        Set.of()),
                new Case(5, withBaseline(role(decrypt, null).replace("role/App", "role/*")), Set.of("INVALID_PRINCIPAL"),
                        withBaseline(role(decrypt, null)), Set.of()),
                new Case(6, withBaseline(role("[\"kms:Encrypt\", \"kms:ReEncrypt\"]", null)), Set.of("UNKNOWN_ACTION"),
                        withBaseline(role("[\"kms:Encrypt\", \"kms:ReEncrypt*\"]", null)), Set.of()),
                new Case(7, withBaseline(role("[\"kms:Decrypt\", \"s3:GetObject\"]", null)),
                        Set.of("NON_KMS_ACTION_IN_KEY_POLICY"), withBaseline(role(decrypt, null)), Set.of()),
                new Case(8, withBaseline(role("[\"kms:CreateKey\", \"kms:DescribeKey\"]", null)),
                        Set.of("IAM_ONLY_ACTION_IN_KEY_POLICY"), withBaseline(role("\"kms:DescribeKey\"", null)), Set.of()),
                new Case(9, withBaseline(role(decrypt, null).replace("\"Resource\": \"*\"",
                        "\"Resource\": \"arn:aws:kms:us-west-2:111122223333:key/*\"")),
                        Set.of("KEY_POLICY_RESOURCE_NOT_STAR"), withBaseline(role(decrypt, null)), Set.of()),
                new Case(10, withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:EncryptionContextKey\": \"AppName\"}}")),
                        Set.of("UNKNOWN_CONDITION_KEY"),
                        withBaseline(role(decrypt, "{\"ForAnyValue:StringEquals\": {\"kms:EncryptionContextKeys\": \"AppName\"}}")),
                        Set.of()),
                new Case(11, withBaseline(role(decrypt, "{\"StringEqual\": {\"kms:CallerAccount\": \"111122223333\"}}")),
                        Set.of("UNKNOWN_OPERATOR"),
                        withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:CallerAccount\": \"111122223333\"}}")), Set.of()),
                new Case(12, withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:EncryptionContext:Dept\": \"IT\", "
                        + "\"kms:EncryptionContext:dept\": \"HR\"}}")), Set.of("DUPLICATE_CONDITION_KEY"),
                        withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:EncryptionContext:Dept\": \"IT\"}}")), Set.of()),
                // The catalog's CreateGrant statement without a valid "true" also lacks its service constraint (34).
                new Case(13, withBaseline(role("[\"kms:CreateGrant\", \"kms:ListGrants\", \"kms:RevokeGrant\"]",
                        "{\"Bool\": {\"kms:GrantIsForAWSResource\": \"yes\"}}")),
                        Set.of("INVALID_CONDITION_VALUE", "CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT"),
                        withBaseline(role("[\"kms:CreateGrant\", \"kms:ListGrants\", \"kms:RevokeGrant\"]",
                                "{\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}")), Set.of()),
                new Case(14, withBaseline(role(decrypt, "{\"NumericEquals\": {\"kms:CallerAccount\": \"111122223333\"}}")),
                        Set.of("OPERATOR_TYPE_MISMATCH"),
                        withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:CallerAccount\": \"111122223333\"}}")), Set.of()),
                new Case(15, withBaseline(role("\"kms:GenerateDataKey\"", "{\"ArnLike\": "
                        + "{\"kms:EncryptionContext:aws:cloudtrail:arn\": \"arn:aws:cloudtrail:*:111122223333:trail/*\"}}")),
                        Set.of("ARN_OPERATOR_ON_NON_ARN_KEY"),
                        withBaseline(role("\"kms:GenerateDataKey\"", "{" + TRAIL_CONTEXT + "}")), Set.of()),
                new Case(16, withBaseline(cloudTrail("{\"StringLike\": {\"aws:SourceArn\": "
                        + "\"arn:aws:cloudtrail:us-west-2:111122223333:trail/*\"}, \"StringEquals\": "
                        + "{\"kms:EncryptionContext:aws:cloudtrail:arn\": \"arn:aws:cloudtrail:us-west-2:111122223333:trail/x\"}}")),
                        Set.of("STRING_OPERATOR_ON_ARN_KEY"),
                        withBaseline(cloudTrail("{\"ArnLike\": {\"aws:SourceArn\": "
                                + "\"arn:aws:cloudtrail:us-west-2:111122223333:trail/*\"}, \"StringEquals\": "
                                + "{\"kms:EncryptionContext:aws:cloudtrail:arn\": \"arn:aws:cloudtrail:us-west-2:111122223333:trail/x\"}}")),
                        Set.of()),
                // A literal "*..." can never be a ViaService name either (24).
                new Case(17, withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:ViaService\": \"*.us-west-2.amazonaws.com\"}}")),
                        Set.of("WILDCARD_IN_EQUALS_OPERATOR", "VIA_SERVICE_INVALID_FORMAT"),
                        withBaseline(role(decrypt, "{\"StringLike\": {\"kms:ViaService\": \"*.us-west-2.amazonaws.com\"}}")),
                        Set.of()),
                new Case(18, withBaseline(role(decrypt, "{\"ForAllValues:StringEquals\": "
                        + "{\"kms:EncryptionContext:AppName\": \"ExampleApp\"}}")), Set.of("FORALLVALUES_ON_SINGLE_VALUED_KEY"),
                        withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:EncryptionContext:AppName\": \"ExampleApp\"}}")),
                        Set.of()),
                new Case(19, withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:EncryptionContextKeys\": \"AppName\"}}")),
                        Set.of("MISSING_SET_OPERATOR_ON_MULTIVALUED_KEY"),
                        withBaseline(role(decrypt, "{\"ForAnyValue:StringEquals\": {\"kms:EncryptionContextKeys\": \"AppName\"}}")),
                        Set.of()),
                new Case(20, withBaseline(role(decrypt, "{\"ForAllValues:StringEquals\": {\"kms:EncryptionContextKeys\": [\"AppName\"]}}")),
                        Set.of("FORALLVALUES_MATCHES_EMPTY_SET"),
                        withBaseline(role(decrypt, "{\"ForAllValues:StringEquals\": {\"kms:EncryptionContextKeys\": [\"AppName\"]}, "
                                + "\"StringEquals\": {\"kms:EncryptionContext:AppName\": \"ExampleApp\"}}")), Set.of()),
                new Case(21, withBaseline(role(decrypt, "{\"StringNotEquals\": {\"kms:EncryptionContext:Department\": \"Secret\"}}")),
                        Set.of("NEGATED_CONDITION_MATCHES_ABSENT_KEY"),
                        withBaseline(role(decrypt, "{\"StringNotEquals\": {\"kms:EncryptionContext:Department\": \"Secret\"}, "
                                + "\"Null\": {\"kms:EncryptionContext:Department\": \"false\"}}")), Set.of()),
                new Case(22, withBaseline(role("[\"kms:GenerateDataKey*\", \"kms:DescribeKey\"]", "{" + TRAIL_CONTEXT + "}")),
                        Set.of("ENCRYPTION_CONTEXT_ON_UNSUPPORTED_ACTION"),
                        withBaseline(role("\"kms:GenerateDataKey*\"", "{" + TRAIL_CONTEXT + "}") + ",\n"
                                + role("\"kms:DescribeKey\"", null)), Set.of()),
                new Case(23, withBaseline(role("[\"kms:Decrypt\", \"kms:DescribeKey\"]",
                        "{\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}")),
                        Set.of("CONDITION_KEY_NOT_APPLICABLE_TO_ACTION"),
                        withBaseline(role("[\"kms:CreateGrant\", \"kms:ListGrants\", \"kms:RevokeGrant\"]",
                                "{\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}")), Set.of()),
                new Case(24, withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:ViaService\": \"ec2.amazonaws.com\"}}")),
                        Set.of("VIA_SERVICE_INVALID_FORMAT"),
                        withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:ViaService\": \"ec2.us-west-2.amazonaws.com\"}}")),
                        Set.of()),
                new Case(25, withBaseline(cloudTrail("{" + TRAIL_CONTEXT + "}")),
                        Set.of("SERVICE_PRINCIPAL_WITHOUT_SOURCE_CONDITION"),
                        withBaseline(cloudTrail("{" + TRAIL_CONTEXT + ", " + TRAIL_ARN + "}")), Set.of()),
                new Case(26, withBaseline(cloudTrail("{" + TRAIL_CONTEXT + ", \"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}")),
                        Set.of("SERVICE_PRINCIPAL_SOURCE_ACCOUNT_ONLY"),
                        withBaseline(cloudTrail("{" + TRAIL_CONTEXT + ", \"ArnLike\": {\"aws:SourceArn\": "
                                + "\"arn:aws:cloudtrail:us-west-2:111122223333:trail/*\"}}")), Set.of()),
                new Case(27, withBaseline(cloudTrail("{" + TRAIL_ARN + "}")),
                        Set.of("SERVICE_PRINCIPAL_WITHOUT_ENCRYPTION_CONTEXT"),
                        withBaseline(cloudTrail("{" + TRAIL_ARN + ", " + TRAIL_CONTEXT + "}")), Set.of()),
                new Case(28, withBaseline(role(decrypt, "{\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}}")),
                        Set.of("SOURCE_CONDITION_ON_NON_SERVICE_PRINCIPAL"),
                        withBaseline(role(decrypt, "{\"StringEquals\": {\"kms:CallerAccount\": \"111122223333\"}}")), Set.of()),
                new Case(31, withBaseline("{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": "
                        + "\"arn:aws:iam::111122223333:role/Blocked\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}"),
                        Set.of("ALLOW_WITH_NOT_PRINCIPAL"), withBaseline(role(decrypt, null)), Set.of()),
                new Case(32, withBaseline(role(decrypt, null).replace("\"Action\": \"kms:Decrypt\"",
                        "\"NotAction\": [\"kms:ScheduleKeyDeletion\"]")), Set.of("ALLOW_WITH_NOT_ACTION"),
                        withBaseline(role("[\"kms:Decrypt\", \"kms:Encrypt\"]", null)), Set.of()),
                new Case(33, withBaseline(role("\"kms:*\"", null).replace("role/App", "role/KeyAdmin")),
                        Set.of("KMS_STAR_TO_NON_ROOT_PRINCIPAL"),
                        withBaseline(role("[\"kms:Create*\", \"kms:Describe*\", \"kms:Enable*\", \"kms:List*\", "
                                + "\"kms:Put*\", \"kms:Update*\", \"kms:Revoke*\", \"kms:Disable*\", \"kms:Get*\", "
                                + "\"kms:Delete*\", \"kms:TagResource\", \"kms:UntagResource\", \"kms:ScheduleKeyDeletion\", "
                                + "\"kms:CancelKeyDeletion\"]", null).replace("role/App", "role/KeyAdmin")), Set.of()),
                new Case(34, withBaseline(role("\"kms:CreateGrant\"", null)),
                        Set.of("CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT"),
                        withBaseline(role("\"kms:CreateGrant\"", "{\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}")),
                        Set.of()));
    }

    static SortedSet<String> syntacticCodes(String policy) {
        SortedSet<String> codes = new TreeSet<>();
        for (Finding f : Linter.lint(policy, LintMode.KEY_POLICY)) {
            if (!LintCode.valueOf(f.code()).semantic()) codes.add(f.code());
        }
        return codes;
    }

    @TestFactory
    Stream<DynamicTest> failAndPassPerCheck() {
        return cases().stream().flatMap(c -> {
            String code = LintCode.values()[c.check() - 1].name();
            return Stream.of(
                    DynamicTest.dynamicTest(c.check() + " " + code + " fails", () -> {
                        assertThat(c.failCodes()).contains(code);
                        assertThat(syntacticCodes(c.fail())).as(c.fail()).isEqualTo(new TreeSet<>(c.failCodes()));
                    }),
                    DynamicTest.dynamicTest(c.check() + " " + code + " passes", () ->
                            assertThat(syntacticCodes(c.pass())).as(c.pass()).isEqualTo(new TreeSet<>(c.passCodes()))));
        });
    }

    @TestFactory
    Stream<DynamicTest> everySyntacticCheckHasACase() {
        Set<Integer> covered = new TreeSet<>(cases().stream().map(Case::check).toList());
        return Stream.of(LintCode.values()).filter(c -> !c.semantic()).map(c -> DynamicTest.dynamicTest(c.name(),
                () -> assertThat(covered).contains(c.number())));
    }
}
