package io.trent.policy;

/**
 * A statement compiled once into matchers. {@link #match} and {@link #explain} run the same side-effect-free checks,
 * so they always agree; {@link #explain} runs them in the order it reports (principal, action, resource, conditions
 * in document order), {@link #match} checks the action first, which {@link StatementIndex} may already have done.
 */
final class StatementMatcher implements CompiledStatement {
    private final Statement statement;
    private final PrincipalMatcher principal;
    private final ActionMatcher action;
    private final ResourceMatcher resource;
    private final ConditionMatcher[] conditions;

    StatementMatcher(Statement s, PolicyType type, boolean variables) {
        this.statement = s;
        this.principal = new PrincipalMatcher(s, type);
        this.action = new ActionMatcher(s.actions(), s.notAction());
        this.resource = new ResourceMatcher(s.resources(), s.notResource(), variables);
        this.conditions = new ConditionMatcher[s.conditions().size()];
        for (int i = 0; i < conditions.length; i++) conditions[i] = new ConditionMatcher(s.conditions().get(i), variables);
    }

    PrincipalMatcher principal() {
        return principal;
    }

    ActionMatcher action() {
        return action;
    }

    @Override
    public Statement statement() {
        return statement;
    }

    @Override
    public PrincipalMatch matchPrincipal(Caller caller) {
        return principal.match(caller);
    }

    @Override
    public PrincipalMatch match(EvalRequest request) {
        if (request == null || !action.matches(request.action())) return PrincipalMatch.NONE;
        return matchListed(request);
    }

    /** {@link #match} for a request whose action the statement is known to list. */
    PrincipalMatch matchListed(EvalRequest request) {
        PrincipalMatch p = principal.match(request.caller());
        if (p == PrincipalMatch.NONE) return PrincipalMatch.NONE;
        RequestContext ctx = request.context() == null ? RequestContext.empty() : request.context();
        if (!resource.matches(request.resource(), ctx)) return PrincipalMatch.NONE;
        for (ConditionMatcher c : conditions) if (!c.test(ctx)) return PrincipalMatch.NONE;
        return p;
    }

    /** On a mismatch {@code principalMatch} is NONE, as {@link #match} returns. */
    @Override
    public StatementResult explain(String policyName, EvalRequest request) {
        if (request == null) return miss(policyName, new Mismatch.Principal(null));
        PrincipalMatch p = principal.match(request.caller());
        if (p == PrincipalMatch.NONE)
            return miss(policyName, new Mismatch.Principal(request.caller() == null ? null : request.caller().arn()));
        if (!action.matches(request.action())) return miss(policyName, new Mismatch.Action(request.action()));
        RequestContext ctx = request.context() == null ? RequestContext.empty() : request.context();
        if (!resource.matches(request.resource(), ctx)) return miss(policyName, new Mismatch.Resource(request.resource()));
        for (ConditionMatcher c : conditions) if (!c.test(ctx)) return miss(policyName, c.mismatch(ctx));
        return new StatementResult(policyName, statement, true, p, null);
    }

    private StatementResult miss(String policyName, Mismatch why) {
        return new StatementResult(policyName, statement, false, PrincipalMatch.NONE, why);
    }

    @Override
    public String toString() {
        return "CompiledStatement[" + statement.label() + "]";
    }
}
