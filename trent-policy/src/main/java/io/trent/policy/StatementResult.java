package io.trent.policy;

/**
 * How one statement fared against one request.
 *
 * @param policyName which policy the statement belongs to (e.g. "key policy", "identity policy alice/inline-0")
 * @param mismatch   null when {@code matched}
 */
public record StatementResult(String policyName, Statement statement, boolean matched, PrincipalMatch principalMatch,
                              Mismatch mismatch) {
    public Effect effect() {
        return statement.effect();
    }

    /** "key policy statement 'Sid'" style reference. */
    public String ref() {
        return policyName + " statement " + (statement.sid() != null && !statement.sid().isEmpty()
                ? "'" + statement.sid() + "'" : "#" + statement.index());
    }
}
