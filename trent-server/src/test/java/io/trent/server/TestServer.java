package io.trent.server;

import io.trent.server.config.ConfigLoader;
import io.trent.server.config.TrentConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** A real Trent server on a free loopback port over a fresh data directory. */
public final class TestServer implements AutoCloseable {
    private final TrentServer server;

    private TestServer(TrentServer server) {
        this.server = server;
    }

    /**
     * @param yaml       trent.yaml text, or null for no configuration
     * @param devAccount the dev account, or null without dev mode
     */
    public static TestServer start(Path dataDir, String yaml, String devAccount) {
        return start(dataDir, yaml, devAccount, null);
    }

    /** @param tls HTTPS with this certificate and key, or null for plain HTTP */
    public static TestServer start(Path dataDir, String yaml, String devAccount, TrentConfig.Tls tls) {
        TrentConfig config = yaml == null ? TrentConfig.EMPTY : ConfigLoader.parse(yaml, "trent.yaml", dataDir);
        try {
            return new TestServer(TrentServer.start(new TrentServer.Options("127.0.0.1", 0, tls,
                    dataDir.resolve("trent.db"), dataDir.resolve("root.key"), config, devAccount,
                    Clock.systemUTC())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public URI endpoint() {
        return URI.create(server.endpoint());
    }

    @Override
    public void close() {
        server.close();
    }
}
