package io.trent.policy;

/** One statement compiled into matchers. */
public interface CompiledStatement {
    Statement statement();

    /** Principal only. For statements without a Principal element (identity policies): IMPLICIT. */
    PrincipalMatch matchPrincipal(Caller caller);

    /** Fast path: does the whole statement (principal, action, resource, condition) apply? NONE if not. */
    PrincipalMatch match(EvalRequest request);

    /** Slow path with the first reason on mismatch; same answer as {@link #match}. */
    StatementResult explain(String policyName, EvalRequest request);
}
