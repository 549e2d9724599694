package io.trent.policy;

/** Parsing of caller ARNs, by hand: callers are parsed per request, so no regular expressions. */
final class Callers {
    private Callers() {}

    static Caller.Iam parseIam(String arn) {
        Caller.Iam caller = arn == null ? null : tryParse(arn);
        if (caller == null)
            throw new IllegalArgumentException("not a caller ARN (root, user, assumed-role or federated-user): " + arn);
        return caller;
    }

    /** arn:PARTITION:(iam|sts)::ACCOUNT:REST with a lower-case partition and a 12-digit account, else null. */
    private static Caller.Iam tryParse(String arn) {
        if (!arn.startsWith("arn:")) return null;
        int p = arn.indexOf(':', 4);
        if (p <= 4) return null;
        for (int i = 4; i < p; i++) {
            char c = arn.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '-')) return null;
        }
        String partition = arn.substring(4, p);
        boolean iam = arn.startsWith(":iam::", p), sts = arn.startsWith(":sts::", p);
        if (!iam && !sts) return null;
        int a = p + 6;
        if (arn.length() < a + 13 || arn.charAt(a + 12) != ':') return null;
        String account = arn.substring(a, a + 12);
        if (!Principals.isAccountId(account)) return null;
        String rest = arn.substring(a + 13);
        if (iam) {
            if (rest.equals("root")) return new Caller.Iam(arn, partition, account, Caller.IamType.ROOT, account, null);
            if (rest.startsWith("user/") && rest.length() > 5)
                return new Caller.Iam(arn, partition, account, Caller.IamType.USER, rest.substring(5), null);
            return null;
        }
        if (rest.startsWith("assumed-role/")) {
            String[] parts = rest.substring(13).split("/", -1);
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty())
                return new Caller.Iam(arn, partition, account, Caller.IamType.ASSUMED_ROLE, parts[0], parts[1]);
        }
        if (rest.startsWith("federated-user/") && rest.length() > 15)
            return new Caller.Iam(arn, partition, account, Caller.IamType.FEDERATED_USER, rest.substring(15), null);
        return null;
    }
}
