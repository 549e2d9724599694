package io.trent.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(policy, "policy");
        List<CompiledStatement> statements = new ArrayList<>(policy.statements().size());
        for (Statement s : policy.statements())
            statements.add(new StatementMatcher(s, policy.type(), policy.variablesEnabled()));
        return new CompiledPolicy(policy, List.copyOf(statements));
    }

    public Policy policy() {
        return policy;
    }

    public List<CompiledStatement> statements() {
        return statements;
    }
}
