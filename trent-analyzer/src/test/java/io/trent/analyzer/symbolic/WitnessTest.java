package io.trent.analyzer.symbolic;

import io.trent.policy.Policy;
import io.trent.policy.catalog.KmsAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static io.trent.analyzer.symbolic.AnalyzerTest.A;
import static io.trent.analyzer.symbolic.AnalyzerTest.B;
import static io.trent.analyzer.symbolic.AnalyzerTest.policy;
import static io.trent.analyzer.symbolic.AnalyzerTest.stmt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the analysis covers gets a witness the engine accepts, for every kind of principal that can be
 * granted it: the analyzer replays each witness and throws on any disagreement.
 */
class WitnessTest {
    static Stream<Arguments> grants() {
        List<String> principals = List.of("{\"AWS\":\"arn:aws:iam::" + A + ":role/App\"}", "{\"AWS\":\"" + A + "\"}",
                "{\"AWS\":\"arn:aws:iam::" + A + ":user/path/alice\"}", "{\"AWS\":\"arn:aws:sts::" + A + ":federated-user/f\"}",
                "{\"AWS\":\"arn:aws:iam::" + B + ":role/Ext\"}", "{\"Service\":\"cloudtrail.amazonaws.com\"}");
        return principals.stream().map(p -> Arguments.of(p, policy(stmt("Allow", p, "\"kms:*\"", null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grants")
    void everyGrantedActionHasAReplayedWitness(String principal, Policy policy) {
        Mode mode = Mode.engine(A);
        Analyzer.Result r = Analyzer.notGranted(policy, EnumSet.allOf(KmsAction.class), null, mode);
        assertThat(r.verdict()).isEqualTo(Analyzer.Verdict.FAIL);
        String description = r.findings().get(0).description();
        String listed = description.substring(description.indexOf(" grants ") + 8, description.indexOf(" with no condition"));
        List<String> granted = List.of(listed.split(", "));
        boolean crossAccount = principal.contains(B);
        boolean service = principal.contains("Service");
        for (KmsAction a : KmsAction.values()) {
            if (!a.keyResource() || a == KmsAction.RETIRE_GRANT || a == KmsAction.SYNCHRONIZE_MULTI_REGION_KEY) continue;
            boolean expected = (!crossAccount || Keys.CROSS_ACCOUNT.contains(a)) && (!service || !Keys.NEEDS_IAM_CALLER.contains(a));
            assertThat(granted.contains(a.iamName())).as("%s granted to %s", a.iamName(), principal).isEqualTo(expected);
        }
    }
}
