package io.trent.server.auth;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.trent.server.RequestException;
import io.trent.server.SdkSigner;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests signed by the AWS SDK's signer, verified by ours. */
class SigV4VerifierTest {
    private static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String BODY = "{\"KeyId\":\"alias/x\",\"Plaintext\":\"aGVsbG8=\"}";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final SigV4Verifier verifier = new SigV4Verifier("kms");

    private static Map<String, String> kmsHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/x-amz-json-1.1");
        h.put("X-Amz-Target", "TrentService.Encrypt");
        return h;
    }

    private static SdkSigner signer(Instant at) {
        return new SdkSigner(AKID, SECRET, "us-west-2", "kms").at(Clock.fixed(at, ZoneOffset.UTC));
    }

    private static HttpHeaders netty(Map<String, String> h) {
        HttpHeaders headers = new DefaultHttpHeaders();
        h.forEach(headers::add);
        return headers;
    }

    /** Verifies as the server does; returns normally when the signature is accepted. */
    private void verify(String method, String target, Map<String, String> signed, String body, String secret,
                        Instant now) {
        HttpHeaders headers = netty(signed);
        AuthorizationHeader auth = AuthorizationHeader.parse(headers.get("authorization"));
        Instant t = verifier.signedTime(auth, headers);
        SigV4Verifier.checkSkew(t, now);
        ByteBuf buf = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        verifier.verify(auth, secret, t, method, target, headers, buf);
    }

    @Test
    void acceptsWhatTheSdkSigned() {
        Map<String, String> h = signer(NOW).sign("POST", URI.create("http://127.0.0.1:8090/"), kmsHeaders(), BODY);
        assertThat(h.get("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=" + AKID + "/20250601/us-west-2/kms/aws4_request");
        assertThatCode(() -> verify("POST", "/", h, BODY, SECRET, NOW)).doesNotThrowAnyException();
        // The cached signing key gives the same answer the second time.
        assertThatCode(() -> verify("POST", "/", h, BODY, SECRET, NOW)).doesNotThrowAnyException();
    }

    @Test
    void canonicalizesPathsQueriesAndHeaderValuesLikeTheSdk() {
        Map<String, String> extra = kmsHeaders();
        extra.put("X-Spaced", "a   b    c");
        extra.put("X-Amz-Meta-Unicode", "h\u00e9llo");
        URI uri = URI.create("http://127.0.0.1:8090/a%20b/./c/../d%2Fe/~x?z=1&a=%2B%20&a=b&empty=&k%C3%A9=v");
        Map<String, String> h = signer(NOW).sign("POST", uri, extra, BODY);
        assertThatCode(() -> verify("POST", uri.getRawPath() + "?" + uri.getRawQuery(), h, BODY, SECRET, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsATamperedBodyHeaderOrSecret() {
        Map<String, String> h = signer(NOW).sign("POST", URI.create("http://127.0.0.1:8090/"), kmsHeaders(), BODY);
        String tampered = BODY.replace("alias/x", "alias/y");
        assertThatThrownBy(() -> verify("POST", "/", h, tampered, SECRET, NOW))
                .isInstanceOf(RequestException.class)
                .extracting(e -> ((RequestException) e).errorCode()).isEqualTo("InvalidSignatureException");
        Map<String, String> noHash = new LinkedHashMap<>(h);
        noHash.remove("x-amz-content-sha256");
        assertThatThrownBy(() -> verify("POST", "/", noHash, tampered, SECRET, NOW))
                .hasMessageContaining("signature we calculated does not match");
        Map<String, String> other = new LinkedHashMap<>(h);
        other.put("X-Amz-Target", "TrentService.Decrypt");
        assertThatThrownBy(() -> verify("POST", "/", other, BODY, SECRET, NOW))
                .hasMessageContaining("signature we calculated does not match");
        assertThatThrownBy(() -> verify("POST", "/", h, BODY, SECRET + "x", NOW))
                .hasMessageContaining("signature we calculated does not match")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThatThrownBy(() -> verify("POST", "/?extra=1", h, BODY, SECRET, NOW))
                .hasMessageContaining("signature we calculated does not match");
        assertThatThrownBy(() -> verify("PUT", "/", h, BODY, SECRET, NOW))
                .hasMessageContaining("signature we calculated does not match");
    }

    @Test
    void unsignedHeadersDoNotMatterButSignedOnesDo() {
        Map<String, String> h = signer(NOW).sign("POST", URI.create("http://127.0.0.1:8090/"), kmsHeaders(), BODY);
        Map<String, String> more = new LinkedHashMap<>(h);
        more.put("User-Agent", "added after signing");
        assertThatCode(() -> verify("POST", "/", more, BODY, SECRET, NOW)).doesNotThrowAnyException();
        Map<String, String> host = new LinkedHashMap<>(h);
        host.put("Host", "127.0.0.1:9999");
        assertThatThrownBy(() -> verify("POST", "/", host, BODY, SECRET, NOW))
                .hasMessageContaining("signature we calculated does not match");
    }

    @Test
    void checksTheDeclaredPayloadHash() {
        Map<String, String> h = signer(NOW).sign("POST", URI.create("http://127.0.0.1:8090/"), kmsHeaders(), BODY);
        assertThat(h).containsEntry("x-amz-content-sha256",
                SigV4Verifier.payloadHash(Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8)));
        Map<String, String> wrong = new LinkedHashMap<>(h);
        wrong.put("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        assertThatThrownBy(() -> verify("POST", "/", wrong, BODY, SECRET, NOW))
                .hasMessageContaining("'x-amz-content-sha256' header does not match");
    }

    @Test
    void allowsFiveMinutesOfClockSkewAndNoMore() {
        URI uri = URI.create("http://127.0.0.1:8090/");
        Map<String, String> old = signer(NOW.minus(Duration.ofMinutes(6))).sign("POST", uri, kmsHeaders(), BODY);
        assertThatThrownBy(() -> verify("POST", "/", old, BODY, SECRET, NOW))
                .hasMessage("Signature expired: 20250601T115400Z is now earlier than 20250601T115500Z "
                        + "(20250601T120000Z - 5 min.)");
        Map<String, String> future = signer(NOW.plus(Duration.ofMinutes(6))).sign("POST", uri, kmsHeaders(), BODY);
        assertThatThrownBy(() -> verify("POST", "/", future, BODY, SECRET, NOW))
                .hasMessage("Signature not yet current: 20250601T120600Z is still later than 20250601T120500Z "
                        + "(20250601T120000Z + 5 min.)");
        Map<String, String> late = signer(NOW.minus(Duration.ofMinutes(4))).sign("POST", uri, kmsHeaders(), BODY);
        assertThatCode(() -> verify("POST", "/", late, BODY, SECRET, NOW)).doesNotThrowAnyException();
    }

    @Test
    void requiresTheKmsServiceAndAMatchingDate() {
        Map<String, String> s3 = new SdkSigner(AKID, SECRET, "us-west-2", "s3").at(Clock.fixed(NOW, ZoneOffset.UTC))
                .sign("POST", URI.create("http://127.0.0.1:8090/"), kmsHeaders(), BODY);
        assertThatThrownBy(() -> verify("POST", "/", s3, BODY, SECRET, NOW))
                .hasMessageContaining("Credential should be scoped to correct service: 'kms'");
        Map<String, String> h = signer(NOW).sign("POST", URI.create("http://127.0.0.1:8090/"), kmsHeaders(), BODY);
        Map<String, String> wrongDay = new LinkedHashMap<>(h);
        wrongDay.put("Authorization", h.get("Authorization").replace("/20250601/", "/20250602/"));
        assertThatThrownBy(() -> verify("POST", "/", wrongDay, BODY, SECRET, NOW))
                .hasMessageContaining("Date in Credential scope does not match");
        Map<String, String> noDate = new LinkedHashMap<>(h);
        noDate.remove("X-Amz-Date");
        assertThatThrownBy(() -> verify("POST", "/", noDate, BODY, SECRET, NOW))
                .extracting(e -> ((RequestException) e).errorCode()).isEqualTo("IncompleteSignatureException");
    }

    @Test
    void canonicalPiecesFollowTheSpecification() {
        assertThat(SigV4Verifier.canonicalUri("/")).isEqualTo("/");
        assertThat(SigV4Verifier.canonicalUri("/a/./b/../c%2F d")).isEqualTo("/a/c%252F%20d");
        assertThat(SigV4Verifier.canonicalQuery("b=2&a=%7e&a=1&c")).isEqualTo("a=1&a=~&b=2&c=");
        assertThat(SigV4Verifier.encode("a+b c/\u00e9")).isEqualTo("a%2Bb%20c%2F%C3%A9");
    }
}
