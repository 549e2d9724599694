package io.trent.kms;

import io.trent.policy.CompiledPolicy;
import io.trent.policy.Diagnostic;
import io.trent.policy.DiagnosticCode;
import io.trent.policy.ParseResult;
import io.trent.policy.Policy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import io.trent.policy.PrincipalEntry;
import io.trent.policy.Statement;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The validation of key policies before they are stored (§1.5 rows 1-9; row 10, the lockout check, is the Authorizer's). */
final class PolicyValidation {
    static final String INVALID_PRINCIPALS = "Policy contains a statement with one or more invalid principals.";
    static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";

    /** Order of the rows of §1.5: the first failing row is reported. */
    private static final Map<DiagnosticCode, Integer> ROW = new EnumMap<>(Map.ofEntries(
            Map.entry(DiagnosticCode.SIZE_LIMIT_EXCEEDED, 1),
            Map.entry(DiagnosticCode.MALFORMED_POLICY, 2),
            Map.entry(DiagnosticCode.DUPLICATE_KEY, 2),
            Map.entry(DiagnosticCode.INVALID_VERSION, 3),
            Map.entry(DiagnosticCode.INVALID_PRINCIPAL, 5),
            Map.entry(DiagnosticCode.INVALID_ACTION, 6),
            Map.entry(DiagnosticCode.INVALID_RESOURCE, 6),
            Map.entry(DiagnosticCode.UNKNOWN_OPERATOR, 7),
            Map.entry(DiagnosticCode.INVALID_CONDITION_VALUE, 7),
            Map.entry(DiagnosticCode.OVERLY_PERMISSIVE_CONDITION, 8),
            Map.entry(DiagnosticCode.CONDITION_KEY_NOT_PERMITTED, 9)));

    private PolicyValidation() {}

    /**
     * Parses and validates a key policy for storing: size (LimitExceededException), grammar, principals known to
     * the directory (MalformedPolicyDocumentException with AWS's messages). The lockout check is separate.
     */
    static Policy validate(String text, PrincipalDirectory principals) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PolicyParser.MAX_KEY_POLICY_BYTES)
            throw new KmsException.LimitExceeded("The key policy is " + bytes + " bytes; the maximum is "
                    + PolicyParser.MAX_KEY_POLICY_BYTES + " bytes");
        ParseResult parsed = PolicyParser.parse(text, PolicyType.KEY_POLICY);
        if (!parsed.ok()) throw rejection(parsed.diagnostics());
        Policy policy = parsed.policy();
        for (Statement s : policy.statements())
            if (s.principals() != null)
                for (PrincipalEntry e : s.principals())
                    if (!known(e, principals)) throw new KmsException.MalformedPolicyDocument(INVALID_PRINCIPALS);
        return policy;
    }

    /** The stored policy compiled for authorization, or null when it no longer parses (such a key denies). */
    static CompiledPolicy compileStored(String text) {
        ParseResult parsed = PolicyParser.parse(text, PolicyType.KEY_POLICY);
        return parsed.ok() ? CompiledPolicy.compile(parsed.policy()) : null;
    }

    private static boolean known(PrincipalEntry e, PrincipalDirectory principals) {
        if (e instanceof PrincipalEntry.User u) return principals.exists(u.raw());
        if (e instanceof PrincipalEntry.Role r) return principals.exists(r.raw());
        if (e instanceof PrincipalEntry.AssumedRole a)
            return principals.exists("arn:" + a.partition() + ":iam::" + a.accountId() + ":role/" + a.roleName());
        return true;
    }

    private static KmsException rejection(List<Diagnostic> diagnostics) {
        Diagnostic first = diagnostics.stream()
                .min(Comparator.comparingInt(d -> ROW.getOrDefault(d.code(), 2))).orElseThrow();
        return switch (first.code()) {
            case SIZE_LIMIT_EXCEEDED -> new KmsException.LimitExceeded(first.message());
            case INVALID_PRINCIPAL -> new KmsException.MalformedPolicyDocument(INVALID_PRINCIPALS);
            case OVERLY_PERMISSIVE_CONDITION -> new KmsException.MalformedPolicyDocument(first.message());
            case CONDITION_KEY_NOT_PERMITTED -> new KmsException.MalformedPolicyDocument(
                    "These condition keys are not permitted in a key policy: " + diagnostics.stream()
                            .filter(d -> d.code() == DiagnosticCode.CONDITION_KEY_NOT_PERMITTED)
                            .map(d -> conditionKey(d.path())).distinct().collect(Collectors.joining(", ")));
            default -> new KmsException.MalformedPolicyDocument(first.toString());
        };
    }

    /** The condition key at the end of a path like {@code $.Statement[0].Condition.StringEquals.aws:ResourceTag/x}. */
    private static String conditionKey(String path) {
        int marker = path.indexOf(".Condition.");
        if (marker < 0) return path;
        String rest = path.substring(marker + ".Condition.".length());
        int bracket = rest.indexOf("['"), dot = rest.indexOf('.');
        if (bracket >= 0 && (dot < 0 || bracket < dot))
            return rest.substring(bracket + 2, rest.endsWith("']") ? rest.length() - 2 : rest.length())
                    .replace("\\'", "'");
        return dot < 0 ? rest : rest.substring(dot + 1);
    }
}
