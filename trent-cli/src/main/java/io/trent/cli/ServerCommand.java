package io.trent.cli;

import io.trent.server.TrentServer;
import io.trent.server.config.ConfigException;
import io.trent.server.config.ConfigLoader;
import io.trent.server.config.TrentConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "server", mixinStandardHelpOptions = true, description = {
        "Run the KMS endpoint (AWS JSON 1.1 + SigV4) on an embedded SQLite store.",
        "Flags override the config file; the defaults are 127.0.0.1:8090 and ./trent-data."})
public final class ServerCommand implements Callable<Integer> {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8090;
    static final Path DEFAULT_DATA_DIR = Path.of("trent-data");
    static final String DEFAULT_DEV_ACCOUNT = "111122223333";

    private static volatile boolean running;
    private static volatile TrentServer server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default 8090; 0 picks a free one).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the database (trent.db) and the root key (root.key) (default ./trent-data).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "trent.yaml: settings and identities.")
    Path config;

    @Option(names = "--tls-cert", paramLabel = "CERT.pem", description = "Serve HTTPS (TLS 1.2/1.3) with this PEM "
            + "certificate chain, the server's certificate first; needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem",
            description = "The certificate's unencrypted PKCS#8 PEM private key (RSA, EC or Ed25519); "
                    + "needs --tls-cert.")
    Path tlsKey;

    @Option(names = "--dev", description = "Accept access keys the config does not know, without signature "
            + "verification, as the root user of the dev account. Known keys are still verified.")
    boolean dev;

    @Option(names = "--dev-account", paramLabel = "ACCOUNT",
            description = "The dev account (default 111122223333); needs --dev.")
    String devAccount;

    /** True while a server started by this command is serving (main() then must not exit). */
    static boolean isRunning() {
        return running;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (devAccount != null && !dev) {
            err.println("trent server: --dev-account needs --dev");
            return 2;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            err.println("trent server: --tls-cert and --tls-key go together");
            return 2;
        }
        String account = devAccount == null ? DEFAULT_DEV_ACCOUNT : devAccount;
        if (!account.matches("\\d{12}")) {
            err.println("trent server: --dev-account must be a 12-digit account id, not '" + account + "'");
            return 2;
        }
        TrentConfig cfg;
        try {
            cfg = config == null ? TrentConfig.EMPTY : ConfigLoader.load(config);
        } catch (ConfigException e) {
            err.println("trent server: configuration error: " + e.getMessage());
            return 2;
        }
        Path db, rootKey;
        if (dataDir != null || cfg.databaseFile() == null && cfg.rootKeyFile() == null) {
            Path dir = (dataDir == null ? DEFAULT_DATA_DIR : dataDir).toAbsolutePath().normalize();
            db = dir.resolve("trent.db");
            rootKey = dir.resolve("root.key");
        } else {
            db = cfg.databaseFile() != null ? cfg.databaseFile() : cfg.rootKeyFile().resolveSibling("trent.db");
            rootKey = cfg.rootKeyFile() != null ? cfg.rootKeyFile() : cfg.databaseFile().resolveSibling("root.key");
        }
        TrentServer.Options options = new TrentServer.Options(
                host != null ? host : cfg.host() != null ? cfg.host() : DEFAULT_HOST,
                port != null ? port : cfg.port() != null ? cfg.port() : DEFAULT_PORT,
                tlsCert != null ? new TrentConfig.Tls(tlsCert.toAbsolutePath(), tlsKey.toAbsolutePath()) : cfg.tls(),
                db, rootKey, cfg, dev ? account : null, Clock.systemUTC());
        TrentServer started;
        try {
            started = TrentServer.start(options);
        } catch (IOException | RuntimeException e) {
            err.println("trent server: cannot start: " + e.getMessage());
            return 1;
        }
        server = started;
        running = true;
        Runtime.getRuntime().addShutdownHook(new Thread(ServerCommand::stop, "trent-shutdown"));
        // Ctrl-C and SIGTERM exit with status 0 (the JVM's default is 128 + signal); the shutdown hook then stops
        // the server and closes the store.
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> System.exit(0));
            } catch (IllegalArgumentException e) {
                // the platform does not have this signal; the JVM's own handling still runs the shutdown hook
            }
        }
        printBanner(spec.commandLine().getOut(), started, cfg, config);
        return 0;
    }

    private static synchronized void stop() {
        TrentServer s = server;
        if (s == null) return;
        server = null;
        s.close();
        running = false;
        System.out.println("trent server: stopped");
        System.out.flush();
    }

    /** @param config the configuration file, or null */
    static void printBanner(PrintWriter out, TrentServer s, TrentConfig cfg, Path config) {
        TrentServer.Options o = s.options();
        String url = s.endpoint();
        out.println("Trent KMS endpoint listening on " + url);
        if (o.tls() != null)
            out.println("  tls: TLS 1.2/1.3 with " + o.tls().certificateChain() + " (aws:SecureTransport is true)");
        else
            out.println("  plain HTTP: aws:SecureTransport is false (--tls-cert/--tls-key serve HTTPS)");
        out.println("  database: " + o.databaseFile());
        out.println("  root key: " + o.rootKeyFile() + (s.rootKeyGenerated() ? " (generated now, mode 0600)" : ""));
        if (config != null)
            out.println("  identities: " + cfg.accounts().size() + " account(s), " + cfg.services().size()
                    + " service principal(s) from " + config);
        if (o.devAccount() != null)
            out.println("  dev mode: access keys not in the config act as arn:aws:iam::" + o.devAccount()
                    + ":root (no signature check)");
        out.println();
        if (o.devAccount() != null) {
            out.println("Call it with the AWS CLI or any AWS SDK (any access key works in dev mode):");
            out.println("  export AWS_ACCESS_KEY_ID=dev AWS_SECRET_ACCESS_KEY=dev AWS_DEFAULT_REGION=us-east-1");
        } else if (!cfg.accounts().isEmpty() || !cfg.services().isEmpty()) {
            out.println("Call it with the AWS CLI or any AWS SDK, signing with an access key from " + config + ":");
            out.println("  export AWS_ACCESS_KEY_ID=<access key id> AWS_SECRET_ACCESS_KEY=<its secret> "
                    + "AWS_DEFAULT_REGION=us-east-1");
        } else {
            out.println("No identities are configured, so every request is refused: restart with --dev (any access"
                    + " key acts as the dev account's root user) or --config trent.yaml.");
        }
        String caBundle = o.tls() == null ? "" : " --ca-bundle " + o.tls().certificateChain();
        out.println("  aws kms create-key --endpoint-url " + url + caBundle);
        out.println("  (or export AWS_ENDPOINT_URL_KMS=" + url
                + (o.tls() == null ? "" : " AWS_CA_BUNDLE=" + o.tls().certificateChain())
                + " and leave out --endpoint-url" + (o.tls() == null ? "" : " and --ca-bundle") + ")");
        if (o.tls() != null)
            out.println("  (Java SDKs: add the certificate to the JVM's trust store with keytool -importcert)");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
