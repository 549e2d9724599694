package io.trent.server.auth;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.trent.authz.Transport;
import io.trent.policy.Caller;
import io.trent.server.RequestException;
import io.trent.server.identity.Credential;
import io.trent.server.identity.IdentityDirectory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Turns a signed HTTP request into the caller and transport facts KMS authorizes against: verifies SigV4 with the
 * configured secret (or, in dev mode, lets unknown access keys act as the dev account's root user), and applies the
 * service headers:
 * <ul>
 *   <li>{@code X-Amz-Source-Arn} / {@code X-Amz-Source-Account}: only from a service principal, signed;</li>
 *   <li>{@code X-Trent-Caller} (+ optional {@code X-Trent-Caller-Ip}): only from a service configured with
 *       actsOnBehalfOfCallers, signed; the request is then the named principal's forward-access call via that
 *       service.</li>
 * </ul>
 * Anyone else sending these headers, or sending them unsigned, is refused; they are never silently ignored.
 */
public final class RequestAuthenticator {
    static final String SOURCE_ARN = "x-amz-source-arn";
    static final String SOURCE_ACCOUNT = "x-amz-source-account";
    static final String TRENT_CALLER = "x-trent-caller";
    static final String TRENT_CALLER_IP = "x-trent-caller-ip";
    private static final String[] SERVICE_HEADERS = {SOURCE_ARN, SOURCE_ACCOUNT, TRENT_CALLER, TRENT_CALLER_IP};

    private final IdentityDirectory directory;
    private final Caller.Iam devCaller;
    private final Clock clock;
    private final SigV4Verifier verifier = new SigV4Verifier("kms");

    /** @param devCaller who unknown access keys act as (dev mode), or null to reject them */
    public RequestAuthenticator(IdentityDirectory directory, Caller.Iam devCaller, Clock clock) {
        this.directory = directory;
        this.devCaller = devCaller;
        this.clock = clock;
    }

    public record Authenticated(Caller caller, Transport transport) {}

    /**
     * @param uri      the request target as received
     * @param remoteIp the address of the connection's peer
     * @param secure   the request came over TLS (aws:SecureTransport)
     */
    public Authenticated authenticate(String method, String uri, HttpHeaders headers, ByteBuf body, String remoteIp,
                                      boolean secure) {
        String header = headers.get("authorization");
        if (header == null) throw RequestException.missingAuthenticationToken();
        AuthorizationHeader auth = AuthorizationHeader.parse(header);
        Instant signed = verifier.signedTime(auth, headers);
        Instant now = clock.instant();
        Credential credential = directory.credential(auth.accessKeyId());
        if (credential == null) {
            if (devCaller == null) throw RequestException.unrecognizedClient();
            refuseServiceHeaders(headers, devCaller.arn());
            return new Authenticated(devCaller, direct(auth.region(), remoteIp, secure, now));
        }
        SigV4Verifier.checkSkew(signed, now);
        if (headers.contains("x-amz-security-token")) throw RequestException.unrecognizedClient();
        verifier.verify(auth, credential.secret(), signed, method, uri, headers, body);

        Caller caller = credential.caller();
        String onBehalfOf = signedValue(headers, auth, TRENT_CALLER);
        String callerIp = signedValue(headers, auth, TRENT_CALLER_IP);
        String sourceArn = signedValue(headers, auth, SOURCE_ARN);
        String sourceAccount = signedValue(headers, auth, SOURCE_ACCOUNT);
        if (!(caller instanceof Caller.Service service)) {
            refuseServiceHeaders(headers, caller.arn());
            return new Authenticated(caller, direct(auth.region(), remoteIp, secure, now));
        }
        if (onBehalfOf == null) {
            if (callerIp != null) throw RequestException.accessDenied("The X-Trent-Caller-Ip header is only "
                    + "accepted together with X-Trent-Caller");
            if (sourceAccount != null && !isAccountId(sourceAccount))
                throw RequestException.validation("X-Amz-Source-Account must be a 12-digit account id");
            if (sourceArn != null && !sourceArn.startsWith("arn:"))
                throw RequestException.validation("X-Amz-Source-Arn must be an ARN");
            return new Authenticated(caller, new Transport(auth.region(), null, sourceArn, sourceAccount, remoteIp,
                    secure, now, Map.of()));
        }
        if (!credential.actsOnBehalfOfCallers())
            throw RequestException.accessDenied("User: " + service.arn() + " is not allowed to act on behalf of "
                    + "callers (X-Trent-Caller)");
        if (sourceArn != null || sourceAccount != null)
            throw RequestException.accessDenied("A call on behalf of a caller (X-Trent-Caller) cannot carry "
                    + "X-Amz-Source-Arn or X-Amz-Source-Account");
        Caller.Iam principal;
        try {
            principal = Caller.parseIam(onBehalfOf);
        } catch (IllegalArgumentException e) {
            throw RequestException.validation("X-Trent-Caller must be the ARN of an IAM principal (root, user, "
                    + "assumed-role session or federated user)");
        }
        if (!directory.knows(principal))
            throw RequestException.accessDenied("X-Trent-Caller names a principal that does not exist: "
                    + principal.arn());
        if (callerIp != null && !IpAddresses.isLiteral(callerIp))
            throw RequestException.validation("X-Trent-Caller-Ip must be an IPv4 or IPv6 address");
        // The forward-access call arrives over the service's connection, so its transport is the one that counts.
        return new Authenticated(principal, new Transport(auth.region(), service.arn(), null, null, callerIp,
                secure, now, Map.of()));
    }

    private static Transport direct(String region, String remoteIp, boolean secure, Instant now) {
        return new Transport(region, null, null, null, remoteIp, secure, now, Map.of());
    }

    /** The value of a header that must be signed when present. */
    private static String signedValue(HttpHeaders headers, AuthorizationHeader auth, String name) {
        String v = headers.get(name);
        if (v != null && !auth.signs(name))
            throw RequestException.accessDenied("The " + name + " header must be signed (listed in SignedHeaders)");
        return v;
    }

    private static void refuseServiceHeaders(HttpHeaders headers, String caller) {
        for (String h : SERVICE_HEADERS) {
            if (headers.contains(h))
                throw RequestException.accessDenied("User: " + caller + " is not an AWS service principal allowed "
                        + "to send the " + h + " header");
        }
    }

    private static boolean isAccountId(String s) {
        if (s.length() != 12) return false;
        for (int i = 0; i < 12; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
