package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.policy.Caller;
import io.trent.policy.PrincipalMatch;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Grant semantics of §9: who a grant names, what it allows, its constraints and the child-grant rules. */
final class Grants {
    /** Actions a grant can allow (§9.1); RetireGrant is decided by {@link Authorizer} separately (§9.5). */
    private static final Set<String> GRANT_ACTIONS = Set.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
            "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:Sign", "kms:Verify", "kms:GenerateMac", "kms:VerifyMac",
            "kms:DeriveSharedSecret", "kms:GetPublicKey", "kms:DescribeKey", "kms:CreateGrant");

    /** Actions of operations with an EncryptionContext parameter: only these are subject to constraints (§9.3). */
    private static final Set<String> CONTEXT_ACTIONS = Set.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
            "kms:ReEncryptFrom", "kms:ReEncryptTo");

    private Grants() {}

    /** The grants of the key that allow the check, best principal match first-found per kind. */
    record Found(Grant direct, Grant role, Grant account) {}

    static Found find(AuthzCheck check, Caller.Iam caller, JsonNode params) {
        KmsKey key = check.key();
        if (key == null || !GRANT_ACTIONS.contains(check.action())) return null;
        Grant role = null, account = null;
        for (Grant g : key.grants()) {
            if (g.keyArn() != null && !g.keyArn().equals(key.arn())) continue;
            PrincipalMatch m = matchPrincipal(g.granteePrincipal(), caller);
            if (m == PrincipalMatch.NONE || (m == PrincipalMatch.ROLE && role != null)
                    || (m == PrincipalMatch.ACCOUNT && account != null)) continue;
            if (!listsAction(g.operations(), check.action())) continue;
            if (check.action().equals("kms:CreateGrant")) {
                if (!childGrantAllowed(g, params)) continue;
            } else if (CONTEXT_ACTIONS.contains(check.action()) && !constraintsHold(g, check.encryptionContext())) {
                continue;
            }
            switch (m) {
                case DIRECT -> { return new Found(g, null, null); }
                case ROLE -> role = g;
                default -> account = g;
            }
        }
        return role == null && account == null ? null : new Found(null, role, account);
    }

    /** The grant a RetireGrant request names (GrantId, else a GrantToken equal to the grant id), or null. */
    static Grant retiredGrant(KmsKey key, JsonNode params) {
        if (key == null || params == null) return null;
        String id = RequestContextBuilder.text(params.path("GrantId"));
        if (id == null) id = RequestContextBuilder.text(params.path("GrantToken"));
        if (id == null) return null;
        for (Grant g : key.grants()) if (id.equals(g.grantId())) return g;
        return null;
    }

    /**
     * How a grant's principal (account, user, role, assumed-role session or federated user ARN, §9.1) names the
     * caller, per §2.2: DIRECT, ROLE (the caller is a session of the role), ACCOUNT (the caller's account,
     * including its root user) or NONE.
     */
    static PrincipalMatch matchPrincipal(String principal, Caller.Iam caller) {
        if (principal == null || caller == null) return PrincipalMatch.NONE;
        if (caller.type() != Caller.IamType.ROOT && principal.equals(caller.arn())) return PrincipalMatch.DIRECT;
        if (principal.equals(caller.account())) return PrincipalMatch.ACCOUNT;
        String partition = caller.partition(), account = caller.account();
        int pl = partition.length(), al = account.length();
        if (!principal.startsWith("arn:") || !principal.regionMatches(4, partition, 0, pl)
                || !principal.startsWith(":iam::", 4 + pl) || !principal.regionMatches(10 + pl, account, 0, al)
                || principal.length() <= 11 + pl + al || principal.charAt(10 + pl + al) != ':')
            return PrincipalMatch.NONE;
        int rest = 11 + pl + al;
        if (principal.length() == rest + 4 && principal.startsWith("root", rest)) return PrincipalMatch.ACCOUNT;
        if (caller.type() == Caller.IamType.ASSUMED_ROLE && principal.startsWith("role/", rest)) {
            String role = caller.name();
            int slash = principal.length() - role.length() - 1;
            if (slash >= rest + 4 && principal.charAt(slash) == '/' && principal.endsWith(role))
                return PrincipalMatch.ROLE;
        }
        return PrincipalMatch.NONE;
    }

    private static boolean listsAction(List<String> operations, String action) {
        int n = action.length() - 4;
        for (String op : operations)
            if (op != null && op.length() == n && action.regionMatches(4, op, 0, n)) return true;
        return false;
    }

    /** §9.3: keys compared ignoring case, values exactly; an empty constraint map is no constraint. */
    static boolean constraintsHold(Grant g, JsonNode requestContext) {
        Map<String, String> subset = g.encryptionContextSubset(), equals = g.encryptionContextEquals();
        if (subset != null && !subset.isEmpty() && !containsAll(requestContext, subset)) return false;
        if (equals != null && !equals.isEmpty()
                && (requestContext == null || requestContext.size() != equals.size()
                || !containsAll(requestContext, equals))) return false;
        return true;
    }

    /** §9.4: a grant that allows CreateGrant only allows children within its operations and constraints. */
    static boolean childGrantAllowed(Grant parent, JsonNode params) {
        JsonNode ops = params == null ? null : params.path("Operations");
        if (ops == null || !ops.isArray()) return false;
        for (JsonNode op : ops) if (!op.isTextual() || !parent.operations().contains(op.textValue())) return false;
        JsonNode constraints = params.path("Constraints");
        JsonNode childSubset = objectOrNull(constraints.path("EncryptionContextSubset"));
        JsonNode childEquals = objectOrNull(constraints.path("EncryptionContextEquals"));
        Map<String, String> subset = parent.encryptionContextSubset(), equals = parent.encryptionContextEquals();
        if (subset != null && !subset.isEmpty()
                && !containsAll(childSubset, subset) && !containsAll(childEquals, subset)) return false;
        if (equals != null && !equals.isEmpty() && (childEquals == null || childEquals.size() != equals.size()
                || !containsAll(childEquals, equals))) return false;
        return true;
    }

    private static JsonNode objectOrNull(JsonNode n) {
        return n.isObject() ? n : null;
    }

    /** Every pair of {@code required} is in {@code context} (key ignoring case, value exactly). */
    private static boolean containsAll(JsonNode context, Map<String, String> required) {
        if (context == null || !context.isObject()) return false;
        for (Map.Entry<String, String> need : required.entrySet()) {
            boolean found = false;
            for (Map.Entry<String, JsonNode> have : context.properties()) {
                if (have.getKey().equalsIgnoreCase(need.getKey()) && have.getValue().isTextual()
                        && have.getValue().textValue().equals(need.getValue())) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }
}
