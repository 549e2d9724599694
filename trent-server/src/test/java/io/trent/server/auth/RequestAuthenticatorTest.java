package io.trent.server.auth;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.trent.authz.Transport;
import io.trent.policy.Caller;
import io.trent.server.RequestException;
import io.trent.server.SdkSigner;
import io.trent.server.config.ConfigLoader;
import io.trent.server.identity.IdentityDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestAuthenticatorTest {
    private static final String BODY = "{}";
    private static final IdentityDirectory DIRECTORY = new IdentityDirectory(ConfigLoader.parse("""
            accounts:
              - id: "111122223333"
                users:
                  - name: alice
                    accessKeys: [ { id: AKIAALICE, secret: alice-secret } ]
                roles:
                  - name: LocationTeam
                    accessKeys: [ { id: AKIALOCATION, secret: location-secret } ]
            services:
              - name: cloudtrail.amazonaws.com
                accessKeys: [ { id: AKIACLOUDTRAIL, secret: cloudtrail-secret } ]
              - name: geo.us-west-2.amazonaws.com
                accessKeys: [ { id: AKIAGEO, secret: geo-secret } ]
                actsOnBehalfOfCallers: true
            """, "trent.yaml", Path.of(".")));
    private static final Caller.Iam DEV = Caller.parseIam("arn:aws:iam::123456789012:root");

    private final RequestAuthenticator strict = new RequestAuthenticator(DIRECTORY, null, Clock.systemUTC());
    private final RequestAuthenticator dev = new RequestAuthenticator(DIRECTORY, DEV, Clock.systemUTC());

    private static HttpHeaders signed(String akid, String secret, Map<String, String> extra) {
        HttpHeaders h = new DefaultHttpHeaders();
        SdkSigner.kms(akid, secret).kmsCall(8090, "DescribeKey", BODY, extra).forEach(h::add);
        return h;
    }

    private static RequestAuthenticator.Authenticated run(RequestAuthenticator a, HttpHeaders h) {
        return a.authenticate("POST", "/", h, Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8), "10.1.2.3", false);
    }

    private static void refused(RequestAuthenticator a, HttpHeaders h, String errorCode, String message) {
        assertThatThrownBy(() -> run(a, h)).isInstanceOf(RequestException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((RequestException) e).errorCode()).isEqualTo(errorCode);
    }

    @Test
    void aConfiguredUserCallsDirectly() {
        RequestAuthenticator.Authenticated a = run(strict, signed("AKIAALICE", "alice-secret", Map.of()));
        assertThat(a.caller().arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        Transport t = a.transport();
        assertThat(t.region()).isEqualTo("us-west-2");
        assertThat(t.sourceIp()).isEqualTo("10.1.2.3");
        assertThat(t.viaService()).isNull();
        assertThat(t.sourceArn()).isNull();
        assertThat(t.secureTransport()).isFalse();
        assertThat(strict.authenticate("POST", "/", signed("AKIAALICE", "alice-secret", Map.of()),
                Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8), "10.1.2.3", true).transport().secureTransport())
                .isTrue();
        refused(strict, signed("AKIAALICE", "wrong-secret", Map.of()), "InvalidSignatureException",
                "signature we calculated does not match");
    }

    @Test
    void unknownKeysAreRefusedUnlessInDevMode() {
        refused(strict, signed("AKIASTRANGER", "x", Map.of()), "UnrecognizedClientException",
                "The security token included in the request is invalid.");
        HttpHeaders h = signed("AKIASTRANGER", "x", Map.of());
        h.set("authorization", h.get("authorization").replaceAll("Signature=\\w+", "Signature=" + "0".repeat(64)));
        assertThat(run(dev, h).caller()).isEqualTo(DEV);
        // Known keys are still verified in dev mode.
        refused(dev, signed("AKIAALICE", "wrong-secret", Map.of()), "InvalidSignatureException", "does not match");
        refused(dev, new DefaultHttpHeaders(), "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void aServicePrincipalMaySendSignedSourceHeaders() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("X-Amz-Source-Arn", "arn:aws:cloudtrail:us-west-2:111122223333:trail/finance");
        source.put("X-Amz-Source-Account", "111122223333");
        RequestAuthenticator.Authenticated a = run(strict, signed("AKIACLOUDTRAIL", "cloudtrail-secret", source));
        assertThat(a.caller()).isEqualTo(new Caller.Service("cloudtrail.amazonaws.com"));
        assertThat(a.transport().sourceArn()).isEqualTo("arn:aws:cloudtrail:us-west-2:111122223333:trail/finance");
        assertThat(a.transport().sourceAccount()).isEqualTo("111122223333");
        assertThat(a.transport().viaService()).isNull();

        HttpHeaders unsigned = signed("AKIACLOUDTRAIL", "cloudtrail-secret", Map.of());
        unsigned.add("X-Amz-Source-Arn", "arn:aws:cloudtrail:us-west-2:111122223333:trail/finance");
        refused(strict, unsigned, "AccessDeniedException", "must be signed");
        refused(strict, signed("AKIAALICE", "alice-secret", source), "AccessDeniedException",
                "is not an AWS service principal");
        refused(dev, signed("AKIASTRANGER", "x", source), "AccessDeniedException", "is not an AWS service principal");
        refused(strict, signed("AKIACLOUDTRAIL", "cloudtrail-secret", Map.of("X-Amz-Source-Account", "12")),
                "ValidationException", "12-digit");
    }

    @Test
    void aForwardAccessCallActsForTheNamedPrincipalViaTheService() {
        Map<String, String> fas = new LinkedHashMap<>();
        fas.put("X-Trent-Caller", "arn:aws:sts::111122223333:assumed-role/LocationTeam/s1");
        fas.put("X-Trent-Caller-Ip", "192.0.2.7");
        RequestAuthenticator.Authenticated a = run(strict, signed("AKIAGEO", "geo-secret", fas));
        assertThat(a.caller().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/LocationTeam/s1");
        assertThat(a.transport().viaService()).isEqualTo("geo.us-west-2.amazonaws.com");
        assertThat(a.transport().sourceIp()).isEqualTo("192.0.2.7");
        assertThat(a.transport().sourceArn()).isNull();

        Map<String, String> noIp = Map.of("X-Trent-Caller", "arn:aws:iam::111122223333:user/alice");
        assertThat(run(strict, signed("AKIAGEO", "geo-secret", noIp)).transport().sourceIp()).isNull();

        refused(strict, signed("AKIACLOUDTRAIL", "cloudtrail-secret", noIp), "AccessDeniedException",
                "not allowed to act on behalf of callers");
        refused(strict, signed("AKIAALICE", "alice-secret", noIp), "AccessDeniedException",
                "is not an AWS service principal");
        HttpHeaders unsigned = signed("AKIAGEO", "geo-secret", Map.of());
        unsigned.add("X-Trent-Caller", "arn:aws:iam::111122223333:user/alice");
        refused(strict, unsigned, "AccessDeniedException", "must be signed");
        refused(strict, signed("AKIAGEO", "geo-secret", Map.of("X-Trent-Caller", "arn:aws:iam::111122223333:user/ghost")),
                "AccessDeniedException", "does not exist");
        refused(strict, signed("AKIAGEO", "geo-secret", Map.of("X-Trent-Caller", "alice")),
                "ValidationException", "X-Trent-Caller must be the ARN");
        refused(strict, signed("AKIAGEO", "geo-secret", Map.of("X-Trent-Caller-Ip", "192.0.2.7")),
                "AccessDeniedException", "only accepted together with X-Trent-Caller");
        Map<String, String> badIp = new LinkedHashMap<>(noIp);
        badIp.put("X-Trent-Caller-Ip", "example.com");
        refused(strict, signed("AKIAGEO", "geo-secret", badIp), "ValidationException", "IPv4 or IPv6");
        Map<String, String> both = new LinkedHashMap<>(noIp);
        both.put("X-Amz-Source-Arn", "arn:aws:geo:us-west-2:111122223333:tracker/t");
        refused(strict, signed("AKIAGEO", "geo-secret", both), "AccessDeniedException", "cannot carry");
    }

    @Test
    void ipLiteralsAreCheckedWithoutNameLookups() {
        assertThat(IpAddresses.isLiteral("192.0.2.7")).isTrue();
        assertThat(IpAddresses.isLiteral("2001:db8::1")).isTrue();
        assertThat(IpAddresses.isLiteral("::ffff:192.0.2.7")).isTrue();
        assertThat(IpAddresses.isLiteral("256.1.1.1")).isFalse();
        assertThat(IpAddresses.isLiteral("01.1.1.1")).isFalse();
        assertThat(IpAddresses.isLiteral("localhost")).isFalse();
        assertThat(IpAddresses.isLiteral("1:2:3")).isFalse();
    }
}
