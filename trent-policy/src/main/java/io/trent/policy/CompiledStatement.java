package io.trent.policy;

/** One statement compiled into matchers. Implementations are immutable, thread-safe, and never throw on a request. */
public interface CompiledStatement {
    Statement statement();

    /** Principal only. For statements without a Principal element (identity policies): IMPLICIT. */
    PrincipalMatch matchPrincipal(Caller caller);

    /**
     * Fast path: does the whole statement (principal, action, resource, condition) apply? NONE if not. Allocates only
     * to substitute policy variables and to read request dates, IPv6 addresses, binary and non-integer numbers.
     */
    PrincipalMatch match(EvalRequest request);

    /**
     * Slow path with the first reason on mismatch, checked in the order principal, action, resource, then conditions
     * in document order; same answer as {@link #match}, and {@code principalMatch} is NONE on a mismatch.
     */
    StatementResult explain(String policyName, EvalRequest request);
}
