package io.trent.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** boto3 (Python) against the real server; the script asserts AWS's behaviour and exits non-zero otherwise. */
class Boto3Test {
    @TempDir
    Path dir;

    @Test
    void theBoto3SuitePasses() throws URISyntaxException {
        Path script = Path.of(Boto3Test.class.getResource("/boto3_suite.py").toURI());
        try (TestServer server = TestServer.start(dir.resolve("data"), Fixtures.CONFIG, null)) {
            Map<String, String> env = new HashMap<>(Processes.awsEnv(dir, "unused", "unused", "us-west-2"));
            env.put("TRENT_ENDPOINT", server.endpoint().toString());
            Processes.Result r = Processes.run(List.of("python3", script.toString()), env, dir);
            assertThat(r.exit()).as("boto3 suite failed:%n%s%n%s", r.stdout(), r.stderr()).isZero();
            assertThat(r.stdout()).contains("encrypt/decrypt with encryption context ok", "aliases ok", "grants ok",
                    "errors ok", "boto3 suite passed");
        }
    }
}
