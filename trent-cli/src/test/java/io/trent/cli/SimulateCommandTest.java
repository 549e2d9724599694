package io.trent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example cases shipped in examples/ (the README's tour), decided through `trent simulate`. */
class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "cloudtrail-allowed.json,     Allow",
            "cloudtrail-other-trail.json, ImplicitDeny",
            "location-grant-via-geo.json, Allow",
            "location-grant-direct.json,  ImplicitDeny"})
    void jsonCarriesTheDecision(String example, String decision) throws Exception {
        Cli.Run run = Cli.run("simulate", "--json", example(example));

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.path("decision").asText()).isEqualTo(decision);
        assertThat(out.path("message").isNull()).isEqualTo(decision.equals("Allow"));
    }

    @Test
    void textExplainsWhichConditionFailed() {
        Cli.Run run = Cli.run("simulate", example("location-grant-direct.json"));

        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("Decision: ImplicitDeny")
                .contains("is not authorized to perform: kms:CreateGrant")
                .containsPattern("Allow Amazon Location to create grants.*kms:ViaService.*absent");
    }

    @Test
    void textNamesTheAllowingStatement() {
        Cli.Run run = Cli.run("simulate", example("cloudtrail-allowed.json"));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Decision: Allow").contains("Allow CloudTrail to encrypt logs")
                .contains("aws:SourceArn = arn:aws:cloudtrail:us-west-2:111122223333:trail/finance");
    }

    @Test
    void caseWithAnUnparseablePolicyIsAnErrorNotADecision() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"key": {"arn": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                         "policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",
                                    "Action": "kms:Decrypt", "Resource": "*", "Condition": {"Bogus": {"a": "b"}}}]}},
                 "request": {"caller": {"arn": "arn:aws:iam::111122223333:user/alice"}, "operation": "Decrypt",
                             "parameters": {"KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab"}},
                 "expect": {"decision": "Allow"}}
                """);

        Cli.Run run = Cli.run("simulate", "--json", bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(JSON.readTree(run.out()).path("decision").asText()).isNotIn("Allow", "ExplicitDeny", "ImplicitDeny");
        assertThat(run.err()).contains("Bogus");
    }

    static String example(String name) {
        return Cli.repoRoot().resolve("examples").resolve(name).toString();
    }
}
