package io.trent.policy;

import org.junit.jupiter.api.Test;

import static io.trent.policy.Fixtures.ALICE;
import static io.trent.policy.Fixtures.CLOUDTRAIL;
import static io.trent.policy.Fixtures.EXTERNAL;
import static io.trent.policy.Fixtures.FEDERATED;
import static io.trent.policy.Fixtures.ROOT;
import static io.trent.policy.Fixtures.SESSION;
import static io.trent.policy.PrincipalMatch.ACCOUNT;
import static io.trent.policy.PrincipalMatch.DIRECT;
import static io.trent.policy.PrincipalMatch.EVERYONE;
import static io.trent.policy.PrincipalMatch.IMPLICIT;
import static io.trent.policy.PrincipalMatch.NONE;
import static io.trent.policy.PrincipalMatch.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

/** Sections 2.2-2.4. */
class PrincipalMatchingTest {
    private static CompiledStatement principal(String element, String value) {
        return Fixtures.keyStatement("{'Effect':'Deny','" + element + "':" + value + ",'Action':'kms:*','Resource':'*'}");
    }

    private static CompiledStatement principal(String value) {
        return principal("Principal", value);
    }

    @Test
    void everyoneIncludesServicePrincipals() {
        for (String star : new String[] {"'*'", "{'AWS':'*'}", "{'AWS':['111122223333','*']}"}) {
            CompiledStatement s = principal(star);
            assertThat(s.matchPrincipal(ALICE)).isEqualTo(EVERYONE);
            assertThat(s.matchPrincipal(EXTERNAL)).isEqualTo(EVERYONE);
            assertThat(s.matchPrincipal(CLOUDTRAIL)).isEqualTo(EVERYONE);
        }
    }

    @Test
    void accountEntryMatchesEveryIamCallerOfTheAccount() {
        for (String account : new String[] {"'111122223333'", "'arn:aws:iam::111122223333:root'"}) {
            CompiledStatement s = principal("{'AWS':" + account + "}");
            assertThat(s.matchPrincipal(ROOT)).isEqualTo(ACCOUNT);
            assertThat(s.matchPrincipal(ALICE)).isEqualTo(ACCOUNT);
            assertThat(s.matchPrincipal(SESSION)).isEqualTo(ACCOUNT);
            assertThat(s.matchPrincipal(FEDERATED)).isEqualTo(ACCOUNT);
            assertThat(s.matchPrincipal(EXTERNAL)).isEqualTo(NONE);
            assertThat(s.matchPrincipal(CLOUDTRAIL)).isEqualTo(NONE);
        }
    }

    @Test
    void partitionsMustAgreeForArnsButNotForBareAccountIds() {
        Caller.Iam china = Caller.parseIam("arn:aws-cn:iam::111122223333:user/alice");
        assertThat(principal("{'AWS':'arn:aws:iam::111122223333:root'}").matchPrincipal(china)).isEqualTo(NONE);
        assertThat(principal("{'AWS':'arn:aws-cn:iam::111122223333:root'}").matchPrincipal(china)).isEqualTo(ACCOUNT);
        assertThat(principal("{'AWS':'111122223333'}").matchPrincipal(china)).isEqualTo(ACCOUNT);
        assertThat(principal("{'AWS':'arn:aws:iam::111122223333:user/alice'}").matchPrincipal(china)).isEqualTo(NONE);
    }

    @Test
    void userEntryMatchesThatUserIncludingItsPath() {
        CompiledStatement s = principal("{'AWS':'arn:aws:iam::111122223333:user/alice'}");
        assertThat(s.matchPrincipal(ALICE)).isEqualTo(DIRECT);
        assertThat(s.matchPrincipal(EXTERNAL)).isEqualTo(NONE);
        assertThat(s.matchPrincipal(ROOT)).isEqualTo(NONE);
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:iam::111122223333:user/ops/alice"))).isEqualTo(NONE);
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:iam::111122223333:user/Alice"))).isEqualTo(NONE);
        assertThat(principal("{'AWS':'arn:aws:iam::111122223333:user/ops/alice'}")
                .matchPrincipal(Caller.parseIam("arn:aws:iam::111122223333:user/ops/alice"))).isEqualTo(DIRECT);
    }

    @Test
    void roleEntryMatchesEverySessionOfTheRoleWhateverItsPath() {
        CompiledStatement s = principal("{'AWS':'arn:aws:iam::111122223333:role/teams/LocationTeam'}");
        assertThat(s.matchPrincipal(SESSION)).isEqualTo(ROLE);
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:sts::111122223333:assumed-role/LocationTeam/other"))).isEqualTo(ROLE);
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:sts::444455556666:assumed-role/LocationTeam/s1"))).isEqualTo(NONE);
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:sts::111122223333:assumed-role/OtherTeam/s1"))).isEqualTo(NONE);
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:iam::111122223333:user/LocationTeam"))).isEqualTo(NONE);
    }

    @Test
    void sessionAndFederatedUserEntriesMatchExactly() {
        CompiledStatement session = principal("{'AWS':'arn:aws:sts::111122223333:assumed-role/LocationTeam/s1'}");
        assertThat(session.matchPrincipal(SESSION)).isEqualTo(DIRECT);
        assertThat(session.matchPrincipal(Caller.parseIam("arn:aws:sts::111122223333:assumed-role/LocationTeam/s2"))).isEqualTo(NONE);
        CompiledStatement fed = principal("{'AWS':'arn:aws:sts::111122223333:federated-user/bob'}");
        assertThat(fed.matchPrincipal(FEDERATED)).isEqualTo(DIRECT);
        assertThat(fed.matchPrincipal(ALICE)).isEqualTo(NONE);
    }

    @Test
    void serviceEntriesCompareLowerCasedNames() {
        CompiledStatement s = principal("{'Service':['CloudTrail.amazonaws.com']}");
        assertThat(s.matchPrincipal(CLOUDTRAIL)).isEqualTo(DIRECT);
        assertThat(s.matchPrincipal(new Caller.Service("logs.amazonaws.com"))).isEqualTo(NONE);
        assertThat(s.matchPrincipal(ALICE)).isEqualTo(NONE);
        assertThat(principal("{'AWS':'111122223333'}").matchPrincipal(new Caller.Service("111122223333"))).isEqualTo(NONE);
    }

    @Test
    void federatedAndCanonicalUserEntriesAreInert() {
        CompiledStatement s = principal("{'Federated':'cognito-identity.amazonaws.com','CanonicalUser':'abc'}");
        for (Caller c : new Caller[] {ALICE, ROOT, SESSION, FEDERATED, CLOUDTRAIL, new Caller.Service("cognito-identity.amazonaws.com")})
            assertThat(s.matchPrincipal(c)).isEqualTo(NONE);
    }

    @Test
    void theMostSpecificKindIsReported() {
        CompiledStatement s = principal("{'AWS':['111122223333','arn:aws:iam::111122223333:role/LocationTeam','arn:aws:iam::111122223333:user/alice']}");
        assertThat(s.matchPrincipal(SESSION)).isEqualTo(ROLE);
        assertThat(s.matchPrincipal(ALICE)).isEqualTo(DIRECT);
        assertThat(s.matchPrincipal(FEDERATED)).isEqualTo(ACCOUNT);
    }

    @Test
    void notPrincipalExceptsOnlyCallersWhoseWholeChainIsListed() {
        // section 2.4 example: Deny NotPrincipal [user/Dana, account root]
        CompiledStatement s = principal("NotPrincipal", "{'AWS':['arn:aws:iam::111122223333:user/Dana','arn:aws:iam::111122223333:root']}");
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:iam::111122223333:user/Eve"))).isEqualTo(EVERYONE);
        assertThat(s.matchPrincipal(Caller.parseIam("arn:aws:iam::111122223333:user/Dana"))).isEqualTo(NONE);
        assertThat(s.matchPrincipal(ROOT)).isEqualTo(NONE);
        assertThat(s.matchPrincipal(SESSION)).isEqualTo(EVERYONE);
        assertThat(s.matchPrincipal(CLOUDTRAIL)).isEqualTo(EVERYONE);
        // a user listed without its account is not excepted
        assertThat(principal("NotPrincipal", "{'AWS':'arn:aws:iam::111122223333:user/Dana'}")
                .matchPrincipal(Caller.parseIam("arn:aws:iam::111122223333:user/Dana"))).isEqualTo(EVERYONE);
    }

    @Test
    void notPrincipalSessionsNeedAccountRoleAndSession() {
        String account = "'111122223333'", role = "'arn:aws:iam::111122223333:role/LocationTeam'";
        String session = "'arn:aws:sts::111122223333:assumed-role/LocationTeam/s1'";
        assertThat(principal("NotPrincipal", "{'AWS':[" + account + "," + role + "," + session + "]}").matchPrincipal(SESSION)).isEqualTo(NONE);
        assertThat(principal("NotPrincipal", "{'AWS':[" + account + "," + role + "]}").matchPrincipal(SESSION)).isEqualTo(EVERYONE);
        assertThat(principal("NotPrincipal", "{'AWS':[" + role + "," + session + "]}").matchPrincipal(SESSION)).isEqualTo(EVERYONE);
        assertThat(principal("NotPrincipal", "{'AWS':[" + account + ",'arn:aws:sts::111122223333:federated-user/bob']}")
                .matchPrincipal(FEDERATED)).isEqualTo(NONE);
    }

    @Test
    void notPrincipalWithServicesAndStar() {
        assertThat(principal("NotPrincipal", "{'Service':'cloudtrail.amazonaws.com'}").matchPrincipal(CLOUDTRAIL)).isEqualTo(NONE);
        assertThat(principal("NotPrincipal", "{'Service':'cloudtrail.amazonaws.com'}").matchPrincipal(ROOT)).isEqualTo(EVERYONE);
        assertThat(principal("NotPrincipal", "{'AWS':'111122223333'}").matchPrincipal(CLOUDTRAIL)).isEqualTo(EVERYONE);
        assertThat(principal("NotPrincipal", "'*'").matchPrincipal(ALICE)).isEqualTo(NONE);
        assertThat(principal("NotPrincipal", "'*'").matchPrincipal(CLOUDTRAIL)).isEqualTo(NONE);
    }

    @Test
    void identityStatementsApplyImplicitlyAndNullCallersMatchNothing() {
        CompiledStatement identity = Fixtures.identityStatement(null, "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        assertThat(identity.matchPrincipal(ALICE)).isEqualTo(IMPLICIT);
        assertThat(principal("'*'").matchPrincipal(null)).isEqualTo(NONE);
        assertThat(principal("NotPrincipal", "{'AWS':'111122223333'}").matchPrincipal(null)).isEqualTo(NONE);
        assertThat(principal("{'AWS':'111122223333'}").matchPrincipal(new Caller.Iam("x", null, null, null, null, null))).isEqualTo(NONE);
    }
}
