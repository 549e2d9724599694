package io.trent.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.trent.policy.Fixtures.ALICE;
import static io.trent.policy.Fixtures.CLOUDTRAIL;
import static io.trent.policy.Fixtures.KEY_ARN;
import static io.trent.policy.Fixtures.SESSION;
import static io.trent.policy.Fixtures.ctx;
import static io.trent.policy.Fixtures.evaluate;
import static io.trent.policy.Fixtures.keyStatement;
import static io.trent.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** explain(): the first reason, in the order principal, action, resource, conditions; and the worked examples of section 12. */
class ExplainTest {
    private static final CompiledStatement LOCATION = keyStatement("""
            {'Sid':'Location','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::111122223333:role/LocationTeam'},
             'Action':'kms:CreateGrant','Resource':'*',
             'Condition':{'StringEquals':{'kms:ViaService':'geo.us-west-2.amazonaws.com','kms:CallerAccount':'111122223333',
               'kms:EncryptionContext:aws:geo:arn':'arn:aws:geo:us-west-2:111122223333:tracker/SAMPLE-Tracker'}}}""");

    private static final CompiledStatement CLOUDTRAIL_STATEMENT = keyStatement("""
            {'Effect':'Allow','Principal':{'Service':'cloudtrail.amazonaws.com'},'Action':'kms:GenerateDataKey','Resource':'*',
             'Condition':{'ArnEquals':{'aws:SourceArn':['arn:aws:cloudtrail:us-west-2:111122223333:trail/finance']},
               'StringLike':{'kms:EncryptionContext:aws:cloudtrail:arn':['arn:aws:cloudtrail:*:111122223333:trail/*']}}}""");

    private static final String FINANCE = "arn:aws:cloudtrail:us-west-2:111122223333:trail/finance";

    @Test
    void reportsThePrincipalFirst() {
        StatementResult r = LOCATION.explain("key policy", request(ALICE, "kms:Decrypt", "arn:aws:kms:x", ctx().build()));
        assertThat(r.matched()).isFalse();
        assertThat(r.principalMatch()).isEqualTo(PrincipalMatch.NONE);
        assertThat(r.mismatch()).isEqualTo(new Mismatch.Principal(ALICE.arn()));
        assertThat(r.ref()).isEqualTo("key policy statement 'Location'");
        assertThat(r.effect()).isEqualTo(Effect.ALLOW);
    }

    @Test
    void thenTheActionThenTheResource() {
        assertThat(LOCATION.explain("kp", request(SESSION, "kms:Decrypt", "arn:aws:kms:x", ctx().build())).mismatch())
                .isEqualTo(new Mismatch.Action("kms:Decrypt"));
        CompiledStatement scoped = Fixtures.identityStatement("2012-10-17",
                "{\"Effect\":\"Allow\",\"Action\":\"kms:CreateGrant\",\"Resource\":\"arn:aws:kms:*:111122223333:key/*\","
                        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}");
        StatementResult r = scoped.explain("ip", request(SESSION, "kms:CreateGrant", "arn:aws:kms:us-west-2:444455556666:key/k", ctx().build()));
        assertThat(r.mismatch()).isEqualTo(new Mismatch.Resource("arn:aws:kms:us-west-2:444455556666:key/k"));
        assertThat(r.mismatch().describe()).contains("444455556666");
    }

    @Test
    void thenTheFirstFailingConditionInDocumentOrderWithActualValues() {
        // L2: called directly, so kms:ViaService is absent
        RequestContext direct = ctx("kms:CallerAccount", "111122223333").build();
        Mismatch m = LOCATION.explain("kp", request(SESSION, "kms:CreateGrant", KEY_ARN, direct)).mismatch();
        assertThat(m).isEqualTo(new Mismatch.Condition("StringEquals", "kms:ViaService", List.of("geo.us-west-2.amazonaws.com"), null));
        assertThat(m.describe()).isEqualTo("condition StringEquals kms:ViaService expected [geo.us-west-2.amazonaws.com] but was absent");
        // L3: the context names another tracker
        RequestContext other = ctx("kms:ViaService", "geo.us-west-2.amazonaws.com", "kms:CallerAccount", "111122223333",
                "kms:EncryptionContext:aws:geo:arn", "arn:aws:geo:us-west-2:111122223333:tracker/Other").build();
        Mismatch.Condition c = (Mismatch.Condition) LOCATION.explain("kp", request(SESSION, "kms:CreateGrant", KEY_ARN, other)).mismatch();
        assertThat(c.key()).isEqualTo("kms:EncryptionContext:aws:geo:arn");
        assertThat(c.actual()).containsExactly("arn:aws:geo:us-west-2:111122223333:tracker/Other");
    }

    @Test
    void locationExamplesOfSection12() {
        RequestContext.Builder l1 = ctx("kms:ViaService", "geo.us-west-2.amazonaws.com", "kms:CallerAccount", "111122223333",
                "kms:EncryptionContext:aws:geo:arn", "arn:aws:geo:us-west-2:111122223333:tracker/SAMPLE-Tracker");
        assertThat(evaluate(LOCATION, request(SESSION, "kms:CreateGrant", KEY_ARN, l1.build()))).isEqualTo(PrincipalMatch.ROLE);
        assertThat(evaluate(LOCATION, request(SESSION, "kms:CreateGrant", KEY_ARN, l1.remove("kms:ViaService").build())))
                .isEqualTo(PrincipalMatch.NONE);
        RequestContext l4 = ctx("kms:ViaService", "geo.us-west-2.amazonaws.com", "kms:CallerAccount", "111122223333").build();
        assertThat(evaluate(LOCATION, request(SESSION, "kms:CreateGrant", KEY_ARN, l4))).isEqualTo(PrincipalMatch.NONE);
        CompiledStatement l5 = keyStatement("{'Effect':'Deny','Principal':'*','Action':'kms:CreateGrant','Resource':'*',"
                + "'Condition':{'Null':{'kms:ViaService':'true'}}}");
        assertThat(evaluate(l5, request(SESSION, "kms:CreateGrant", KEY_ARN, l4))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(l5, request(SESSION, "kms:CreateGrant", KEY_ARN, ctx("kms:CallerAccount", "111122223333").build())))
                .isEqualTo(PrincipalMatch.EVERYONE);
    }

    @Test
    void cloudTrailExamplesOfSection12() {
        RequestContext c1 = ctx("aws:SourceArn", FINANCE, "kms:EncryptionContext:aws:cloudtrail:arn", FINANCE).build();
        assertThat(evaluate(CLOUDTRAIL_STATEMENT, request(CLOUDTRAIL, "kms:GenerateDataKey", KEY_ARN, c1))).isEqualTo(PrincipalMatch.DIRECT);
        RequestContext c2 = ctx("aws:SourceArn", FINANCE.replace("finance", "marketing"),
                "kms:EncryptionContext:aws:cloudtrail:arn", FINANCE).build();
        assertThat(evaluate(CLOUDTRAIL_STATEMENT, request(CLOUDTRAIL, "kms:GenerateDataKey", KEY_ARN, c2))).isEqualTo(PrincipalMatch.NONE);
        RequestContext c3 = ctx("aws:SourceArn", FINANCE,
                "kms:EncryptionContext:aws:cloudtrail:arn", FINANCE.replace("111122223333", "444455556666")).build();
        assertThat(evaluate(CLOUDTRAIL_STATEMENT, request(CLOUDTRAIL, "kms:GenerateDataKey", KEY_ARN, c3))).isEqualTo(PrincipalMatch.NONE);
        RequestContext c4 = ctx("aws:SourceArn", FINANCE, "kms:EncryptionContext:AWS:CloudTrail:ARN", FINANCE).build();
        assertThat(evaluate(CLOUDTRAIL_STATEMENT, request(CLOUDTRAIL, "kms:GenerateDataKey", KEY_ARN, c4))).isEqualTo(PrincipalMatch.DIRECT);
        assertThat(evaluate(CLOUDTRAIL_STATEMENT, request(ALICE, "kms:GenerateDataKey", KEY_ARN, c1))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(CLOUDTRAIL_STATEMENT, request(CLOUDTRAIL, "kms:Decrypt", KEY_ARN, c1))).isEqualTo(PrincipalMatch.NONE);
        CompiledStatement c6 = keyStatement("{'Effect':'Deny','Principal':'*','Action':'kms:*','Resource':'*',"
                + "'Condition':{'StringNotEquals':{'aws:SourceAccount':'111122223333'}}}");
        assertThat(evaluate(c6, request(ALICE, "kms:GenerateDataKey", KEY_ARN, ctx().build()))).isEqualTo(PrincipalMatch.EVERYONE);
    }

    @Test
    void nullRequestsAndPartsNeverThrow() {
        assertThat(LOCATION.match(null)).isEqualTo(PrincipalMatch.NONE);
        assertThat(LOCATION.explain("kp", null).matched()).isFalse();
        EvalRequest empty = new EvalRequest(null, null, null, null);
        assertThat(evaluate(LOCATION, empty)).isEqualTo(PrincipalMatch.NONE);
        CompiledStatement open = keyStatement("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}");
        assertThat(evaluate(open, new EvalRequest(ALICE, null, KEY_ARN, null))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(open, new EvalRequest(ALICE, "kms:Decrypt", null, null))).isEqualTo(PrincipalMatch.NONE);
        assertThat(evaluate(open, new EvalRequest(ALICE, "kms:Decrypt", KEY_ARN, null))).isEqualTo(PrincipalMatch.EVERYONE);
    }
}
