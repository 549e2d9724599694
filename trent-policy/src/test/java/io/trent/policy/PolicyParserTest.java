package io.trent.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.trent.policy.DiagnosticCode.*;
import static io.trent.policy.Fixtures.identityPolicy;
import static io.trent.policy.Fixtures.j;
import static io.trent.policy.Fixtures.keyPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PolicyParserTest {
    private static final String ROOT_STATEMENT =
            "{'Sid':'Enable IAM policies','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:root'},'Action':'kms:*','Resource':'*'}";

    /** A key policy whose second statement is {@code statement}. */
    private static ParseResult withStatement(String statement) {
        return keyPolicy("{'Version':'2012-10-17','Statement':[" + ROOT_STATEMENT + "," + statement + "]}");
    }

    /** A key policy whose second statement has the condition block {@code condition}. */
    private static ParseResult withCondition(String condition) {
        return withStatement("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/App'},"
                + "'Action':'kms:Decrypt','Resource':'*','Condition':" + condition + "}");
    }

    private static void assertSingle(ParseResult r, DiagnosticCode code, String path) {
        assertThat(r.ok()).isFalse();
        assertThat(r.policy()).isNull();
        assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(tuple(code, path));
        assertThat(r.diagnostics().get(0).message()).isNotBlank();
        assertThat(r.diagnostics().get(0).expected()).isNotBlank();
    }

    @Nested
    class Documents {
        @Test
        void validKeyPolicyIsNormalized() {
            String text = j("{'Version':'2012-10-17','Id':'key policy 1','Statement':{'Sid':'Admins and users','Effect':'Deny',"
                    + "'NotPrincipal':{'AWS':['111122223333','arn:aws:iam::111122223333:user/ops/Dana']},"
                    + "'NotAction':'kms:Get*','Resource':['*'],'Condition':{'bool':{'aws:SecureTransport':false},"
                    + "'NumericLessThan':{'kms:RotationPeriodInDays':[90, 2.50]}}}}");
            Policy p = PolicyParser.parse(text, PolicyType.KEY_POLICY).orThrow();
            assertThat(p.text()).isSameAs(text);
            assertThat(p.version()).isEqualTo("2012-10-17");
            assertThat(p.variablesEnabled()).isTrue();
            assertThat(p.id()).isEqualTo("key policy 1");
            Statement s = p.statements().get(0);
            assertThat(s.index()).isZero();
            assertThat(s.sid()).isEqualTo("Admins and users");
            assertThat(s.effect()).isEqualTo(Effect.DENY);
            assertThat(s.notPrincipal()).isTrue();
            assertThat(s.principals()).containsExactly(
                    new PrincipalEntry.Account("111122223333", "aws", "111122223333"),
                    new PrincipalEntry.User("arn:aws:iam::111122223333:user/ops/Dana", "aws", "111122223333", "ops/Dana"));
            assertThat(s.actions()).containsExactly("kms:Get*");
            assertThat(s.notAction()).isTrue();
            assertThat(s.resources()).containsExactly("*");
            assertThat(s.notResource()).isFalse();
            assertThat(s.conditions()).extracting(Condition::operatorText, Condition::operator, Condition::key, Condition::values, Condition::path)
                    .containsExactly(
                            tuple("bool", ConditionOperator.BOOL, "aws:SecureTransport", List.of("false"),
                                    "$.Statement.Condition.bool.aws:SecureTransport"),
                            tuple("NumericLessThan", ConditionOperator.NUMERIC_LESS_THAN, "kms:RotationPeriodInDays", List.of("90", "2.5"),
                                    "$.Statement.Condition.NumericLessThan.kms:RotationPeriodInDays"));
        }

        @Test
        void missingVersionMeans2008AndIdentityPoliciesHaveNoPrincipal() {
            Policy p = identityPolicy("{'Statement':[{'Effect':'Allow','Action':'kms:Decrypt','Resource':'*'}]}").orThrow();
            assertThat(p.version()).isNull();
            assertThat(p.variablesEnabled()).isFalse();
            assertThat(p.statements().get(0).principals()).isNull();
            assertThat(identityPolicy("{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}").ok()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "{", "{'Statement':[}", "[1,2]", "'text'", "42", "null", "{} {}", "{}x", "{'a':01}"})
        void notAJsonObjectIsMalformedAtRoot(String text) {
            assertSingle(keyPolicy(text), MALFORMED_POLICY, "$");
            assertThat(PolicyParser.parseLenient(j(text), PolicyType.KEY_POLICY).policy()).isNull();
        }

        @Test
        void nullDocumentIsMalformed() {
            assertSingle(PolicyParser.parse((String) null, PolicyType.KEY_POLICY), MALFORMED_POLICY, "$");
        }

        @Test
        void everyRepeatedMemberIsReported() {
            ParseResult r = keyPolicy("{'Version':'2012-10-17','Version':'2012-10-17','Statement':[{'Effect':'Allow','Effect':'Deny',"
                    + "'Principal':'*','Action':'kms:Decrypt','Action':'kms:Encrypt','Resource':'*','Condition':{"
                    + "'StringEquals':{'kms:CallerAccount':'1'},'StringEquals':{'kms:CallerAccount':'2'}}}]}");
            assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                    tuple(DUPLICATE_KEY, "$.Version"),
                    tuple(DUPLICATE_KEY, "$.Statement[0].Effect"),
                    tuple(DUPLICATE_KEY, "$.Statement[0].Action"),
                    tuple(DUPLICATE_KEY, "$.Statement[0].Condition.StringEquals"));
        }

        @Test
        void unknownElementsAndWrongCasingAreMalformed() {
            ParseResult r = keyPolicy("{'Version':'2012-10-17','statement':[],'Statement':[{'effect':'Allow','Effect':'Allow',"
                    + "'Principal':'*','Action':'kms:Decrypt','Resource':'*','Comment':'x'}]}");
            assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                    tuple(MALFORMED_POLICY, "$.statement"),
                    tuple(MALFORMED_POLICY, "$.Statement[0].effect"),
                    tuple(MALFORMED_POLICY, "$.Statement[0].Comment"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"'2012-10-18'", "'2012-10-17 '", "2012", "null", "['2012-10-17']"})
        void unsupportedVersion(String version) {
            assertSingle(keyPolicy("{'Version':" + version + ",'Statement':" + ROOT_STATEMENT + "}"), INVALID_VERSION, "$.Version");
        }

        @Test
        void idIsForbiddenInIdentityPoliciesOnly() {
            assertSingle(identityPolicy("{'Version':'2012-10-17','Id':'x','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}"),
                    MALFORMED_POLICY, "$.Id");
            assertThat(keyPolicy("{'Id':'key-default-1 with spaces','Statement':" + ROOT_STATEMENT + "}").ok()).isTrue();
            assertSingle(keyPolicy("{'Id':7,'Statement':" + ROOT_STATEMENT + "}"), MALFORMED_POLICY, "$.Id");
        }

        @Test
        void statementMustBeAnObjectOrNonEmptyArrayOfObjects() {
            assertSingle(keyPolicy("{'Version':'2012-10-17'}"), MALFORMED_POLICY, "$");
            assertSingle(keyPolicy("{'Version':'2012-10-17','Statement':[]}"), MALFORMED_POLICY, "$.Statement");
            assertSingle(keyPolicy("{'Version':'2012-10-17','Statement':'Allow'}"), MALFORMED_POLICY, "$.Statement");
            assertSingle(keyPolicy("{'Version':'2012-10-17','Statement':[" + ROOT_STATEMENT + ",[]]}"), MALFORMED_POLICY, "$.Statement[1]");
        }

        @Test
        void statementObjectEqualsOneElementArray() {
            Policy single = keyPolicy("{'Statement':" + ROOT_STATEMENT + "}").orThrow();
            Policy array = keyPolicy("{'Statement':[" + ROOT_STATEMENT + "]}").orThrow();
            assertThat(single.statements()).isEqualTo(array.statements());
        }

        @Test
        void keyPolicySizeLimitIsReportedAndIdentityPoliciesAreNotLimited() {
            String big = "x".repeat(PolicyParser.MAX_KEY_POLICY_BYTES);
            ParseResult r = keyPolicy("{'Id':'" + big + "','Statement':" + ROOT_STATEMENT + "}");
            assertSingle(r, SIZE_LIMIT_EXCEEDED, "$");
            // multi-byte characters count in UTF-8 bytes
            String accents = "é".repeat(PolicyParser.MAX_KEY_POLICY_BYTES / 2);
            assertThat(keyPolicy("{'Id':'" + accents + "','Statement':" + ROOT_STATEMENT + "}").diagnostics())
                    .extracting(Diagnostic::code).containsExactly(SIZE_LIMIT_EXCEEDED);
            assertThat(keyPolicy("{'Id':'" + "x".repeat(32_000) + "','Statement':" + ROOT_STATEMENT + "}").ok()).isTrue();
        }

        @Test
        void collectsEveryDiagnosticOfADocument() {
            ParseResult r = keyPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Permit','Principal':{'AWS':'arn:aws:iam::111122223333:role/*'},"
                    + "'Action':'kms:Decrypt','Resource':'arn:aws:kms:*'},{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt',"
                    + "'Resource':'*','Condition':{'NumericLessThan':{'kms:RotationPeriodInDays':['ninety']},'StringEqual':{'a':'b'}}}]}");
            assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                    tuple(MALFORMED_POLICY, "$.Statement[0].Effect"),
                    tuple(INVALID_PRINCIPAL, "$.Statement[0].Principal.AWS"),
                    tuple(INVALID_RESOURCE, "$.Statement[0].Resource"),
                    tuple(INVALID_CONDITION_VALUE, "$.Statement[1].Condition.NumericLessThan.kms:RotationPeriodInDays[0]"),
                    tuple(UNKNOWN_OPERATOR, "$.Statement[1].Condition.StringEqual"));
            assertThatThrownBy(r::orThrow).isInstanceOf(PolicyException.class)
                    .hasMessageContaining("$.Statement[0].Effect").hasMessageContaining("StringEqual");
        }

        @Test
        void lenientParseKeepsCleanStatements() {
            String text = j("{'Version':'2012-10-17','Statement':[" + ROOT_STATEMENT + ",{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt',"
                    + "'Resource':'*','Effect':'Deny'},{'Sid':'third','Effect':'Allow','Principal':{'Service':'logs.amazonaws.com'},"
                    + "'Action':'kms:Encrypt','Resource':'*'},{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt'}]}");
            LenientParse r = PolicyParser.parseLenient(text, PolicyType.KEY_POLICY);
            assertThat(r.ok()).isFalse();
            assertThat(r.badStatements()).containsExactly(1, 3);
            assertThat(r.policy().statements()).extracting(Statement::index).containsExactly(0, 2);
            assertThat(r.policy().statements().get(1).sid()).isEqualTo("third");
            assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path).containsExactly(
                    tuple(DUPLICATE_KEY, "$.Statement[1].Effect"), tuple(MALFORMED_POLICY, "$.Statement[3]"));
            assertThat(PolicyParser.parse(text, PolicyType.KEY_POLICY).policy()).isNull();
        }

        @Test
        void lenientParseKeepsTheDocumentDespiteDocumentLevelProblems() {
            LenientParse r = PolicyParser.parseLenient(j("{'Version':'1.0','Extra':1,'Statement':" + ROOT_STATEMENT + "}"), PolicyType.KEY_POLICY);
            assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(INVALID_VERSION, MALFORMED_POLICY);
            assertThat(r.badStatements()).isEmpty();
            assertThat(r.policy().statements()).hasSize(1);
        }

        @Test
        void parsesJsonTrees() throws Exception {
            var tree = new ObjectMapper().readTree(j("{'Version':'2012-10-17','Statement':[" + ROOT_STATEMENT + "]}"));
            Policy p = PolicyParser.parse(tree, PolicyType.KEY_POLICY).orThrow();
            assertThat(p.text()).isEqualTo(tree.toString());
            assertThat(p.statements().get(0).principals()).containsExactly(
                    new PrincipalEntry.Account("arn:aws:iam::111122223333:root", "aws", "111122223333"));
            var bad = new ObjectMapper().readTree(j("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':'*',"
                    + "'Condition':{'NumericEquals':{'k':1.5e1}, 'Bool':{'k':true}}}]}"));
            assertThat(PolicyParser.parse(bad, PolicyType.KEY_POLICY).orThrow().statements().get(0).conditions())
                    .extracting(Condition::values).containsExactly(List.of("15"), List.of("true"));
        }
    }

    @Nested
    class Statements {
        @Test
        void effectIsExactlyAllowOrDeny() {
            assertSingle(withStatement("{'Principal':'*','Action':'kms:Decrypt','Resource':'*'}"), MALFORMED_POLICY, "$.Statement[1]");
            assertSingle(withStatement("{'Effect':'allow','Principal':'*','Action':'kms:Decrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Effect");
            assertSingle(withStatement("{'Effect':true,'Principal':'*','Action':'kms:Decrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Effect");
        }

        @Test
        void keyPolicyNeedsExactlyOneOfPrincipalAndNotPrincipal() {
            assertSingle(withStatement("{'Effect':'Allow','Action':'kms:Decrypt','Resource':'*'}"), MALFORMED_POLICY, "$.Statement[1]");
            assertSingle(withStatement("{'Effect':'Deny','Principal':'*','NotPrincipal':{'AWS':'111122223333'},'Action':'kms:Decrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1]");
        }

        @Test
        void identityPolicyMustNotHavePrincipals() {
            assertSingle(identityPolicy("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}"),
                    MALFORMED_POLICY, "$.Statement[0].Principal");
            assertSingle(identityPolicy("{'Statement':[{'Effect':'Allow','NotPrincipal':'*','Action':'*','Resource':'*'}]}"),
                    MALFORMED_POLICY, "$.Statement[0].NotPrincipal");
        }

        @Test
        void actionAndResourceAreRequiredExactlyOnce() {
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Resource':'*'}"), MALFORMED_POLICY, "$.Statement[1]");
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','NotAction':'kms:Encrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1]");
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt'}"), MALFORMED_POLICY, "$.Statement[1]");
            assertSingle(identityPolicy("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*','NotResource':'*'}]}"),
                    MALFORMED_POLICY, "$.Statement[0]");
        }

        @Test
        void listElementsTakeStringsOrNonEmptyArraysOfStrings() {
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':[],'Resource':'*'}"), MALFORMED_POLICY, "$.Statement[1].Action");
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':['kms:Decrypt',7],'Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Action[1]");
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':{'a':'b'},'Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Action");
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':null}"),
                    MALFORMED_POLICY, "$.Statement[1].Resource");
        }

        @ParameterizedTest
        @ValueSource(strings = {"kms", "kms:", ":Decrypt", "kms:Decrypt:x", "kms Decrypt", "kms:De/crypt", ""})
        void actionSyntax(String action) {
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':['kms:Encrypt','" + action + "'],'Resource':'*'}"),
                    INVALID_ACTION, "$.Statement[1].Action[1]");
        }

        @Test
        void actionWildcardsAndOtherServicesAreAccepted() {
            assertThat(withStatement("{'Effect':'Allow','Principal':'*','Action':['*','KMS:decrypt','kms:Get*','kms:?escribeKey','s3:GetObject'],'Resource':'*'}")
                    .ok()).isTrue();
        }

        @Test
        void keyPolicyResourceMustBeStarAndNotResourceIsRejected() {
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':['*','arn:aws:kms:us-west-2:111122223333:key/*']}"),
                    INVALID_RESOURCE, "$.Statement[1].Resource[1]");
            assertSingle(withStatement("{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','NotResource':'*'}"),
                    INVALID_RESOURCE, "$.Statement[1].NotResource");
        }

        @Test
        void identityPolicyResources() {
            assertThat(identityPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','NotResource':"
                    + "['arn:aws:kms:*','arn:aws:kms:us-west-2:111122223333:alias/${aws:username}']}]}").ok()).isTrue();
            assertSingle(identityPolicy("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'key/abc'}]}"),
                    INVALID_RESOURCE, "$.Statement[0].Resource");
            assertSingle(identityPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':"
                    + "'arn:aws:kms:us-west-2:${aws:PrincipalAccount}:key/*'}]}"), INVALID_RESOURCE, "$.Statement[0].Resource");
            assertSingle(identityPolicy("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':"
                    + "'arn:aws:kms:us-west-2:111122223333:key/${aws:username'}]}"), INVALID_RESOURCE, "$.Statement[0].Resource");
            // under 2008-10-17 ${...} is literal text, wherever it is
            assertThat(identityPolicy("{'Statement':[{'Effect':'Allow','Action':'*','Resource':"
                    + "'arn:aws:kms:us-west-2:${aws:PrincipalAccount}:key/*'}]}").ok()).isTrue();
        }

        @Test
        void identityPolicySidIsAlphanumericWhileKeyPolicySidMayHaveSpaces() {
            assertSingle(identityPolicy("{'Statement':[{'Sid':'Allow decrypt','Effect':'Allow','Action':'*','Resource':'*'}]}"),
                    MALFORMED_POLICY, "$.Statement[0].Sid");
            assertThat(identityPolicy("{'Statement':[{'Sid':'AllowDecrypt2','Effect':'Allow','Action':'*','Resource':'*'}]}").ok()).isTrue();
            assertThat(withStatement("{'Sid':'Allow use of the key!','Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':'*'}").ok())
                    .isTrue();
            assertSingle(withStatement("{'Sid':1,'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Sid");
        }
    }

    @Nested
    class Principals {
        private PrincipalEntry only(String principal) {
            Policy p = withStatement("{'Effect':'Allow','Principal':" + principal + ",'Action':'kms:Decrypt','Resource':'*'}").orThrow();
            assertThat(p.statements().get(1).principals()).hasSize(1);
            return p.statements().get(1).principals().get(0);
        }

        @Test
        void classifiesEveryValidForm() {
            assertThat(only("'*'")).isEqualTo(new PrincipalEntry.Everyone("*"));
            assertThat(only("{'AWS':'*'}")).isEqualTo(new PrincipalEntry.Everyone("*"));
            assertThat(only("{'AWS':'111122223333'}")).isEqualTo(new PrincipalEntry.Account("111122223333", "aws", "111122223333"));
            assertThat(only("{'AWS':'arn:aws-cn:iam::111122223333:root'}"))
                    .isEqualTo(new PrincipalEntry.Account("arn:aws-cn:iam::111122223333:root", "aws-cn", "111122223333"));
            assertThat(only("{'AWS':'arn:aws:iam::111122223333:user/div/Bob'}"))
                    .isEqualTo(new PrincipalEntry.User("arn:aws:iam::111122223333:user/div/Bob", "aws", "111122223333", "div/Bob"));
            assertThat(only("{'AWS':'arn:aws:iam::111122223333:role/service-role/Worker'}"))
                    .isEqualTo(new PrincipalEntry.Role("arn:aws:iam::111122223333:role/service-role/Worker", "aws", "111122223333", "Worker"));
            assertThat(only("{'AWS':'arn:aws:sts::111122223333:assumed-role/Worker/s-1@x'}")).isEqualTo(new PrincipalEntry.AssumedRole(
                    "arn:aws:sts::111122223333:assumed-role/Worker/s-1@x", "aws", "111122223333", "Worker", "s-1@x"));
            assertThat(only("{'AWS':'arn:aws:sts::111122223333:federated-user/bob'}")).isEqualTo(
                    new PrincipalEntry.FederatedUser("arn:aws:sts::111122223333:federated-user/bob", "aws", "111122223333", "bob"));
            assertThat(only("{'Service':'logs.us-east-1.amazonaws.com'}")).isEqualTo(new PrincipalEntry.Service("logs.us-east-1.amazonaws.com"));
            assertThat(only("{'Service':'cloudtrail.amazonaws.com.cn'}")).isInstanceOf(PrincipalEntry.Service.class);
            assertThat(only("{'Federated':'cognito-identity.amazonaws.com'}"))
                    .isEqualTo(new PrincipalEntry.Inert("Federated", "cognito-identity.amazonaws.com"));
            assertThat(only("{'CanonicalUser':'79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'}"))
                    .isInstanceOf(PrincipalEntry.Inert.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:root", "arn:aws:iam::11112222333?:root", "1111222233334",
                "11112222333", "arn:aws:iam::111122223333:group/admins", "arn:aws:iam::111122223333:user/", "arn:aws:iam::111122223333:role",
                "arn:aws:iam:us-east-1:111122223333:root", "arn:aws:sts::111122223333:assumed-role/Worker",
                "arn:aws:sts::111122223333:assumed-role/Worker/s/x", "arn:aws:sts::111122223333:federated-user/",
                "arn:aws:s3:::bucket", "AIDAJQABLZS4A3QDU576Q", "arn:AWS:iam::111122223333:root", "alice", "arn:aws:iam::111122223333:user/a b"})
        void invalidAwsPrincipals(String principal) {
            assertSingle(withStatement("{'Effect':'Allow','Principal':{'AWS':['111122223333','" + principal + "']},"
                    + "'Action':'kms:Decrypt','Resource':'*'}"), INVALID_PRINCIPAL, "$.Statement[1].Principal.AWS[1]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "cloudtrail", "amazonaws.com", "cloud trail.amazonaws.com", "cloudtrail..amazonaws.com", "logs.example.com"})
        void invalidServicePrincipals(String service) {
            assertSingle(withStatement("{'Effect':'Allow','Principal':{'Service':'" + service + "'},'Action':'kms:Decrypt','Resource':'*'}"),
                    INVALID_PRINCIPAL, "$.Statement[1].Principal.Service");
        }

        @Test
        void principalShapes() {
            assertSingle(withStatement("{'Effect':'Allow','Principal':'arn:aws:iam::111122223333:root','Action':'kms:Decrypt','Resource':'*'}"),
                    INVALID_PRINCIPAL, "$.Statement[1].Principal");
            assertSingle(withStatement("{'Effect':'Allow','Principal':{'Group':'admins'},'Action':'kms:Decrypt','Resource':'*'}"),
                    INVALID_PRINCIPAL, "$.Statement[1].Principal.Group");
            assertSingle(withStatement("{'Effect':'Allow','Principal':{},'Action':'kms:Decrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Principal");
            assertSingle(withStatement("{'Effect':'Allow','Principal':['*'],'Action':'kms:Decrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Principal");
            assertSingle(withStatement("{'Effect':'Allow','Principal':{'AWS':[]},'Action':'kms:Decrypt','Resource':'*'}"),
                    MALFORMED_POLICY, "$.Statement[1].Principal.AWS");
        }
    }

    @Nested
    class Conditions {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "stringequals|STRING_EQUALS|NONE|false",
                "ForAnyValue:StringLike|STRING_LIKE|FOR_ANY_VALUE|false",
                "forallvalues:stringnotequalsignorecaseifexists|STRING_NOT_EQUALS_IGNORE_CASE|FOR_ALL_VALUES|true",
                "ArnNotLikeIfExists|ARN_NOT_LIKE|NONE|true",
                "NULL|NULL|NONE|false",
                "DateGreaterThanEqualsIFEXISTS|DATE_GREATER_THAN_EQUALS|NONE|true"})
        void operatorNamesAreCaseInsensitive(String text, ConditionOperator op, SetQualifier q, boolean ifExists) {
            String value = op == ConditionOperator.NULL ? "true" : op.family() == ConditionOperator.Family.DATE ? "2026-01-01" : "x";
            Condition c = withCondition("{'" + text + "':{'aws:PrincipalTag/team':'" + value + "'}}").orThrow()
                    .statements().get(1).conditions().get(0);
            assertThat(c.operatorText()).isEqualTo(text);
            assertThat(c.operator()).isEqualTo(op);
            assertThat(c.qualifier()).isEqualTo(q);
            assertThat(c.ifExists()).isEqualTo(ifExists);
            assertThat(c.path()).isEqualTo("$.Statement[1].Condition." + text + ".aws:PrincipalTag/team");
        }

        @ParameterizedTest
        @ValueSource(strings = {"StringEqual", "ArnMatch", "ForSomeValues:StringEquals", "ForAnyValues:StringEquals",
                "NullIfExists", "ForAnyValue:Null", "ForAllValues:NullIfExists", "IfExists", "StringEqualsIfExistsIfExists", "ForAnyValue:"})
        void unknownOperators(String op) {
            assertSingle(withCondition("{'" + op + "':{'kms:CallerAccount':'true'}}"), UNKNOWN_OPERATOR, "$.Statement[1].Condition." + op);
        }

        @Test
        void conditionShapes() {
            assertSingle(withCondition("['StringEquals']"), MALFORMED_POLICY, "$.Statement[1].Condition");
            assertSingle(withCondition("{'StringEquals':'kms:CallerAccount'}"), MALFORMED_POLICY, "$.Statement[1].Condition.StringEquals");
            assertSingle(withCondition("{'StringEquals':{'kms:CallerAccount':[]}}"), MALFORMED_POLICY,
                    "$.Statement[1].Condition.StringEquals.kms:CallerAccount");
            assertSingle(withCondition("{'StringEquals':{'kms:CallerAccount':null}}"), MALFORMED_POLICY,
                    "$.Statement[1].Condition.StringEquals.kms:CallerAccount");
            assertSingle(withCondition("{'StringEquals':{'kms:CallerAccount':['1',{'a':1}]}}"), MALFORMED_POLICY,
                    "$.Statement[1].Condition.StringEquals.kms:CallerAccount[1]");
            assertSingle(withCondition("{'StringEquals':{'kms:CallerAccount':['1',['2']]}}"), MALFORMED_POLICY,
                    "$.Statement[1].Condition.StringEquals.kms:CallerAccount[1]");
            assertSingle(withCondition("{'StringEquals':{'':'x'}}"), MALFORMED_POLICY, "$.Statement[1].Condition.StringEquals['']");
        }

        @Test
        void scalarValuesBecomeCanonicalStrings() {
            Condition c = withCondition("{'StringEquals':{'k':[true, false, 10, -3, 2.50, 1e3, 'x']}}").orThrow()
                    .statements().get(1).conditions().get(0);
            assertThat(c.values()).containsExactly("true", "false", "10", "-3", "2.5", "1000", "x");
        }

        @Test
        void conditionKeysEqualIgnoringCaseInOneBlock() {
            ParseResult r = withCondition("{'StringEquals':{'kms:EncryptionContext:Dept':'IT','kms:EncryptionContext:dept':'HR'},"
                    + "'StringLike':{'kms:EncryptionContext:Dept':'I*'}}");
            assertSingle(r, DUPLICATE_KEY, "$.Statement[1].Condition.StringEquals.kms:EncryptionContext:dept");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "NumericLessThan|ninety", "NumericEquals|1e3", "NumericEquals|''", "NumericEquals|1.", "NumericEquals|0x10",
                "DateLessThan|yesterday", "DateEquals|2026-13-01", "DateEquals|2026-02-30", "DateEquals|2026-01-01T25:00Z",
                "DateEquals|2026-01-01T10:00:00+0100", "DateEquals|2026-01-01 10:00:00Z", "DateEquals|2026-01-01T10Z",
                "Bool|yes", "Bool|1", "Null|maybe", "IpAddress|300.1.1.1", "IpAddress|10.0.0.0/33", "NotIpAddress|2001:db8::/129",
                "IpAddress|localhost", "IpAddress|1.2.3", "IpAddress|2001:db8:::1", "BinaryEquals|not*base64!"})
        void valuesAreTypedByOperatorFamily(String op, String value) {
            assertSingle(withCondition("{'" + op + "':{'k':['" + value + "']}}"), INVALID_CONDITION_VALUE,
                    "$.Statement[1].Condition." + op + ".k[0]");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "NumericLessThan|-2.5", "NumericEquals|+7", "DateLessThan|2026", "DateLessThan|2026-02",
                "DateLessThan|2024-02-29", "DateEquals|2026-01-01T10:00Z", "DateEquals|2026-01-01T10:00:00-05:30",
                "DateEquals|2026-01-01T10:00:00.123456789Z", "DateEquals|2026-01-01T10:00:00", "DateEquals|1767225600",
                "Bool|TRUE", "Null|False", "IpAddress|203.0.113.0/24", "IpAddress|2001:db8::/32", "NotIpAddress|::ffff:10.0.0.1",
                "IpAddress|::", "BinaryEquals|QmluYXJ5"})
        void acceptedTypedValues(String op, String value) {
            assertThat(withCondition("{'" + op + "':{'k':'" + value + "'}}").diagnostics()).isEmpty();
        }

        @Test
        void numericValuesMayBeJsonNumbers() {
            assertThat(withCondition("{'NumericLessThanEquals':{'kms:ScheduleKeyDeletionPendingWindowInDays':10}}").ok()).isTrue();
            assertThat(withCondition("{'Bool':{'aws:SecureTransport':true}}").ok()).isTrue();
        }

        @Test
        void variablesAreOnlyAllowedWhereTheyAreSubstituted() {
            String variables = """
                    {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*",
                     "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"},
                                   "ArnLike": {"aws:SourceArn": "arn:aws:s3:::${aws:PrincipalTag/bucket, 'none'}/${*}"},
                                   "Bool": {"k": "${aws:x}"}}}}""";
            assertThat(PolicyParser.parse(variables, PolicyType.KEY_POLICY).diagnostics()).isEmpty();
            assertSingle(withCondition("{'NumericLessThan':{'kms:RotationPeriodInDays':'${aws:PrincipalTag/days}'}}"), INVALID_CONDITION_VALUE,
                    "$.Statement[1].Condition.NumericLessThan.kms:RotationPeriodInDays");
            for (String op : List.of("DateLessThan", "IpAddress", "BinaryEquals", "Null")) {
                assertSingle(withCondition("{'" + op + "':{'k':['${aws:x}']}}"), INVALID_CONDITION_VALUE,
                        "$.Statement[1].Condition." + op + ".k[0]");
            }
            assertSingle(withCondition("{'StringEquals':{'k':'${aws:username'}}"), INVALID_CONDITION_VALUE,
                    "$.Statement[1].Condition.StringEquals.k");
            assertSingle(withCondition("{'StringEquals':{'k':'${aws:username, default}'}}"), INVALID_CONDITION_VALUE,
                    "$.Statement[1].Condition.StringEquals.k");
            assertSingle(withCondition("{'StringEquals':{'k':'${}'}}"), INVALID_CONDITION_VALUE,
                    "$.Statement[1].Condition.StringEquals.k");
        }

        @Test
        void under2008VariablesAreLiteralText() {
            String doc = "{'Statement':[" + ROOT_STATEMENT + ",{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':'*',"
                    + "'Condition':{'StringEquals':{'k':'${aws:username'}}}]}";
            assertThat(keyPolicy(doc).ok()).isTrue();
        }

        @Test
        void forAllValuesWithEncryptionContextIsOverlyPermissiveInKeyPolicies() {
            ParseResult r = withCondition("{'ForAllValues:StringEquals':{'kms:EncryptionContext:AppName':'ExampleApp',"
                    + "'kms:EncryptionContextKeys':'AppName'}}");
            assertSingle(r, OVERLY_PERMISSIVE_CONDITION, "$.Statement[1].Condition.ForAllValues:StringEquals.kms:EncryptionContext:AppName");
            assertThat(r.diagnostics().get(0).message()).startsWith("OverlyPermissiveCondition:");
            assertThat(withCondition("{'forallvalues:StringLikeIfExists':{'KMS:ENCRYPTIONCONTEXT:x':'*'}}").diagnostics())
                    .extracting(Diagnostic::code).containsExactly(OVERLY_PERMISSIVE_CONDITION);
            assertThat(identityPolicy("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                    + "{'ForAllValues:StringEquals':{'kms:EncryptionContext:AppName':'ExampleApp'}}}]}").ok()).isTrue();
        }

        @Test
        void resourceKeysAreNotPermittedInKeyPolicies() {
            ParseResult r = keyPolicy("{'Version':'2012-10-17','Statement':[" + ROOT_STATEMENT + ","
                    + "{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/Project':'Alpha'}}},"
                    + "{'Effect':'Deny','Principal':'*','Action':'kms:Decrypt','Resource':'*','Condition':{'ForAnyValue:StringLike':{'kms:ResourceAliases':'alias/x*'},"
                    + "'Null':{'kms:ResourceTag/old':'false'}}}]}");
            String message = "These condition keys are not permitted in a key policy: aws:ResourceTag/Project, kms:ResourceAliases, kms:ResourceTag/old";
            assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::path, Diagnostic::message).containsExactly(
                    tuple(CONDITION_KEY_NOT_PERMITTED, "$.Statement[1].Condition.StringEquals.aws:ResourceTag/Project", message),
                    tuple(CONDITION_KEY_NOT_PERMITTED, "$.Statement[2].Condition.ForAnyValue:StringLike.kms:ResourceAliases", message),
                    tuple(CONDITION_KEY_NOT_PERMITTED, "$.Statement[2].Condition.Null.kms:ResourceTag/old", message));
            assertThat(identityPolicy("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*','Condition':"
                    + "{'StringEquals':{'aws:ResourceTag/Project':'Alpha'},'ForAnyValue:StringEquals':{'kms:ResourceAliases':'alias/a'}}}]}").ok())
                    .isTrue();
        }

        @Test
        void awkwardMemberNamesAreQuotedInPaths() {
            assertSingle(withCondition("{'NumericEquals':{'kms:EncryptionContext:my.app':'x'}}"), INVALID_CONDITION_VALUE,
                    "$.Statement[1].Condition.NumericEquals['kms:EncryptionContext:my.app']");
        }
    }
}
