package io.trent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
