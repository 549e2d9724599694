package io.trent.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Callers {
    private static final Pattern IAM = Pattern.compile("arn:([a-z-]+):(iam|sts)::(\\d{12}):(.+)");

    private Callers() {}

    static Caller.Iam parseIam(String arn) {
        Matcher m = IAM.matcher(arn == null ? "" : arn);
        if (!m.matches()) throw new IllegalArgumentException("not an IAM principal ARN: " + arn);
        String partition = m.group(1), service = m.group(2), account = m.group(3), rest = m.group(4);
        if (service.equals("iam")) {
            if (rest.equals("root")) return new Caller.Iam(arn, partition, account, Caller.IamType.ROOT, account, null);
            if (rest.startsWith("user/") && rest.length() > 5)
                return new Caller.Iam(arn, partition, account, Caller.IamType.USER, rest.substring(5), null);
        } else {
            if (rest.startsWith("assumed-role/")) {
                String[] parts = rest.substring(13).split("/", -1);
                if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty())
                    return new Caller.Iam(arn, partition, account, Caller.IamType.ASSUMED_ROLE, parts[0], parts[1]);
            }
            if (rest.startsWith("federated-user/") && rest.length() > 15)
                return new Caller.Iam(arn, partition, account, Caller.IamType.FEDERATED_USER, rest.substring(15), null);
        }
        throw new IllegalArgumentException("not a caller ARN (root, user, assumed-role or federated-user): " + arn);
    }
}
