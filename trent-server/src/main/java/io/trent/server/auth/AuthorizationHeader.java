package io.trent.server.auth;

import io.trent.server.RequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date,
 * Signature=hex}.
 *
 * @param signedHeaders lower-case header names, in the order the client listed them
 */
public record AuthorizationHeader(String accessKeyId, String date, String region, String service,
                                  List<String> signedHeaders, String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    public AuthorizationHeader {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** The credential scope: {@code date/region/service/aws4_request}. */
    public String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    public boolean signs(String lowerCaseHeader) {
        return signedHeaders.contains(lowerCaseHeader);
    }

    /** Parses the header; structural problems are IncompleteSignatureException as AWS reports them. */
    public static AuthorizationHeader parse(String header) {
        int space = header.indexOf(' ');
        String algorithm = space < 0 ? header : header.substring(0, space);
        if (!algorithm.equals(ALGORITHM))
            throw RequestException.incompleteSignature("Unsupported AWS 'algorithm': '" + algorithm
                    + "'. Only " + ALGORITHM + " is supported.");
        String credential = null, signedHeaders = null, signature = null;
        for (String part : header.substring(space + 1).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            if (eq <= 0)
                throw RequestException.incompleteSignature("Authorization header requires each component to be of "
                        + "the form name=value, got '" + p + "'.");
            String name = p.substring(0, eq), value = p.substring(eq + 1);
            switch (name) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> throw RequestException.incompleteSignature("Authorization header has an unknown "
                        + "component '" + name + "'.");
            }
        }
        StringBuilder missing = new StringBuilder();
        if (credential == null || credential.isEmpty()) missing.append("Authorization header requires 'Credential' parameter. ");
        if (signature == null || signature.isEmpty()) missing.append("Authorization header requires 'Signature' parameter. ");
        if (signedHeaders == null || signedHeaders.isEmpty()) missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        if (missing.length() > 0) throw RequestException.incompleteSignature(missing.toString().trim());

        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty())
            throw RequestException.incompleteSignature("Credential must have the form "
                    + "<access key id>/<date>/<region>/<service>/aws4_request.");
        if (!scope[4].equals("aws4_request"))
            throw RequestException.invalidSignature("Credential should be scoped with a valid terminator: "
                    + "'aws4_request', not '" + scope[4] + "'.");
        if (!isDate(scope[1]))
            throw RequestException.invalidSignature("Credential should be scoped to a valid date (YYYYMMDD), not '"
                    + scope[1] + "'.");
        if (!isRegion(scope[2]))
            throw RequestException.invalidSignature("Credential should be scoped to a valid region, not '"
                    + scope[2] + "'.");

        List<String> names = new ArrayList<>();
        for (String h : signedHeaders.split(";", -1)) {
            if (h.isEmpty() || !h.equals(h.toLowerCase(Locale.ROOT)))
                throw RequestException.incompleteSignature("SignedHeaders must be lower-case header names separated "
                        + "by ';'.");
            names.add(h);
        }
        if (!names.contains("host"))
            throw RequestException.incompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], names, signature);
    }

    private static boolean isDate(String s) {
        if (s.length() != 8) return false;
        for (int i = 0; i < 8; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /** A region name shaped like AWS's: us-east-1, us-gov-west-1, ap-southeast-5, eu-isoe-west-1. */
    static boolean isRegion(String s) {
        String[] parts = s.split("-", -1);
        if (parts.length < 3 || s.length() > 32 || parts[0].length() != 2) return false;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) return false;
            boolean last = i == parts.length - 1;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (last ? c < '0' || c > '9' : c < 'a' || c > 'z') return false;
            }
        }
        return true;
    }
}
