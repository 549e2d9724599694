package io.trent.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchPolicyCommandTest {
    @Test
    void printsTheMedianLast() {
        Cli.Run run = Cli.run("bench-policy", SimulateCommandTest.example("location-grant-via-geo.json"),
                "--seconds", "1", "--warmup", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("decision:    Allow (as expected)"));
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("ns_per_decision=\\d+\\.\\d");
        assertThat(Double.parseDouble(last.substring(last.indexOf('=') + 1))).isPositive();
    }

    @Test
    void rejectsAZeroDuration() {
        Cli.Run run = Cli.run("bench-policy", SimulateCommandTest.example("cloudtrail-allowed.json"), "--seconds", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--seconds");
    }
}
