package io.trent.policy;

import java.util.List;

/**
 * Outcome of parsing. {@code policy} is null whenever {@code diagnostics} is non-empty: a document with any
 * problem is never evaluated (fail closed).
 */
public record ParseResult(Policy policy, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
        if (!diagnostics.isEmpty()) policy = null;
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }

    /** The policy, or a {@link PolicyException} listing every diagnostic. */
    public Policy orThrow() {
        if (!ok()) throw new PolicyException(diagnostics);
        return policy;
    }
}
