package io.trent.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CompiledPolicy.forEachMatch skips statements by caller and action, and finds exactly what matching each would. */
class StatementIndexTest {
    private static final List<String> PRINCIPALS = List.of("'*'", "{'AWS':'111122223333'}",
            "{'AWS':'arn:aws:iam::111122223333:role/Tenant'}", "{'AWS':'arn:aws:iam::111122223333:user/alice'}",
            "{'AWS':'arn:aws:iam::444455556666:user/alice'}", "{'AWS':'arn:aws:sts::111122223333:assumed-role/LocationTeam/s1'}",
            "{'AWS':'arn:aws:sts::111122223333:federated-user/bob'}", "{'Service':'CloudTrail.amazonaws.com'}",
            "{'AWS':'arn:aws:iam::111122223333:role/path/LocationTeam'}", "{'Federated':'cognito-identity.amazonaws.com'}");
    private static final List<String> ACTIONS = List.of("'kms:*'", "'kms:Decrypt'", "['kms:Encrypt','kms:GenerateDataKey*']",
            "'kms:?e*'", "'s3:*'");
    private static final List<Caller> CALLERS = List.of(Fixtures.ALICE, Fixtures.ROOT, Fixtures.SESSION, Fixtures.FEDERATED,
            Fixtures.EXTERNAL, Fixtures.CLOUDTRAIL, new Caller.Service("logs.amazonaws.com"),
            Caller.parseIam("arn:aws:sts::111122223333:assumed-role/Tenant/w"));

    /** 150 statements over three words of the bit sets, with Deny, NotPrincipal and NotAction among them. */
    private static CompiledPolicy bigPolicy(PolicyType type) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String principal = type == PolicyType.IDENTITY_POLICY ? ""
                    : (i % 11 == 5 ? "'NotPrincipal':" : "'Principal':") + PRINCIPALS.get(i % PRINCIPALS.size()) + ",";
            String action = (i % 13 == 7 ? "'NotAction':" : "'Action':") + ACTIONS.get(i % ACTIONS.size());
            statements.add("{'Sid':'S" + i + "','Effect':'" + (i % 3 == 0 ? "Deny" : "Allow") + "'," + principal + action
                    + ",'Resource':'*'}");
        }
        ParseResult r = PolicyParser.parse(Fixtures.j("{'Version':'2012-10-17','Statement':[" + String.join(",", statements)
                + "]}"), type);
        assertThat(r.diagnostics()).isEmpty();
        return CompiledPolicy.compile(r.policy());
    }

    private static List<String> viaIndex(CompiledPolicy p, EvalRequest r) {
        List<String> out = new ArrayList<>();
        p.forEachMatch(r, (s, m) -> out.add(s.statement().sid() + " " + m));
        return out;
    }

    private static List<String> oneByOne(CompiledPolicy p, EvalRequest r) {
        List<String> out = new ArrayList<>();
        for (CompiledStatement s : p.statements()) {
            PrincipalMatch m = s.match(r);
            if (m != PrincipalMatch.NONE) out.add(s.statement().sid() + " " + m);
        }
        return out;
    }

    @Test
    void findsWhatMatchingEveryStatementFinds() {
        int found = 0;
        for (PolicyType type : List.of(PolicyType.KEY_POLICY, PolicyType.IDENTITY_POLICY)) {
            CompiledPolicy p = bigPolicy(type);
            List<Caller> callers = new ArrayList<>(CALLERS);
            callers.add(null);
            for (Caller c : callers) {
                for (String action : List.of("kms:Decrypt", "KMS:DECRYPT", "kms:GenerateDataKeyPair", "kms:ReEncryptFrom",
                        "s3:GetObject", "", "kms:Sign")) {
                    EvalRequest r = new EvalRequest(c, action, Fixtures.KEY_ARN, null);
                    List<String> expected = oneByOne(p, r);
                    assertThat(viaIndex(p, r)).as("%s %s %s", type, c, action).isEqualTo(expected);
                    // the second time answers from the action cache
                    assertThat(viaIndex(p, r)).isEqualTo(expected);
                    found += expected.size();
                }
            }
            assertThat(viaIndex(p, new EvalRequest(Fixtures.ALICE, null, Fixtures.KEY_ARN, null))).isEmpty();
            assertThat(viaIndex(p, null)).isEmpty();
        }
        assertThat(found).as("the policies must match something").isGreaterThan(1000);
    }

    @Test
    void actionsBeyondTheCacheAreStillAnswered() {
        CompiledPolicy p = bigPolicy(PolicyType.KEY_POLICY);
        for (int i = 0; i < 600; i++) {
            EvalRequest r = new EvalRequest(Fixtures.SESSION, "kms:Action" + i, Fixtures.KEY_ARN, null);
            assertThat(viaIndex(p, r)).isEqualTo(oneByOne(p, r)).isNotEmpty();
        }
    }
}
