package io.trent.policy;

/** Syntax of Principal/NotPrincipal entries (sections 1.1, 1.5 row 5 and 2.2). */
final class Principals {
    static final String EXPECTED_AWS = "\"*\", a 12-digit account ID, or an IAM root/user/role, STS assumed-role or "
            + "federated-user ARN, without wildcards";
    static final String EXPECTED_SERVICE = "a service principal such as cloudtrail.amazonaws.com";

    private Principals() {}

    /**
     * Classifies one entry.
     *
     * @param type the principal type as written: AWS, Service, Federated or CanonicalUser
     * @throws IllegalArgumentException when the entry is invalid, with the reason
     */
    static PrincipalEntry parse(String type, String value) {
        return switch (type) {
            case "AWS" -> aws(value);
            case "Service" -> service(value);
            case "Federated", "CanonicalUser" -> {
                if (value.isEmpty()) throw new IllegalArgumentException("empty " + type + " principal");
                yield new PrincipalEntry.Inert(type, value);
            }
            default -> throw new IllegalArgumentException("unknown principal type " + type);
        };
    }

    private static PrincipalEntry aws(String v) {
        if (v.equals("*")) return new PrincipalEntry.Everyone(v);
        if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0)
            throw new IllegalArgumentException("partial wildcards are not allowed in principals");
        if (isAccountId(v)) return new PrincipalEntry.Account(v, "aws", v);
        String[] f = v.split(":", 6);
        if (f.length != 6 || !f[0].equals("arn") || !isPartition(f[1]) || !f[3].isEmpty() || !isAccountId(f[4]))
            throw new IllegalArgumentException("not an account ID or an IAM/STS principal ARN");
        String partition = f[1], account = f[4], resource = f[5];
        if (f[2].equals("iam")) {
            if (resource.equals("root")) return new PrincipalEntry.Account(v, partition, account);
            if (resource.startsWith("user/") && isNamePath(resource, 5))
                return new PrincipalEntry.User(v, partition, account, resource.substring(5));
            if (resource.startsWith("role/") && isNamePath(resource, 5))
                return new PrincipalEntry.Role(v, partition, account, resource.substring(resource.lastIndexOf('/') + 1));
        } else if (f[2].equals("sts")) {
            if (resource.startsWith("assumed-role/")) {
                String[] rs = resource.substring(13).split("/", -1);
                if (rs.length == 2 && isName(rs[0]) && isName(rs[1]))
                    return new PrincipalEntry.AssumedRole(v, partition, account, rs[0], rs[1]);
            }
            if (resource.startsWith("federated-user/") && isName(resource.substring(15)))
                return new PrincipalEntry.FederatedUser(v, partition, account, resource.substring(15));
        }
        throw new IllegalArgumentException("not a root, user, role, assumed-role or federated-user ARN");
    }

    private static PrincipalEntry service(String v) {
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        String base = lower.endsWith(".amazonaws.com") ? lower.substring(0, lower.length() - 14)
                : lower.endsWith(".amazonaws.com.cn") ? lower.substring(0, lower.length() - 17) : null;
        if (base == null || base.isEmpty() || base.startsWith(".") || base.endsWith(".") || base.contains(".."))
            throw new IllegalArgumentException("not a service principal name");
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'))
                throw new IllegalArgumentException("not a service principal name");
        }
        return new PrincipalEntry.Service(v);
    }

    static boolean isAccountId(String s) {
        if (s.length() != 12) return false;
        for (int i = 0; i < 12; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static boolean isPartition(String s) {
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) return false;
        }
        return true;
    }

    /** "path/.../Name" after the prefix: non-empty segments of IAM name characters. */
    private static boolean isNamePath(String s, int from) {
        if (from >= s.length()) return false;
        for (String segment : s.substring(from).split("/", -1)) if (!isName(segment)) return false;
        return true;
    }

    /** IAM user, role and session names: letters, digits and {@code +=,.@_-}. */
    private static boolean isName(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || "+=,.@_-".indexOf(c) >= 0)) return false;
        }
        return true;
    }
}
