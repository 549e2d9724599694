package io.trent.server.auth;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.trent.server.RequestException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies AWS Signature Version 4 header authentication exactly as AWS computes it for non-S3 services: canonical
 * request (method, normalized and re-encoded URI, sorted query, signed headers, payload hash), string to sign,
 * derived signing key (cached per secret, date, region and service) and a constant-time comparison.
 * Thread-safe.
 */
public final class SigV4Verifier {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_CACHED_KEYS = 4096;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private final String service;
    private final Map<ScopeKey, byte[]> signingKeys = new ConcurrentHashMap<>();

    /** @param service the service name credentials must be scoped to, e.g. "kms" */
    public SigV4Verifier(String service) {
        this.service = service;
    }

    private record ScopeKey(String secret, String date, String region, String service) {
        @Override
        public String toString() {
            return "ScopeKey[" + date + "/" + region + "/" + service + "]";
        }
    }

    /**
     * The request time the client signed: {@code X-Amz-Date} (ISO-8601 basic), else {@code Date} (RFC 1123).
     * Checks that the credential scope is for this service and for that day.
     */
    public Instant signedTime(AuthorizationHeader auth, HttpHeaders headers) {
        String amzDate = headers.get("x-amz-date");
        Instant time;
        if (amzDate != null) {
            time = parseBasic(amzDate);
            if (!auth.signs("x-amz-date"))
                throw RequestException.incompleteSignature("'X-Amz-Date' must be a 'SignedHeader' in the AWS "
                        + "Authorization.");
        } else {
            String date = headers.get("date");
            if (date == null)
                throw RequestException.incompleteSignature("Authorization header requires existence of either a "
                        + "'X-Amz-Date' or a 'Date' header.");
            try {
                time = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw RequestException.incompleteSignature("Date must be in RFC 1123 format. Got '" + date + "'.");
            }
            if (!auth.signs("date"))
                throw RequestException.incompleteSignature("'Date' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!auth.service().equals(service))
            throw RequestException.invalidSignature("Credential should be scoped to correct service: '" + service
                    + "'. ");
        String basic = BASIC.format(time);
        if (!basic.startsWith(auth.date()))
            throw RequestException.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + auth.date() + "' != '" + basic.substring(0, 8) + "', from '"
                    + basic + "'.");
        return time;
    }

    /** Rejects a request signed more than five minutes before or after {@code now}, with AWS's wording. */
    public static void checkSkew(Instant signed, Instant now) {
        if (signed.isBefore(now.minus(MAX_SKEW)))
            throw RequestException.invalidSignature("Signature expired: " + BASIC.format(signed)
                    + " is now earlier than " + BASIC.format(now.minus(MAX_SKEW)) + " (" + BASIC.format(now)
                    + " - 5 min.)");
        if (signed.isAfter(now.plus(MAX_SKEW)))
            throw RequestException.invalidSignature("Signature not yet current: " + BASIC.format(signed)
                    + " is still later than " + BASIC.format(now.plus(MAX_SKEW)) + " (" + BASIC.format(now)
                    + " + 5 min.)");
    }

    /**
     * Recomputes the signature with {@code secret} and compares it in constant time.
     *
     * @param uri the request target exactly as received (path and optional query, still percent-encoded)
     */
    public void verify(AuthorizationHeader auth, String secret, Instant signedTime, String method, String uri,
                       HttpHeaders headers, ByteBuf body) {
        String payloadHash = payloadHash(body);
        String declared = headers.get("x-amz-content-sha256");
        if (declared != null && !declared.equals(payloadHash))
            throw RequestException.invalidSignature("The provided 'x-amz-content-sha256' header does not match what "
                    + "was computed.");
        String canonical = canonicalRequest(method, uri, headers, auth.signedHeaders(), payloadHash);
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + BASIC.format(signedTime) + "\n" + auth.scope()
                + "\n" + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] expected = hmac(signingKey(secret, auth), stringToSign);
        byte[] given = decodeSignature(auth.signature());
        if (given == null || !MessageDigest.isEqual(expected, given)) throw RequestException.signatureMismatch();
    }

    private byte[] signingKey(String secret, AuthorizationHeader auth) {
        ScopeKey k = new ScopeKey(secret, auth.date(), auth.region(), auth.service());
        byte[] key = signingKeys.get(k);
        if (key == null) {
            byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
            key = hmac(hmac(hmac(kDate, auth.region()), auth.service()), "aws4_request");
            if (signingKeys.size() >= MAX_CACHED_KEYS) signingKeys.clear();
            signingKeys.put(k, key);
        }
        return key;
    }

    static String canonicalRequest(String method, String uri, HttpHeaders headers, List<String> signedHeaders,
                                   String payloadHash) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        List<String> names = new ArrayList<>(signedHeaders);
        names.sort(null);
        StringBuilder sb = new StringBuilder(256).append(method).append('\n')
                .append(canonicalUri(path)).append('\n')
                .append(canonicalQuery(query)).append('\n');
        for (String name : names) {
            sb.append(name).append(':');
            List<String> values = headers.getAll(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) sb.append(',');
                appendTrimmed(sb, values.get(i));
            }
            sb.append('\n');
        }
        sb.append('\n').append(String.join(";", names)).append('\n').append(payloadHash);
        return sb.toString();
    }

    /** Dot segments removed, then every segment URI-encoded once more (AWS encodes the path twice). */
    static String canonicalUri(String path) {
        if (path.equals("/") || path.isEmpty()) return "/";
        String[] segments = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals(".")) {
                if (i == segments.length - 1) out.add("");
            } else if (s.equals("..")) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
                if (i == segments.length - 1) out.add("");
            } else {
                out.add(s);
            }
        }
        StringBuilder sb = new StringBuilder(path.length() + 8);
        for (String s : out) sb.append('/').append(encode(s));
        return sb.length() == 0 ? "/" : sb.toString();
    }

    static String canonicalQuery(String query) {
        if (query.isEmpty()) return "";
        List<String[]> params = new ArrayList<>();
        for (String p : query.split("&")) {
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq), value = eq < 0 ? "" : p.substring(eq + 1);
            params.add(new String[]{encode(decode(name)), encode(decode(value))});
        }
        params.sort((a, b) -> {
            int c = a[0].compareTo(b[0]);
            return c != 0 ? c : a[1].compareTo(b[1]);
        });
        StringBuilder sb = new StringBuilder(query.length() + 16);
        for (String[] p : params) {
            if (sb.length() > 0) sb.append('&');
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /** RFC 3986 encoding as SigV4 defines it: unreserved characters stay, everything else is %XX (upper case). */
    static String encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Percent-decoding only ('+' stays '+'); malformed escapes are kept literally. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi, lo;
            if (c == '%' && i + 2 < s.length() && (hi = Character.digit(s.charAt(i + 1), 16)) >= 0
                    && (lo = Character.digit(s.charAt(i + 2), 16)) >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Trims the value and collapses each run of spaces into one, as the canonical headers require. */
    private static void appendTrimmed(StringBuilder sb, String value) {
        int start = 0, end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) start++;
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) end--;
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                if (!space) sb.append(' ');
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
    }

    static String payloadHash(ByteBuf body) {
        MessageDigest md = SHA256.get();
        md.reset();
        if (body.isReadable()) {
            for (ByteBuffer b : body.nioBuffers(body.readerIndex(), body.readableBytes())) md.update(b);
        }
        return HEX.formatHex(md.digest());
    }

    private static byte[] sha256(byte[] data) {
        MessageDigest md = SHA256.get();
        md.reset();
        return md.digest(data);
    }

    private static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decodeSignature(String hex) {
        if (hex.length() != 64) return null;
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return null;
        }
        return HEX.parseHex(hex);
    }

    private static Instant parseBasic(String s) {
        if (s.length() == 16 && s.charAt(8) == 'T' && s.charAt(15) == 'Z') {
            try {
                return LocalDateTime.of(digits(s, 0, 4), digits(s, 4, 2), digits(s, 6, 2), digits(s, 9, 2),
                        digits(s, 11, 2), digits(s, 13, 2)).toInstant(ZoneOffset.UTC);
            } catch (RuntimeException ignored) {
                // falls through to the error below
            }
        }
        throw RequestException.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + s + "'. See "
                + "http://en.wikipedia.org/wiki/ISO_8601");
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException();
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
