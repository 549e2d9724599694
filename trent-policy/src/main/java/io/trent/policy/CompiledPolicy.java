package io.trent.policy;

import java.util.List;

/**
 * A policy compiled once into matchers. Thread-safe and immutable; evaluating never throws on any request and never
 * compiles patterns per request.
 */
public final class CompiledPolicy {
    private final Policy policy;
    private final List<CompiledStatement> statements;

    private CompiledPolicy(Policy policy, List<CompiledStatement> statements) {
        this.policy = policy;
        this.statements = statements;
    }

    public static CompiledPolicy compile(Policy policy) {
        throw new UnsupportedOperationException("TODO");
    }

    public Policy policy() {
        return policy;
    }

    public List<CompiledStatement> statements() {
        return statements;
    }
}
