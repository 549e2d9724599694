package io.trent.server;

import io.trent.server.config.TrentConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** HTTPS with a self-signed certificate made by openssl: real TLS handshakes, the SDK, the aws CLI, SecureTransport. */
class TlsTest {
    private static final String GUARDED_POLICY = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},
               "Action":"kms:*","Resource":"*"},
              {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*",
               "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

    @TempDir
    static Path dir;
    static TrentConfig.Tls tls;
    static TestServer server;
    static KmsClient alice;

    @BeforeAll
    static void start() throws Exception {
        tls = selfSigned("localhost", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
        server = TestServer.start(dir.resolve("data"), Fixtures.CONFIG, null, tls);
        alice = sdkClient(server);
    }

    @AfterAll
    static void stop() {
        alice.close();
        server.close();
    }

    /** A certificate for 127.0.0.1 and localhost with its PKCS#8 key, as openssl writes them by default. */
    private static TrentConfig.Tls selfSigned(String name, String... newKey) {
        Path cert = dir.resolve(name + "-cert.pem"), key = dir.resolve(name + "-key.pem");
        List<String> cmd = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey"));
        cmd.addAll(List.of(newKey));
        cmd.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"));
        openssl(cmd);
        return new TrentConfig.Tls(cert, key);
    }

    private static void openssl(List<String> cmd) {
        Processes.Result r = Processes.run(cmd, Map.of(), dir);
        assertThat(r.exit()).as("%s: %s", cmd, r.stderr()).isZero();
    }

    /** Trust managers that trust exactly this certificate. */
    private static TrustManager[] trusting(Path cert) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("trent", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    private static KmsClient sdkClient(TestServer s) throws IOException, GeneralSecurityException {
        TrustManager[] trust = trusting(tls.certificateChain());
        return Fixtures.client(s.endpoint(), "AKIAALICE", "alice-secret", Region.US_WEST_2,
                UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> trust));
    }

    private static SdkBytes utf8(String s) {
        return SdkBytes.fromString(s, StandardCharsets.UTF_8);
    }

    @Test
    void theSdkCreatesKeysAndRoundTripsCiphertextOverHttps() {
        assertThat(server.endpoint().toString()).isEqualTo("https://127.0.0.1:" + server.port());
        String keyId = alice.createKey(r -> r.description("over https")).keyMetadata().keyId();
        SdkBytes blob = alice.encrypt(r -> r.keyId(keyId).plaintext(utf8("secret over TLS"))).ciphertextBlob();
        assertThat(alice.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("secret over TLS");
    }

    /** Completes a handshake with the server, trusting only {@code cert}, and returns the protocol agreed. */
    private static String handshake(TestServer s, Path cert, String protocol) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trusting(cert), null);
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", s.port())) {
            socket.setEnabledProtocols(new String[]{protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    @Test
    void speaksTls12And13() throws Exception {
        assertThat(handshake(server, tls.certificateChain(), "TLSv1.2")).isEqualTo("TLSv1.2");
        assertThat(handshake(server, tls.certificateChain(), "TLSv1.3")).isEqualTo("TLSv1.3");
        // A client that does not trust the certificate never gets an answer.
        try (SSLSocket s = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            assertThatThrownBy(s::startHandshake).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @Test
    void theSecureTransportGuardAllowsHttpsAndDeniesPlainHttp() throws Exception {
        Path data = dir.resolve("guard");
        String keyId;
        try (TestServer https = TestServer.start(data, Fixtures.CONFIG, null, tls);
             KmsClient client = sdkClient(https)) {
            keyId = client.createKey(r -> r.policy(GUARDED_POLICY)).keyMetadata().keyId();
            assertThat(client.encrypt(r -> r.keyId(keyId).plaintext(utf8("x"))).keyId()).endsWith(keyId);
        }
        // The same key and policy, served over plain HTTP.
        try (TestServer http = TestServer.start(data, Fixtures.CONFIG, null);
             KmsClient client = Fixtures.client(http.endpoint(), "AKIAALICE", "alice-secret", Region.US_WEST_2)) {
            KmsException denied = catchThrowableOfType(KmsException.class,
                    () -> client.encrypt(r -> r.keyId(keyId).plaintext(utf8("x"))));
            assertThat(denied).isNotNull();
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(denied.awsErrorDetails().errorMessage())
                    .contains("kms:Encrypt")
                    .contains("with an explicit deny in a resource-based policy");
        }
    }

    @Test
    void theAwsCliTrustsTheCertificateThroughCaBundle() {
        Map<String, String> env = Processes.awsEnv(dir, "AKIAALICE", "alice-secret", "us-west-2");
        List<String> createKey = List.of("aws", "kms", "create-key", "--description", "cli over https",
                "--endpoint-url", server.endpoint().toString(), "--output", "json");
        Processes.Result untrusted = Processes.run(createKey, env, dir);
        assertThat(untrusted.exit()).isNotZero();
        assertThat(untrusted.stderr()).containsIgnoringCase("certificate verify failed");

        List<String> trusted = new ArrayList<>(createKey);
        trusted.addAll(List.of("--ca-bundle", tls.certificateChain().toString()));
        Processes.Result r = Processes.run(trusted, env, dir);
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("\"Description\": \"cli over https\"");
    }

    @Test
    void badCertificateOrKeyFilesStopTheStartNamingTheFile() throws Exception {
        TrentConfig.Tls other = selfSigned("other", "rsa:2048");
        Path pkcs1 = dir.resolve("pkcs1-key.pem");
        openssl(List.of("openssl", "pkey", "-in", other.privateKey().toString(), "-traditional", "-out",
                pkcs1.toString()));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key\n");

        refused(new TrentConfig.Tls(tls.certificateChain(), garbage),
                "TLS private key " + garbage + ": expected one PEM PKCS#8 private key");
        refused(new TrentConfig.Tls(other.certificateChain(), pkcs1),
                "TLS private key " + pkcs1 + ": a PKCS#1/SEC1 key", "openssl pkcs8 -topk8 -nocrypt");
        refused(new TrentConfig.Tls(other.certificateChain(), tls.privateKey()),
                "TLS private key " + tls.privateKey() + " does not belong to the certificate in "
                        + other.certificateChain());
        refused(new TrentConfig.Tls(tls.privateKey(), tls.privateKey()),
                "TLS certificate " + tls.privateKey() + ": not a PEM certificate chain");
        refused(new TrentConfig.Tls(dir.resolve("missing.pem"), tls.privateKey()),
                "TLS certificate " + dir.resolve("missing.pem") + ": file not found");
        // The RSA certificate and key themselves are fine, and so is Ed25519.
        TrentConfig.Tls ed25519 = selfSigned("ed25519", "ed25519");
        for (TrentConfig.Tls good : List.of(other, ed25519)) {
            try (TestServer s = TestServer.start(dir.resolve("ok-" + good.privateKey().getFileName()), null,
                    "111122223333", good)) {
                assertThat(handshake(s, good.certificateChain(), "TLSv1.3")).isEqualTo("TLSv1.3");
            }
        }
    }

    private static void refused(TrentConfig.Tls bad, String... message) {
        Path data = dir.resolve("refused");
        assertThatThrownBy(() -> TestServer.start(data, null, "111122223333", bad))
                .hasRootCauseInstanceOf(IOException.class)
                .rootCause().satisfies(e -> {
                    for (String m : message) assertThat(e.getMessage()).contains(m);
                    for (String line : Files.readAllLines(bad.privateKey()))  // no key material
                        if (!line.startsWith("-----") && !line.isBlank())
                            assertThat(e.getMessage()).doesNotContain(line);
                });
        assertThat(data).doesNotExist();
    }
}
