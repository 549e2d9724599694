package io.trent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real ./trent launcher as a user runs it, on the jar this build just packaged. */
class LauncherIT {
    @Test
    @Timeout(120)
    void helpListsEveryCommand() throws Exception {
        Path root = Cli.repoRoot();
        Path jar = root.resolve("trent-cli/target/trent.jar");
        assertThat(jar).isRegularFile();
        // The jar was packaged by this very build; a source edited since then (several people share one tree)
        // must not start a nested Maven build inside the test.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));

        Process p = new ProcessBuilder(root.resolve("trent").toString(), "--help")
                .directory(root.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Usage: trent").doesNotContain("building");
        assertThat(output.lines().map(String::strip).map(l -> l.split("\\s+")[0]))
                .contains("server", "validate", "simulate", "conformance", "bench-policy", "lint", "analyze");
    }
}
