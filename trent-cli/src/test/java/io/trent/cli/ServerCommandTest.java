package io.trent.cli;

import io.trent.server.TrentServer;
import io.trent.server.config.TrentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** What `trent server` refuses before it serves; the serving process itself is ServerProcessIT. */
class ServerCommandTest {
    @TempDir
    Path dir;

    @Test
    void configurationErrorsNameTheLineAndField() throws IOException {
        Path config = Files.writeString(dir.resolve("trent.yaml"), """
                server:
                  host: 127.0.0.1
                accounts:
                  - id: "111122223333"
                    users:
                      - name: alice
                        polices: []
                """);
        Cli.Run r = Cli.run("server", "--config", config.toString(), "--data-dir", dir.resolve("d").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(config + " line 7: accounts[0].users[0].polices: unknown field");
        assertThat(ServerCommand.isRunning()).isFalse();
        assertThat(dir.resolve("d")).doesNotExist();
    }

    @Test
    void rejectsBadFlags() {
        assertThat(Cli.run("server", "--dev", "--dev-account", "1234").err())
                .contains("--dev-account must be a 12-digit account id");
        assertThat(Cli.run("server", "--dev-account", "123456789012").err()).contains("--dev-account needs --dev");
        assertThat(Cli.run("server", "--config", dir.resolve("missing.yaml").toString()).err())
                .contains("missing.yaml: file not found");
    }

    @Test
    void neverPairsAnExistingDatabaseWithANewRootKey() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("trent.db"), "");
        Cli.Run r = Cli.run("server", "--dev", "--port", "0", "--data-dir", data.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("exists but its root key").contains("root.key is missing");
        assertThat(data.resolve("root.key")).doesNotExist();
    }

    @Test
    void aBusyPortStopsTheStartWithAClearMessage() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Run r = Cli.run("server", "--dev", "--port", String.valueOf(busy.getLocalPort()), "--data-dir",
                    dir.resolve("data").toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("cannot start: cannot listen on 127.0.0.1:" + busy.getLocalPort());
        }
        assertThat(ServerCommand.isRunning()).isFalse();
    }

    /** A self-signed certificate for 127.0.0.1 and its PKCS#8 key, made by openssl. */
    private TrentConfig.Tls selfSigned() throws IOException, InterruptedException {
        Path cert = dir.resolve("cert.pem"), key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return new TrentConfig.Tls(cert, key);
    }

    @Test
    void tlsNeedsACertificateAndAUsableKey() throws Exception {
        assertThat(Cli.run("server", "--dev", "--tls-cert", "cert.pem").err())
                .contains("--tls-cert and --tls-key go together");
        TrentConfig.Tls tls = selfSigned();
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello\n");
        Cli.Run r = Cli.run("server", "--dev", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--tls-cert", tls.certificateChain().toString(), "--tls-key", notAKey.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot start: TLS private key " + notAKey + ": expected one PEM PKCS#8");
        assertThat(ServerCommand.isRunning()).isFalse();
        assertThat(dir.resolve("data")).doesNotExist();

        Path config = Files.writeString(dir.resolve("trent.yaml"), "server: { tls: { cert: cert.pem, key: x.pem } }\n");
        r = Cli.run("server", "--dev", "--port", "0", "--config", config.toString(), "--data-dir",
                dir.resolve("data").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot start: TLS private key " + dir.resolve("x.pem") + ": file not found");
    }

    @Test
    void theBannerOfAnHttpsServerShowsHowToTrustItsCertificate() throws Exception {
        TrentConfig.Tls tls = selfSigned();
        Path data = dir.resolve("data");
        try (TrentServer s = TrentServer.start(new TrentServer.Options("127.0.0.1", 0, tls, data.resolve("trent.db"),
                data.resolve("root.key"), TrentConfig.EMPTY, "111122223333", Clock.systemUTC()))) {
            StringWriter out = new StringWriter();
            ServerCommand.printBanner(new PrintWriter(out), s, TrentConfig.EMPTY, null);
            String url = "https://127.0.0.1:" + s.port();
            assertThat(out.toString())
                    .contains("listening on " + url)
                    .contains("(aws:SecureTransport is true)")
                    .contains("aws kms create-key --endpoint-url " + url + " --ca-bundle " + tls.certificateChain())
                    .contains("AWS_CA_BUNDLE=" + tls.certificateChain());
        }
    }
}
