package io.trent.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.trent.policy.ConditionEvaluationTest.holdsIn;
import static io.trent.policy.Fixtures.ALICE;
import static io.trent.policy.Fixtures.ctx;
import static io.trent.policy.Fixtures.evaluate;
import static io.trent.policy.Fixtures.identityStatement;
import static io.trent.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Section 4.6 and the 2008/2012 difference of section 1.2. Condition blocks here are real JSON. */
class PolicyVariablesTest {
    private static final String V2012 = "2012-10-17", V2008 = "2008-10-17";

    private static boolean holds(String condition, RequestContext.Builder ctx) {
        return holdsIn(V2012, condition, ctx.build());
    }

    @Test
    void variablesAreSubstitutedUnder2012Only() {
        String c = "{\"StringEquals\":{\"kms:EncryptionContext:owner\":\"${aws:username}\"}}";
        RequestContext alice = ctx("aws:username", "alice", "kms:EncryptionContext:owner", "alice").build();
        assertThat(holdsIn(V2012, c, alice)).isTrue();
        assertThat(holdsIn(V2008, c, alice)).isFalse();
        assertThat(holdsIn(null, c, alice)).isFalse();
        RequestContext literal = ctx("aws:username", "alice", "kms:EncryptionContext:owner", "${aws:username}").build();
        assertThat(holdsIn(V2008, c, literal)).isTrue();
        assertThat(holdsIn(V2012, c, literal)).isFalse();
    }

    @Test
    void variableNamesAreCaseInsensitiveAndPartsConcatenate() {
        assertThat(holds("{\"StringEquals\":{\"k\":\"team-${AWS:PrincipalTag/Team}-${aws:username}\"}}",
                ctx("aws:PrincipalTag/team", "red", "aws:username", "alice", "k", "team-red-alice"))).isTrue();
    }

    @Test
    void defaultsApplyWhenTheKeyIsAbsent() {
        String c = "{\"StringEquals\":{\"k\":\"${aws:PrincipalTag/team, 'company-wide'}\"}}";
        assertThat(holds(c, ctx("k", "company-wide"))).isTrue();
        assertThat(holds(c, ctx("k", "company-wide", "aws:PrincipalTag/team", "red"))).isFalse();
        assertThat(holds(c, ctx("k", "red", "aws:PrincipalTag/team", "red"))).isTrue();
        assertThat(holds("{\"StringEquals\":{\"k\":\"${aws:x, ''}\"}}", ctx("k", ""))).isTrue();
        assertThat(holds("{\"StringEquals\":{\"k\":\"${aws:x, 'a}b'}\"}}", ctx("k", "a}b"))).isTrue();
    }

    @Test
    void unresolvedVariablesFailPositiveAndSatisfyNegatedOperators() {
        String v = "${aws:username}";
        assertThat(holds("{\"StringEquals\":{\"k\":\"" + v + "\"}}", ctx("k", "alice"))).isFalse();
        assertThat(holds("{\"StringLike\":{\"k\":\"*" + v + "\"}}", ctx("k", "alice"))).isFalse();
        assertThat(holds("{\"StringEqualsIgnoreCase\":{\"k\":\"" + v + "\"}}", ctx("k", "alice"))).isFalse();
        assertThat(holds("{\"ArnLike\":{\"k\":\"arn:aws:iam::111122223333:user/" + v + "\"}}",
                ctx("k", "arn:aws:iam::111122223333:user/alice"))).isFalse();
        assertThat(holds("{\"Bool\":{\"k\":\"" + v + "\"}}", ctx("k", "true"))).isFalse();
        assertThat(holds("{\"StringNotEquals\":{\"k\":\"" + v + "\"}}", ctx("k", "alice"))).isTrue();
        assertThat(holds("{\"StringNotLike\":{\"k\":\"" + v + "\"}}", ctx("k", "alice"))).isTrue();
        assertThat(holds("{\"ArnNotLike\":{\"k\":\"arn:aws:iam::111122223333:user/" + v + "\"}}",
                ctx("k", "arn:aws:iam::111122223333:user/alice"))).isTrue();
    }

    @Test
    void multiValuedKeysAreNeverVariables() {
        RequestContext.Builder c = ctx("k", "a").putMulti("aws:TagKeys", List.of("a"));
        assertThat(holds("{\"StringEquals\":{\"k\":\"${aws:TagKeys}\"}}", c)).isFalse();
        assertThat(holds("{\"StringNotEquals\":{\"k\":\"${aws:TagKeys}\"}}", c)).isTrue();
        assertThat(holds("{\"StringEquals\":{\"k\":\"${aws:TagKeys, 'a'}\"}}", c)).isTrue();
    }

    @Test
    void escapesAndSubstitutedTextAreLiteral() {
        assertThat(holds("{\"StringLike\":{\"k\":\"a${*}\"}}", ctx("k", "a*"))).isTrue();
        assertThat(holds("{\"StringLike\":{\"k\":\"a${*}\"}}", ctx("k", "ab"))).isFalse();
        assertThat(holds("{\"StringLike\":{\"k\":\"a${?}*\"}}", ctx("k", "a?bc"))).isTrue();
        assertThat(holds("{\"StringLike\":{\"k\":\"a${?}*\"}}", ctx("k", "abc"))).isFalse();
        assertThat(holds("{\"StringEquals\":{\"k\":\"${$}{aws:username}\"}}", ctx("k", "${aws:username}", "aws:username", "x"))).isTrue();
        // a principal tag holding wildcards does not widen the pattern
        RequestContext.Builder star = ctx("aws:PrincipalTag/prefix", "a*");
        assertThat(holds("{\"StringLike\":{\"k\":\"${aws:PrincipalTag/prefix}/*\"}}", star.put("k", "abc/x"))).isFalse();
        assertThat(holds("{\"StringLike\":{\"k\":\"${aws:PrincipalTag/prefix}/*\"}}", star.put("k", "a*/x"))).isTrue();
        assertThat(holds("{\"ArnLike\":{\"k\":\"arn:aws:iam::111122223333:role/${aws:PrincipalTag/prefix}\"}}",
                star.put("k", "arn:aws:iam::111122223333:role/admin"))).isFalse();
        assertThat(holds("{\"StringEqualsIgnoreCase\":{\"k\":\"${aws:PrincipalTag/prefix}\"}}", star.put("k", "A*"))).isTrue();
    }

    @Test
    void variablesInArnValuesMayFillAnyComponent() {
        String c = "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::${aws:PrincipalAccount}:role/*\"}}";
        assertThat(holds(c, ctx("aws:PrincipalAccount", "111122223333", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/x"))).isTrue();
        assertThat(holds(c, ctx("aws:PrincipalAccount", "444455556666", "aws:PrincipalArn", "arn:aws:iam::111122223333:role/x"))).isFalse();
    }

    @Test
    void conditionKeyNamesAreNeverVariables() {
        assertThat(holds("{\"StringEquals\":{\"kms:EncryptionContext:${aws:username}\":\"x\"}}",
                ctx("aws:username", "alice", "kms:EncryptionContext:${aws:username}", "x"))).isTrue();
        assertThat(holds("{\"StringEquals\":{\"kms:EncryptionContext:${aws:username}\":\"x\"}}",
                ctx("aws:username", "alice", "kms:EncryptionContext:alice", "x"))).isFalse();
    }

    @Test
    void resourceVariables() {
        String statement = "{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"arn:aws:kms:us-west-2:111122223333:alias/${aws:username}-*\"}";
        CompiledStatement s2012 = identityStatement(V2012, statement);
        String alias = "arn:aws:kms:us-west-2:111122223333:alias/alice-app";
        assertThat(evaluate(s2012, request(ALICE, "kms:CreateAlias", alias, ctx("aws:username", "alice").build()))).isEqualTo(PrincipalMatch.IMPLICIT);
        assertThat(evaluate(s2012, request(ALICE, "kms:CreateAlias", alias, ctx("aws:username", "bob").build()))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(s2012, request(ALICE, "kms:CreateAlias", alias, ctx().build()))).isEqualTo(PrincipalMatch.NONE);
        // a '*' coming from the variable is literal
        assertThat(evaluate(s2012, request(ALICE, "kms:CreateAlias", "arn:aws:kms:us-west-2:111122223333:alias/abc-x",
                ctx("aws:username", "a*").build()))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(s2012, request(ALICE, "kms:CreateAlias", "arn:aws:kms:us-west-2:111122223333:alias/a*-x",
                ctx("aws:username", "a*").build()))).isEqualTo(PrincipalMatch.IMPLICIT);
        CompiledStatement s2008 = identityStatement(V2008, statement);
        assertThat(evaluate(s2008, request(ALICE, "kms:CreateAlias", alias, ctx("aws:username", "alice").build()))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(s2008, request(ALICE, "kms:CreateAlias", "arn:aws:kms:us-west-2:111122223333:alias/${aws:username}-x",
                ctx().build()))).isEqualTo(PrincipalMatch.IMPLICIT);
        CompiledStatement not = identityStatement(V2012,
                "{\"Effect\":\"Deny\",\"Action\":\"kms:*\",\"NotResource\":\"arn:aws:kms:*:*:alias/${aws:username}\"}");
        assertThat(evaluate(not, request(ALICE, "kms:DeleteAlias", "arn:aws:kms:us-west-2:111122223333:alias/alice",
                ctx("aws:username", "alice").build()))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(not, request(ALICE, "kms:DeleteAlias", "arn:aws:kms:us-west-2:111122223333:alias/alice",
                ctx().build()))).isEqualTo(PrincipalMatch.IMPLICIT);
    }
}
