package io.trent.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.trent.policy.Fixtures.ALICE;
import static io.trent.policy.Fixtures.KEY_ARN;
import static io.trent.policy.Fixtures.ctx;
import static io.trent.policy.Fixtures.evaluate;
import static io.trent.policy.Fixtures.identityStatement;
import static io.trent.policy.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Sections 3.1 and 3.2. */
class ActionResourceTest {
    private static boolean actionMatches(String element, String pattern, String action) {
        CompiledStatement s = identityStatement("2012-10-17",
                "{\"Effect\":\"Allow\",\"" + element + "\":\"" + pattern + "\",\"Resource\":\"*\"}");
        return evaluate(s, request(ALICE, action, KEY_ARN, ctx().build())) == PrincipalMatch.IMPLICIT;
    }

    private static boolean resourceMatches(String element, String pattern, String resource, RequestContext ctx) {
        CompiledStatement s = identityStatement("2012-10-17",
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"" + element + "\":\"" + pattern + "\"}");
        return evaluate(s, request(ALICE, "kms:Decrypt", resource, ctx)) == PrincipalMatch.IMPLICIT;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*|kms:Decrypt|true", "*|s3:GetObject|true", "kms:*|kms:Decrypt|true", "kms:*|s3:GetObject|false",
            "KMS:decrypt|kms:Decrypt|true", "kms:Decrypt|KMS:DECRYPT|true", "kms:Decrypt|kms:DecryptX|false",
            "kms:GenerateDataKey*|kms:GenerateDataKey|true", "kms:GenerateDataKey*|kms:GenerateDataKeyPairWithoutPlaintext|true",
            "kms:generatedatakey*|kms:GenerateDataKeyWithoutPlaintext|true", "kms:GenerateDataKey*|kms:GenerateMac|false",
            "kms:ReEncrypt|kms:ReEncryptFrom|false", "kms:ReEncrypt|kms:ReEncryptTo|false", "kms:ReEncrypt*|kms:ReEncryptFrom|true",
            "kms:ReEncrypt*|kms:ReEncryptTo|true", "kms:Get*|kms:GetKeyLastUsage|true", "kms:Get*|kms:GetPublicKey|true",
            "kms:Create*|kms:CreateGrant|true", "kms:?ecrypt|kms:Decrypt|true", "kms:?ecrypt|kms:Encrypt|false",
            "kms:*crypt|kms:Encrypt|true", "*:Decrypt|kms:Decrypt|true"})
    void actionGlobsAreCaseInsensitive(String pattern, String action, boolean expected) {
        assertThat(actionMatches("Action", pattern, action)).isEqualTo(expected);
        assertThat(actionMatches("NotAction", pattern, action)).isEqualTo(!expected);
    }

    @Test
    void notActionCoversOtherServices() {
        assertThat(actionMatches("NotAction", "kms:Decrypt", "s3:GetObject")).isTrue();
        assertThat(actionMatches("NotAction", "kms:*", "kms:ScheduleKeyDeletion")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*|" + KEY_ARN + "|true",
            "*|not an arn|true",
            "arn:aws:kms:*:111122223333:key/*|" + KEY_ARN + "|true",
            "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab|" + KEY_ARN + "|true",
            "arn:aws:kms:us-west-2:111122223333:key/1234ABCD-12ab-34cd-56ef-1234567890ab|" + KEY_ARN + "|false",
            "arn:aws:kms:us-west-2:111122223333:alias/*|" + KEY_ARN + "|false",
            "arn:aws:kms:*:444455556666:key/*|" + KEY_ARN + "|false",
            "arn:aws:kms:*|" + KEY_ARN + "|true",
            "arn:aws:kms:us-west-?:*|" + KEY_ARN + "|true",
            "arn:aws:kms|" + KEY_ARN + "|false",
            "arn:aws:kms:*:key/*|" + KEY_ARN + "|false",
            "arn:aws:*:*:*:*|" + KEY_ARN + "|true",
            "arn:*:kms:*:*:key/*|" + KEY_ARN + "|true",
            "arn:aws:kms:*:*:*|arn:aws:kms:us-west-2:111122223333:key/a:b/c|true",
            "arn:aws:kms:*:*:key/*b/*|arn:aws:kms:us-west-2:111122223333:key/a:b/c|true",
            "arn:aws:kms:us-west-2:111122223333:*|arn:aws:kms:us-west-2:111122223333:*|true",
            "arn:aws:kms:*:111122223333:key/*|arn:aws:kms:us-west-2:111122223333:*|false",
            "arn:aws:kms:*:*:*|arn:aws:kms:us-west-2|false",
            "arn:aws:kms:*|111122223333|false"})
    void resourcesMatchComponentWise(String pattern, String resource, boolean expected) {
        assertThat(resourceMatches("Resource", pattern, resource, ctx().build())).isEqualTo(expected);
        assertThat(resourceMatches("NotResource", pattern, resource, ctx().build())).isEqualTo(!expected);
    }

    @Test
    void keyPolicyStarMatchesTheKey() {
        CompiledStatement s = Fixtures.keyStatement("{'Effect':'Allow','Principal':'*','Action':'kms:Decrypt','Resource':['*']}");
        assertThat(evaluate(s, request(ALICE, "kms:Decrypt", KEY_ARN, ctx().build()))).isEqualTo(PrincipalMatch.EVERYONE);
    }

    @Test
    void statementsWithoutActionsOrResourcesNeverMatch() {
        // stored policies from before the 2025 rule may lack Action or Resource: they are kept and never match
        for (boolean not : new boolean[] {false, true}) {
            Statement noAction = new Statement(0, null, Effect.DENY, null, false, List.of(), not, List.of("*"), false, List.of());
            Statement noResource = new Statement(1, null, Effect.DENY, null, false, List.of("*"), false, List.of(), not, List.of());
            Policy p = new Policy(PolicyType.IDENTITY_POLICY, "2012-10-17", null, List.of(noAction, noResource), "");
            for (CompiledStatement s : CompiledPolicy.compile(p).statements())
                assertThat(evaluate(s, request(ALICE, "kms:Decrypt", KEY_ARN, ctx().build()))).isEqualTo(PrincipalMatch.NONE);
        }
    }

    @Test
    void keyPolicyStatementWithoutPrincipalMatchesNobody() {
        Statement s = new Statement(0, null, Effect.DENY, null, false, List.of("*"), false, List.of("*"), false, List.of());
        CompiledStatement c = CompiledPolicy.compile(new Policy(PolicyType.KEY_POLICY, null, null, List.of(s), "")).statements().get(0);
        assertThat(c.matchPrincipal(ALICE)).isEqualTo(PrincipalMatch.NONE);
    }
}
