package io.trent.policy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.trent.policy.Fixtures.ALICE;
import static io.trent.policy.Fixtures.KEY_ARN;
import static io.trent.policy.Fixtures.ctx;
import static io.trent.policy.Fixtures.evaluate;
import static io.trent.policy.Fixtures.identityStatement;
import static io.trent.policy.Fixtures.j;
import static io.trent.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Section 4: operators, combining rules, absent keys, set operators, IfExists. */
class ConditionEvaluationTest {
    static final String V2012 = "2012-10-17";

    /** Whether an Allow-everything identity statement with this Condition block (' for ") applies. */
    static boolean holds(String condition, RequestContext.Builder ctx) {
        return holdsIn(V2012, j(condition), ctx.build());
    }

    static boolean holdsIn(String version, String conditionJson, RequestContext ctx) {
        CompiledStatement s = identityStatement(version,
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" + conditionJson + "}");
        return evaluate(s, request(ALICE, "kms:Decrypt", KEY_ARN, ctx)) == PrincipalMatch.IMPLICIT;
    }

    static RequestContext.Builder multi(String key, String... values) {
        return RequestContext.builder().putMulti(key, List.of(values));
    }

    @Nested
    class Strings {
        @Test
        void equalsIsExactAndCaseSensitiveWithLiteralWildcards() {
            String c = "{'StringEquals':{'kms:ViaService':['ec2.us-west-2.amazonaws.com','*.us-east-1.amazonaws.com']}}";
            assertThat(holds(c, ctx("kms:ViaService", "ec2.us-west-2.amazonaws.com"))).isTrue();
            assertThat(holds(c, ctx("kms:ViaService", "EC2.us-west-2.amazonaws.com"))).isFalse();
            assertThat(holds(c, ctx("kms:ViaService", "s3.us-east-1.amazonaws.com"))).isFalse();
            assertThat(holds(c, ctx("kms:ViaService", "*.us-east-1.amazonaws.com"))).isTrue();
            assertThat(holds(c, ctx())).isFalse();
        }

        @Test
        void notEqualsIsNorAndTrueWhenAbsent() {
            String c = "{'StringNotEquals':{'kms:CallerAccount':['111122223333','444455556666']}}";
            assertThat(holds(c, ctx("kms:CallerAccount", "777788889999"))).isTrue();
            assertThat(holds(c, ctx("kms:CallerAccount", "444455556666"))).isFalse();
            assertThat(holds(c, ctx())).isTrue();
        }

        @Test
        void ignoreCaseFoldsWithRootLocale() {
            String c = "{'StringEqualsIgnoreCase':{'aws:PrincipalTag/team':['Finance','ÉTÉ']}}";
            assertThat(holds(c, ctx("aws:PrincipalTag/team", "FINANCE"))).isTrue();
            assertThat(holds(c, ctx("aws:PrincipalTag/team", "finance"))).isTrue();
            assertThat(holds(c, ctx("aws:PrincipalTag/team", "été"))).isTrue();
            assertThat(holds(c, ctx("aws:PrincipalTag/team", "finances"))).isFalse();
            assertThat(holds("{'StringNotEqualsIgnoreCase':{'aws:PrincipalTag/team':'Finance'}}", ctx("aws:PrincipalTag/team", "fINANCE")))
                    .isFalse();
            assertThat(holds("{'StringNotEqualsIgnoreCase':{'aws:PrincipalTag/team':'Finance'}}", ctx())).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "a*b|ab|true", "a*b|axxb|true", "a*b|axxbc|false", "a*|a|true", "*|''|true", "a?c|abc|true", "a?c|ac|false",
                "a?c|abbc|false", "b|abc|false", "*b*|abc|true", "A*|abc|false", "alias/finance-*|alias/finance-prod|true",
                "??|😀|false", "?|😀|true", "*a*a*a*a*b|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|false"})
        void likeIsAnAnchoredCaseSensitiveGlob(String pattern, String value, boolean expected) {
            assertThat(holds("{'StringLike':{'k':'" + pattern + "'}}", ctx("k", value))).isEqualTo(expected);
            assertThat(holds("{'StringNotLike':{'k':'" + pattern + "'}}", ctx("k", value))).isEqualTo(!expected);
        }

        @Test
        void likeWildcardsMatchLineBreaks() {
            assertThat(holds("{'StringLike':{'k':'a*b'}}", ctx("k", "a\nline\r\nb"))).isTrue();
            assertThat(holds("{'StringLike':{'k':'a?b'}}", ctx("k", "a\nb"))).isTrue();
        }

        @Test
        void negatedLikeIsTrueWhenAbsent() {
            assertThat(holds("{'StringNotLike':{'k':'a*'}}", ctx())).isTrue();
            assertThat(holds("{'StringLike':{'k':'*'}}", ctx())).isFalse();
        }
    }

    @Nested
    class Numbers {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "NumericEquals|10|10|true", "NumericEquals|10|10.0|true", "NumericEquals|10|+10|true", "NumericEquals|10|11|false",
                "NumericNotEquals|10|11|true", "NumericNotEquals|10|10.00|false",
                "NumericLessThan|90|30|true", "NumericLessThan|90|90|false", "NumericLessThanEquals|90|90|true",
                "NumericGreaterThan|7|7.5|true", "NumericGreaterThan|7|-8|false", "NumericGreaterThanEquals|-2.5|-2.5|true",
                "NumericLessThan|123456789012345678901234|123456789012345678901233|true",
                "NumericGreaterThan|1|123456789012345678901234|true", "NumericLessThan|0.1|0.09999999999999999999|true"})
        void comparesDecimalValues(String op, String policy, String request, boolean expected) {
            assertThat(holds("{'" + op + "':{'kms:RotationPeriodInDays':'" + policy + "'}}", ctx("kms:RotationPeriodInDays", request)))
                    .isEqualTo(expected);
        }

        @Test
        void aNonNumberIsFalseForPositiveAndNegatedOperators() {
            assertThat(holds("{'NumericEquals':{'k':'10'}}", ctx("k", "ten"))).isFalse();
            assertThat(holds("{'NumericNotEquals':{'k':'10'}}", ctx("k", "ten"))).isFalse();
            assertThat(holds("{'NumericLessThan':{'k':'10'}}", ctx("k", "1e0"))).isFalse();
        }

        @Test
        void unreadablePolicyValuesOfHandBuiltStatementsNeverCompare() {
            // the parser rejects such values; compile() must still be safe for statements built in code
            Condition c = new Condition("NumericNotEquals", ConditionOperator.NUMERIC_NOT_EQUALS, SetQualifier.NONE, false, "k",
                    List.of("10", "ten"), "$");
            Statement s = new Statement(0, null, Effect.DENY, null, false, List.of("*"), false, List.of("*"), false, List.of(c));
            CompiledStatement compiled = CompiledPolicy.compile(new Policy(PolicyType.IDENTITY_POLICY, V2012, null, List.of(s), "")).statements().get(0);
            assertThat(evaluate(compiled, request(ALICE, "kms:Decrypt", KEY_ARN, ctx("k", "11").build()))).isEqualTo(PrincipalMatch.NONE);
            assertThat(evaluate(compiled, request(ALICE, "kms:Decrypt", KEY_ARN, ctx().build()))).isEqualTo(PrincipalMatch.IMPLICIT);
        }

        @Test
        void absentKey() {
            assertThat(holds("{'NumericEquals':{'k':'10'}}", ctx())).isFalse();
            assertThat(holds("{'NumericNotEquals':{'k':'10'}}", ctx())).isTrue();
            assertThat(holds("{'NumericLessThanIfExists':{'k':'10'}}", ctx())).isTrue();
            assertThat(holds("{'NumericLessThanIfExists':{'k':'10'}}", ctx("k", "11"))).isFalse();
        }

        @Test
        void jsonNumbersWork() {
            assertThat(holds("{'NumericLessThanEquals':{'kms:ScheduleKeyDeletionPendingWindowInDays':10}}",
                    ctx("kms:ScheduleKeyDeletionPendingWindowInDays", "7"))).isTrue();
        }
    }

    @Nested
    class DatesAndTimes {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "DateLessThan|2026-01-01T00:00:00Z|2025-12-31T23:59:59Z|true",
                "DateLessThan|2026-01-01T00:00:00Z|2026-01-01T00:00:00Z|false",
                "DateLessThanEquals|2026-01-01T00:00:00Z|1767225600|true",
                "DateEquals|1767225600|2026-01-01T00:00:00Z|true",
                "DateEquals|2026-01-01|2026-01-01T00:00:00Z|true",
                "DateEquals|2026|2026-01-01T00:00Z|true",
                "DateEquals|2026-03|2026-03-01T00:00:00.000Z|true",
                "DateEquals|2026-01-01T10:00:00|2026-01-01T10:00:00Z|true",
                "DateEquals|2026-01-01T11:00:00+01:00|2026-01-01T10:00:00Z|true",
                "DateEquals|2026-01-01T04:30:00-05:30|2026-01-01T10:00:00Z|true",
                "DateNotEquals|2026-01-01T10:00:00.5Z|2026-01-01T10:00:00.500000001Z|true",
                "DateGreaterThan|2026-01-01T10:00:00.5Z|2026-01-01T10:00:00.500000001Z|true",
                "DateGreaterThanEquals|2020-01-01|1577836799|false",
                "DateGreaterThan|2030-01-01T00:00:00Z|2026-06-01T00:00:00Z|false"})
        void comparesInstants(String op, String policy, String request, boolean expected) {
            assertThat(holds("{'" + op + "':{'aws:CurrentTime':'" + policy + "'}}", ctx("aws:CurrentTime", request))).isEqualTo(expected);
        }

        @Test
        void aNonDateIsFalseForPositiveAndNegatedOperators() {
            assertThat(holds("{'DateEquals':{'aws:CurrentTime':'2026-01-01'}}", ctx("aws:CurrentTime", "tomorrow"))).isFalse();
            assertThat(holds("{'DateNotEquals':{'aws:CurrentTime':'2026-01-01'}}", ctx("aws:CurrentTime", "tomorrow"))).isFalse();
            assertThat(holds("{'DateNotEquals':{'aws:CurrentTime':'2026-01-01'}}", ctx())).isTrue();
        }
    }

    @Nested
    class Booleans {
        @Test
        void boolIsCaseInsensitive() {
            assertThat(holds("{'Bool':{'aws:SecureTransport':'false'}}", ctx("aws:SecureTransport", "FALSE"))).isTrue();
            assertThat(holds("{'Bool':{'aws:SecureTransport':true}}", ctx("aws:SecureTransport", "True"))).isTrue();
            assertThat(holds("{'Bool':{'aws:SecureTransport':'TRUE'}}", ctx("aws:SecureTransport", "false"))).isFalse();
            assertThat(holds("{'Bool':{'aws:SecureTransport':'true'}}", ctx("aws:SecureTransport", "yes"))).isFalse();
        }

        @Test
        void absentBoolAndBoolIfExists() {
            assertThat(holds("{'Bool':{'aws:MultiFactorAuthPresent':'false'}}", ctx())).isFalse();
            assertThat(holds("{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}", ctx())).isTrue();
            assertThat(holds("{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}", ctx("aws:MultiFactorAuthPresent", "true"))).isFalse();
        }

        @Test
        void nullTestsPresence() {
            assertThat(holds("{'Null':{'kms:ViaService':'true'}}", ctx())).isTrue();
            assertThat(holds("{'Null':{'kms:ViaService':'TRUE'}}", ctx("kms:ViaService", "s3.us-east-1.amazonaws.com"))).isFalse();
            assertThat(holds("{'Null':{'kms:ViaService':false}}", ctx("kms:ViaService", "s3.us-east-1.amazonaws.com"))).isTrue();
            assertThat(holds("{'Null':{'kms:ViaService':'false'}}", ctx())).isFalse();
            assertThat(holds("{'Null':{'kms:EncryptionContextKeys':'true'}}", multi("kms:EncryptionContextKeys"))).isTrue();
            assertThat(holds("{'Null':{'kms:EncryptionContextKeys':'true'}}", multi("kms:EncryptionContextKeys", "a"))).isFalse();
        }
    }

    @Nested
    class BinaryValues {
        @Test
        void binaryEqualsComparesDecodedBytes() {
            String c = "{'BinaryEquals':{'k':'QmluYXJ5'}}";
            assertThat(holds(c, ctx("k", "QmluYXJ5"))).isTrue();
            assertThat(holds(c, ctx("k", "Binary"))).isFalse();
            assertThat(holds(c, ctx("k", "not base64!"))).isFalse();
            assertThat(holds(c, ctx())).isFalse();
            assertThat(holds("{'BinaryEqualsIfExists':{'k':'QmluYXJ5'}}", ctx())).isTrue();
        }
    }

    @Nested
    class IpAddresses {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "203.0.113.0/24|203.0.113.7|true", "203.0.113.0/24|203.0.114.7|false", "203.0.113.9/24|203.0.113.200|true",
                "203.0.113.7|203.0.113.7|true", "203.0.113.7|203.0.113.8|false", "0.0.0.0/0|198.51.100.1|true",
                "2001:db8::/32|2001:db8:1::1|true", "2001:db8::/32|2001:db9::1|false", "2001:DB8::1|2001:db8:0:0:0:0:0:1|true",
                "::/0|2001:db8::1|true", "::/0|10.0.0.1|false", "0.0.0.0/0|2001:db8::1|false",
                "203.0.113.0/24|::ffff:203.0.113.7|true", "::ffff:10.0.0.0/104|10.1.2.3|true", "::ffff:10.0.0.0/104|11.0.0.1|false",
                "2001:db8::/32|2001:db8::192.0.2.1|true", "10.0.0.0/8|localhost|false", "10.0.0.0/8|10.0.0.1/32|false",
                "1:2:3:4:5:6:7:8/128|1:2:3:4:5:6:7:8|true", "1::8/127|1::9|true", "1::8/128|1::9|false"})
        void cidrContainment(String range, String address, boolean expected) {
            assertThat(holds("{'IpAddress':{'aws:SourceIp':'" + range + "'}}", ctx("aws:SourceIp", address))).isEqualTo(expected);
            assertThat(holds("{'NotIpAddress':{'aws:SourceIp':'" + range + "'}}", ctx("aws:SourceIp", address))).isEqualTo(!expected);
        }

        @Test
        void absentAddress() {
            assertThat(holds("{'IpAddress':{'aws:SourceIp':'0.0.0.0/0'}}", ctx())).isFalse();
            assertThat(holds("{'NotIpAddress':{'aws:SourceIp':'10.0.0.0/8'}}", ctx())).isTrue();
        }
    }

    @Nested
    class Arns {
        static final String TRAIL = "arn:aws:cloudtrail:us-west-2:111122223333:trail/finance";

        @Test
        void arnLikeIsComponentWiseUnlikeStringLike() {
            // section 4.3: a wildcard cannot swallow the colons between components under ArnLike
            assertThat(holds("{'ArnLike':{'k':'arn:aws:cloudtrail:*:111122223333:trail/*'}}", ctx("k", TRAIL))).isTrue();
            assertThat(holds("{'StringLike':{'k':'arn:aws:cloudtrail:*:111122223333:trail/*'}}", ctx("k", TRAIL))).isTrue();
            assertThat(holds("{'StringLike':{'k':'arn:aws:cloudtrail:*:trail/*'}}", ctx("k", TRAIL))).isTrue();
            assertThat(holds("{'ArnLike':{'k':'arn:aws:cloudtrail:*:trail/*'}}", ctx("k", TRAIL))).isFalse();
            assertThat(holds("{'ArnNotLike':{'k':'arn:aws:cloudtrail:*:trail/*'}}", ctx("k", TRAIL))).isTrue();
        }

        @Test
        void arnEqualsBehavesLikeArnLike() {
            assertThat(holds("{'ArnEquals':{'aws:SourceArn':'" + TRAIL + "'}}", ctx("aws:SourceArn", TRAIL))).isTrue();
            assertThat(holds("{'ArnEquals':{'aws:SourceArn':'arn:aws:cloudtrail:us-west-2:111122223333:trail/*'}}", ctx("aws:SourceArn", TRAIL)))
                    .isTrue();
            assertThat(holds("{'ArnNotEquals':{'aws:SourceArn':'" + TRAIL + "'}}", ctx("aws:SourceArn", TRAIL + "2"))).isTrue();
            assertThat(holds("{'ArnEquals':{'aws:SourceArn':'arn:aws:cloudtrail:us-west-2:111122223333:trail/Finance'}}",
                    ctx("aws:SourceArn", TRAIL))).isFalse();
        }

        @Test
        void notAnArnIsFalseForPositiveAndTrueForNegated() {
            assertThat(holds("{'ArnLike':{'k':'*'}}", ctx("k", "not-an-arn"))).isFalse();
            assertThat(holds("{'ArnLike':{'k':'arn:*'}}", ctx("k", "arn:aws:s3"))).isFalse();
            assertThat(holds("{'ArnNotLike':{'k':'arn:aws:iam::*:role/Admin'}}", ctx("k", "111122223333"))).isTrue();
        }

        @Test
        void shortPatternsArePaddedOnlyAfterAStar() {
            assertThat(holds("{'ArnLike':{'k':'*'}}", ctx("k", TRAIL))).isTrue();
            assertThat(holds("{'ArnLike':{'k':'arn:aws:cloudtrail:*'}}", ctx("k", TRAIL))).isTrue();
            assertThat(holds("{'ArnLike':{'k':'arn:aws:s3:*'}}", ctx("k", TRAIL))).isFalse();
            assertThat(holds("{'ArnLike':{'k':'arn:aws:cloudtrail'}}", ctx("k", TRAIL))).isFalse();
        }

        @Test
        void resourcePartKeepsItsColons() {
            String arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/x:*";
            assertThat(holds("{'ArnLike':{'k':'arn:aws:logs:us-east-1:111122223333:log-group:*'}}", ctx("k", arn))).isTrue();
            assertThat(holds("{'ArnLike':{'k':'arn:aws:logs:us-east-1:111122223333:log-group:/aws/*:?'}}", ctx("k", arn))).isTrue();
            assertThat(holds("{'ArnLike':{'k':'arn:aws:logs:*:log-group:*'}}", ctx("k", arn))).isFalse();
        }
    }

    @Nested
    class Combining {
        @Test
        void operatorsAndKeysAreAndedValuesAreOred() {
            String c = "{'StringEquals':{'kms:CallerAccount':'111122223333','kms:ViaService':['s3.us-east-1.amazonaws.com','ec2.us-east-1.amazonaws.com']},"
                    + "'Bool':{'aws:SecureTransport':'true'}}";
            RequestContext.Builder all = ctx("kms:CallerAccount", "111122223333", "kms:ViaService", "ec2.us-east-1.amazonaws.com",
                    "aws:SecureTransport", "true");
            assertThat(holds(c, all)).isTrue();
            assertThat(holds(c, ctx("kms:CallerAccount", "111122223333", "kms:ViaService", "ec2.us-east-1.amazonaws.com",
                    "aws:SecureTransport", "false"))).isFalse();
            assertThat(holds(c, ctx("kms:CallerAccount", "111122223333", "aws:SecureTransport", "true"))).isFalse();
            assertThat(holds(c, ctx("kms:CallerAccount", "111122223333", "kms:ViaService", "sqs.us-east-1.amazonaws.com",
                    "aws:SecureTransport", "true"))).isFalse();
        }

        @Test
        void conditionKeysAreCaseInsensitiveIncludingSuffixes() {
            assertThat(holds("{'StringEquals':{'KMS:EncryptionContext:AWS:CloudTrail:ARN':'x','aws:principaltag/TEAM':'red'}}",
                    ctx("kms:encryptioncontext:aws:cloudtrail:arn", "x", "aws:PrincipalTag/team", "red"))).isTrue();
            assertThat(holds("{'StringEquals':{'kms:EncryptionContext:app':'X'}}", ctx("kms:EncryptionContext:APP", "x"))).isFalse();
        }

        @Test
        void emptyConditionBlockIsTrue() {
            assertThat(holds("{}", ctx())).isTrue();
            assertThat(holds("{'StringEquals':{}}", ctx())).isTrue();
        }
    }

    /** Section 4.4 table, for a multi-valued key. */
    @Nested
    class SetOperators {
        static final String KEYS = "kms:EncryptionContextKeys";

        private boolean holds(String op, String values, RequestContext.Builder ctx) {
            return ConditionEvaluationTest.holds("{'" + op + "':{'" + KEYS + "':" + values + "}}", ctx);
        }

        @Test
        void forAnyValue() {
            assertThat(holds("ForAnyValue:StringEquals", "['a','b']", multi(KEYS, "a", "c"))).isTrue();
            assertThat(holds("ForAnyValue:StringEquals", "['a','b']", multi(KEYS, "c", "d"))).isFalse();
            assertThat(holds("ForAnyValue:StringEquals", "['a','b']", ctx())).isFalse();
            assertThat(holds("ForAnyValue:StringEquals", "['a','b']", multi(KEYS))).isFalse();
            assertThat(holds("ForAnyValue:StringEqualsIfExists", "['a','b']", ctx())).isTrue();
            assertThat(holds("ForAnyValue:StringEqualsIfExists", "['a','b']", multi(KEYS))).isTrue();
            assertThat(holds("ForAnyValue:StringEqualsIfExists", "['a','b']", multi(KEYS, "c"))).isFalse();
        }

        @Test
        void forAllValues() {
            assertThat(holds("ForAllValues:StringEquals", "['a','b']", multi(KEYS, "a", "b"))).isTrue();
            assertThat(holds("ForAllValues:StringEquals", "['a','b']", multi(KEYS, "b"))).isTrue();
            assertThat(holds("ForAllValues:StringEquals", "['a','b']", multi(KEYS, "a", "c"))).isFalse();
            assertThat(holds("ForAllValues:StringEquals", "['a','b']", ctx())).isTrue();
            assertThat(holds("ForAllValues:StringEquals", "['a','b']", multi(KEYS))).isTrue();
            assertThat(holds("ForAllValues:StringEqualsIfExists", "['a','b']", ctx())).isTrue();
            assertThat(holds("ForAllValues:StringLike", "['app*']", multi(KEYS, "appName", "appId"))).isTrue();
        }

        @Test
        void negatedOperatorsUnderSetPrefixes() {
            assertThat(holds("ForAllValues:StringNotEquals", "['a','b']", multi(KEYS, "c", "d"))).isTrue();
            assertThat(holds("ForAllValues:StringNotEquals", "['a','b']", multi(KEYS, "a", "c"))).isFalse();
            assertThat(holds("ForAnyValue:StringNotEquals", "['a','b']", multi(KEYS, "a", "c"))).isTrue();
            assertThat(holds("ForAnyValue:StringNotEquals", "['a','b']", multi(KEYS, "a", "b"))).isFalse();
            assertThat(holds("ForAnyValue:StringNotEquals", "['a','b']", ctx())).isFalse();
            assertThat(holds("ForAllValues:StringNotLike", "['a*']", ctx())).isTrue();
        }

        @Test
        void multiValuedKeyWithoutSetOperator() {
            assertThat(holds("StringEquals", "'a'", multi(KEYS, "b", "a"))).isTrue();
            assertThat(holds("StringEquals", "'a'", multi(KEYS, "b"))).isFalse();
            assertThat(holds("StringEquals", "'a'", ctx())).isFalse();
            assertThat(holds("StringEquals", "'a'", multi(KEYS))).isFalse();
            assertThat(holds("StringNotEquals", "'a'", multi(KEYS, "b", "c"))).isTrue();
            assertThat(holds("StringNotEquals", "'a'", multi(KEYS, "a", "b"))).isFalse();
            assertThat(holds("StringNotEquals", "'a'", ctx())).isTrue();
            assertThat(holds("StringNotEquals", "'a'", multi(KEYS))).isTrue();
        }

        @Test
        void singleValuedKeyUnderSetOperatorIsAOneElementSet() {
            String via = "kms:ViaService";
            String all = "{'ForAllValues:StringEquals':{'kms:ViaService':'s3.eu-west-1.amazonaws.com'}}";
            String any = "{'ForAnyValue:StringEquals':{'kms:ViaService':'s3.eu-west-1.amazonaws.com'}}";
            assertThat(ConditionEvaluationTest.holds(all, ctx())).isTrue();
            assertThat(ConditionEvaluationTest.holds(all, ctx(via, "s3.eu-west-1.amazonaws.com"))).isTrue();
            assertThat(ConditionEvaluationTest.holds(all, ctx(via, "ec2.eu-west-1.amazonaws.com"))).isFalse();
            assertThat(ConditionEvaluationTest.holds(any, ctx())).isFalse();
            assertThat(ConditionEvaluationTest.holds(any, ctx(via, "s3.eu-west-1.amazonaws.com"))).isTrue();
        }

        @Test
        void numericAndIpOperatorsWorkPerElement() {
            assertThat(ConditionEvaluationTest.holds("{'ForAllValues:NumericLessThan':{'k':'5'}}", multi("k", "1", "4"))).isTrue();
            assertThat(ConditionEvaluationTest.holds("{'ForAllValues:NumericLessThan':{'k':'5'}}", multi("k", "1", "x"))).isFalse();
            assertThat(ConditionEvaluationTest.holds("{'ForAnyValue:IpAddress':{'k':'10.0.0.0/8'}}", multi("k", "1.1.1.1", "10.9.9.9")))
                    .isTrue();
        }
    }

    /** Section 7: an operation-specific key absent from the request (DescribeKey with kms:EncryptionContext:app). */
    @Nested
    class AbsentOperationKeys {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "StringEquals|false", "StringLike|false", "ForAnyValue:StringEquals|false",
                "StringEqualsIfExists|true", "StringNotEquals|true", "ForAllValues:StringEquals|true", "StringNotEqualsIfExists|true",
                "StringLikeIfExists|true", "ForAnyValue:StringLikeIfExists|true", "ArnNotLike|true", "ArnLike|false"})
        void statementShapes(String op, boolean applies) {
            for (String effect : List.of("Allow", "Deny")) {
                // an identity policy: a key policy refuses ForAllValues: with kms:EncryptionContext:* outright
                CompiledStatement s = identityStatement(V2012, j("{'Effect':'" + effect + "','Action':'kms:*','Resource':'*',"
                        + "'Condition':{'" + op + "':{'kms:EncryptionContext:app':'billing'}}}"));
                PrincipalMatch m = evaluate(s, request(ALICE, "kms:DescribeKey", KEY_ARN, ctx().build()));
                assertThat(m).as(effect + " " + op).isEqualTo(applies ? PrincipalMatch.IMPLICIT : PrincipalMatch.NONE);
            }
        }

        @Test
        void nullGuardExemptsRequestsWithoutTheKeyFromADeny() {
            CompiledStatement deny = Fixtures.keyStatement("{'Effect':'Deny','Principal':'*','Action':'kms:*','Resource':'*','Condition':"
                    + "{'StringNotEquals':{'aws:SourceAccount':'111122223333'},'Null':{'aws:SourceAccount':'false'}}}");
            assertThat(evaluate(deny, request(ALICE, "kms:Decrypt", KEY_ARN, ctx().build()))).isEqualTo(PrincipalMatch.NONE);
            assertThat(evaluate(deny, request(Fixtures.CLOUDTRAIL, "kms:Decrypt", KEY_ARN, ctx("aws:SourceAccount", "444455556666").build())))
                    .isEqualTo(PrincipalMatch.EVERYONE);
            assertThat(evaluate(deny, request(Fixtures.CLOUDTRAIL, "kms:Decrypt", KEY_ARN, ctx("aws:SourceAccount", "111122223333").build())))
                    .isEqualTo(PrincipalMatch.NONE);
        }
    }
}
