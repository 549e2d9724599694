package io.trent.policy;

import java.util.List;
import java.util.Objects;

/**
 * A policy compiled once into matchers. Thread-safe and immutable; evaluating never throws on any request and never
 * compiles patterns per request.
 */
public final class CompiledPolicy {
    /** Receives the statements that apply to a request. */
    @FunctionalInterface
    public interface Matches {
        void matched(CompiledStatement statement, PrincipalMatch match);
    }

    private final Policy policy;
    private final List<CompiledStatement> statements;
    private final StatementIndex index;

    private CompiledPolicy(Policy policy, StatementMatcher[] matchers) {
        this.policy = policy;
        this.statements = List.<CompiledStatement>of(matchers);
        this.index = StatementIndex.of(matchers);
    }

    public static CompiledPolicy compile(Policy policy) {
        Objects.requireNonNull(policy, "policy");
        StatementMatcher[] matchers = new StatementMatcher[policy.statements().size()];
        for (int i = 0; i < matchers.length; i++)
            matchers[i] = new StatementMatcher(policy.statements().get(i), policy.type(), policy.variablesEnabled());
        return new CompiledPolicy(policy, matchers);
    }

    public Policy policy() {
        return policy;
    }

    public List<CompiledStatement> statements() {
        return statements;
    }

    /**
     * Calls {@code out} with every statement whose {@link CompiledStatement#match} is not NONE, in document order: the
     * same statements as matching each one, but without looking at statements that name neither the request's caller
     * nor any caller, or do not list its action.
     */
    public void forEachMatch(EvalRequest request, Matches out) {
        index.forEachMatch(request, out);
    }
}
