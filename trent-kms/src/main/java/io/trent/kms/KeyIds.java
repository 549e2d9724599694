package io.trent.kms;

import java.util.regex.Pattern;

/**
 * The four ways a request names a key — key id, key ARN, alias name, alias ARN — and the ARN each resolves to.
 * Key ids and alias names always mean the caller's account; another account's key can only be named by ARN.
 */
final class KeyIds {
    private static final Pattern KEY_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    static final String ALIAS_PREFIX = "alias/";

    private KeyIds() {}

    /** A parsed identifier: the ARN of a key, or of an alias, and its parts (short forms: the caller's scope). */
    record Ref(String arn, boolean alias, Arn parts) {}

    /** A parsed KMS ARN. {@code resource} is {@code key/ID} or {@code alias/NAME}. */
    record Arn(String partition, String region, String account, String resource) {}

    static Ref parse(String identifier, Scope scope) {
        if (identifier.startsWith("arn:")) {
            Arn arn = parseArn(identifier);
            if (arn == null) throw invalid(identifier);
            if (arn.resource.startsWith("key/") && KEY_ID.matcher(arn.resource.substring(4)).matches())
                return new Ref(identifier, false, arn);
            if (arn.resource.startsWith(ALIAS_PREFIX) && arn.resource.length() > ALIAS_PREFIX.length())
                return new Ref(identifier, true, arn);
            throw invalid(identifier);
        }
        if (scope.account() == null) throw invalid(identifier);
        if (identifier.startsWith(ALIAS_PREFIX) && identifier.length() > ALIAS_PREFIX.length())
            return new Ref(scope.aliasArn(identifier), true, ofScope(scope, identifier));
        if (KEY_ID.matcher(identifier).matches())
            return new Ref(scope.keyArn(identifier), false, ofScope(scope, "key/" + identifier));
        throw invalid(identifier);
    }

    private static Arn ofScope(Scope scope, String resource) {
        return new Arn(scope.partition(), scope.region(), scope.account(), resource);
    }

    /** A KMS ARN in its parts, or null when {@code s} is not one. */
    static Arn parseArn(String s) {
        String[] p = s.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || p[1].isEmpty() || !p[2].equals("kms") || p[3].isEmpty()
                || !ACCOUNT.matcher(p[4]).matches() || p[5].isEmpty()) return null;
        return new Arn(p[1], p[3], p[4], p[5]);
    }

    static boolean isKeyId(String s) {
        return KEY_ID.matcher(s).matches();
    }

    static KmsException.NotFound invalid(String identifier) {
        return new KmsException.NotFound("Invalid keyId '" + identifier + "'");
    }

    /** A key ARN of another Region than the request's. */
    static KmsException.NotFound otherRegion(Arn arn) {
        return new KmsException.NotFound("Invalid arn " + arn.region());
    }

    static KmsException.NotFound keyNotFound(String keyArn) {
        return new KmsException.NotFound("Key '" + keyArn + "' does not exist");
    }

    static KmsException.NotFound aliasNotFound(String aliasArn) {
        return new KmsException.NotFound("Alias " + aliasArn + " is not found.");
    }
}
