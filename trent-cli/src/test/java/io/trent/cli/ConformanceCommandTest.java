package io.trent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceCommandTest {
    @TempDir
    Path dir;

    @Test
    void onePassingAndOneFailingCase() throws IOException {
        copyExample("cloudtrail-allowed.json", dir.resolve("pass.json"), false);
        // Cases are found in subdirectories too; this one claims the other trail is allowed, which is wrong.
        Path wrong = dir.resolve("nested/wrong-expectation.json");
        copyExample("cloudtrail-other-trail.json", wrong, true);

        Cli.Run run = Cli.run("conformance", dir.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).doesNotContain("pass.json");
        assertThat(run.out()).contains("FAIL " + wrong + ": expected Allow, got ImplicitDeny");
        assertThat(run.out()).containsPattern("aws:SourceArn.*trail/marketing"); // why: the failed condition
        assertThat(run.out().lines().reduce((a, b) -> b)).hasValue("1 passed, 1 failed");
    }

    @Test
    void allPassingExitsZero() throws IOException {
        copyExample("location-grant-via-geo.json", dir.resolve("a.json"), false);
        copyExample("location-grant-direct.json", dir.resolve("b.json"), false);

        Cli.Run run = Cli.run("conformance", dir.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("2 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void caseThatCannotBeParsedFails() throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\"key\": ");

        Cli.Run run = Cli.run("conformance", dir.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("FAIL " + dir.resolve("broken.json"));
        assertThat(run.out().lines().reduce((a, b) -> b)).hasValue("0 passed, 1 failed");
    }

    @Test
    void directoryWithoutCasesIsAnError() {
        Cli.Run run = Cli.run("conformance", dir.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no *.json case");
    }

    private static void copyExample(String name, Path to, boolean expectAllow) throws IOException {
        String text = Files.readString(Path.of(SimulateCommandTest.example(name)));
        if (expectAllow) {
            assertThat(text).contains("\"decision\": \"ImplicitDeny\"");
            text = text.replace("\"decision\": \"ImplicitDeny\"", "\"decision\": \"Allow\"");
        }
        Files.createDirectories(to.getParent());
        Files.writeString(to, text);
    }
}
