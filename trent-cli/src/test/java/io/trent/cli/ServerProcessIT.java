package io.trent.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `./trent server` as a real process: it serves, survives kill -9 with everything it acknowledged (keys, aliases,
 * grants, policies, and every ciphertext still decrypts), and stops cleanly on SIGTERM with status 0.
 */
class ServerProcessIT {
    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A running `./trent server` with its output lines. */
    private record Server(Process process, BlockingQueue<String> lines, StringBuffer output) {
        void awaitLine(String part) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String l = lines.poll(1, TimeUnit.SECONDS);
                if (l != null && l.contains(part)) return;
                if (l == null && !process.isAlive() && lines.isEmpty()) break;
            }
            throw new AssertionError("server never printed '" + part + "':\n" + output);
        }
    }

    private Server start(int port) throws IOException {
        Path root = Cli.repoRoot();
        // The jar was packaged by this build; a source edited since (a shared tree) must not trigger a rebuild.
        Files.setLastModifiedTime(root.resolve("trent-cli/target/trent.jar"), FileTime.from(Instant.now()));
        Process p = new ProcessBuilder(root.resolve("trent").toString(), "server", "--dev", "--port",
                String.valueOf(port)).directory(dir.toFile()).redirectErrorStream(true).start();
        started.add(p);
        p.getOutputStream().close();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    output.append(l).append('\n');
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Server(p, lines, output);
    }

    private void suite(int port, String mode) throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(ServerProcessIT.class.getResource("/restart_suite.py").toURI());
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), mode, dir.resolve("state.json").toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("TRENT_ENDPOINT", "http://127.0.0.1:" + port);
        pb.environment().put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("restart_suite.py %s:%n%s", mode, out).isZero();
    }

    @Test
    @Timeout(300)
    void survivesKillDashNineAndStopsCleanlyOnSigterm() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Server first = start(port);
        first.awaitLine("Stop with Ctrl-C.");
        assertThat(first.output().toString()).contains("listening on http://127.0.0.1:" + port);
        assertThat(first.output().toString()).contains("aws kms create-key --endpoint-url http://127.0.0.1:" + port)
                .contains("export AWS_ACCESS_KEY_ID=").contains("arn:aws:iam::111122223333:root");
        Path data = dir.resolve("trent-data");
        assertThat(data.resolve("trent.db")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("root.key"))))
                .isEqualTo("rw-------");
        byte[] rootKey = Files.readAllBytes(data.resolve("root.key"));
        suite(port, "populate");

        first.process().destroyForcibly();  // SIGKILL: no shutdown hook, no store close
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.process().exitValue()).isEqualTo(137);

        Server second = start(port);
        second.awaitLine("Stop with Ctrl-C.");
        assertThat(Files.readAllBytes(data.resolve("root.key"))).isEqualTo(rootKey);
        assertThat(second.output().toString()).doesNotContain("generated now");
        suite(port, "verify");

        // SIGTERM through kill(1): Process.destroy() would also close our end of the output pipe at once.
        assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(second.process().pid())).start().waitFor()).isZero();
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process().exitValue()).as(second.output().toString()).isZero();
        second.awaitLine("trent server: stopped");
        assertThat(first.output().toString() + second.output())
                .doesNotContain(HexFormat.of().formatHex(rootKey))
                .doesNotContain(Base64.getEncoder().encodeToString(rootKey));
    }
}
