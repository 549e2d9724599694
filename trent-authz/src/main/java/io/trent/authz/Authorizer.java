package io.trent.authz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trent.authz.AuthzCheck.Scope;
import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import io.trent.policy.CompiledStatement;
import io.trent.policy.Effect;
import io.trent.policy.EvalRequest;
import io.trent.policy.PrincipalMatch;
import io.trent.policy.Statement;
import io.trent.policy.StatementResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one entry point that decides KMS requests, used by the server, the simulator and the analyzer (§5 of the
 * reference). Never throws for any request; anything it cannot decide denies.
 */
public final class Authorizer {
    static final String KEY_POLICY = "key policy";

    private final Identities identities;

    public Authorizer(Identities identities) {
        this.identities = identities == null ? Identities.NONE : identities;
    }

    /** Derives the request's checks (§6) and decides them. */
    public Decision authorize(KmsRequest request) {
        try {
            Map<String, String> tags = request.caller() instanceof Caller.Iam iam
                    ? identities.principalTags(iam) : null;
            return decide(request, RequestContextBuilder.checks(request, tags == null ? Map.of() : tags));
        } catch (RuntimeException e) {
            return failure(request, e);
        }
    }

    /**
     * Decides checks already derived by {@link RequestContextBuilder#checks} (the simulator drops the checks of keys
     * a case does not describe). Any explicit deny wins, else any implicit deny, else Allow; no checks deny.
     */
    public Decision decide(KmsRequest request, List<AuthzCheck> checks) {
        try {
            if (checks.isEmpty()) return failure(request, null);
            Caller caller = request.caller();
            IamSide iam = caller instanceof Caller.Iam user ? IamSide.load(identities, user) : null;
            List<CheckResult> results = new ArrayList<>(checks.size());
            CheckResult explicit = null, implicit = null;
            for (AuthzCheck check : checks) {
                CheckResult r = evaluate(request, caller, iam, check);
                results.add(r);
                if (r.outcome == Outcome.EXPLICIT_DENY && explicit == null) explicit = r;
                if (r.outcome == Outcome.IMPLICIT_DENY && implicit == null) implicit = r;
            }
            CheckResult deciding = explicit != null ? explicit : implicit;
            Outcome outcome = deciding == null ? Outcome.ALLOW : deciding.outcome;
            String message = deciding == null ? null : deciding.message(caller);
            return new Decision(outcome,
                    new LazyList<>(() -> reasons(results, outcome)),
                    new LazyList<>(() -> notApplied(caller, iam, results)),
                    message,
                    new LazyList<>(() -> results.stream()
                            .map(r -> r.check.label() + ": " + r.outcome.caseName()).toList()));
        } catch (RuntimeException e) {
            return failure(request, e);
        }
    }

    /**
     * The policy lockout safety check (§10.2): would {@code newPolicy}, as the policy of {@code key}, allow the caller
     * of {@code live} to call PutKeyPolicy on the key afterwards? Evaluated with the live request's caller and global
     * keys (time, source IP, via service...) and without kms:BypassPolicyLockoutSafetyCheck. For CreateKey,
     * {@code key} describes the key being created.
     */
    public Decision lockoutCheck(KmsRequest live, KmsKey key, CompiledPolicy newPolicy) {
        KmsKey target = new KmsKey(key.arn(), key.keyId(), key.account(), key.region(), newPolicy, key.keySpec(),
                key.keyUsage(), key.origin(), key.multiRegion(), key.multiRegionKeyType(), key.tags(), key.aliases(),
                key.grants());
        return authorize(new KmsRequest(KmsOperation.PutKeyPolicy.name(), JsonNodeFactory.instance.objectNode(),
                live.caller(), live.transport(), target, null));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Where a denial comes from, in the order §5.6 reports them. */
    enum Source {
        SCP("a", "service control policy"),
        KEY_POLICY("a", "resource-based policy"),
        IDENTITY("an", "identity-based policy"),
        BOUNDARY("a", "permissions boundary"),
        SESSION("a", "session policy"),
        REFUSED(null, null);

        final String article, phrase;

        Source(String article, String phrase) {
            this.article = article;
            this.phrase = phrase;
        }
    }

    /**
     * A statement, grant or other fact that decided a check.
     *
     * @param fact set for facts that are not statements or grants (a failed SCP gate, the root user)
     */
    private record Hit(String source, Statement statement, PrincipalMatch match, Grant grant, String fact) {
        static final Hit ROOT = new Hit("account root user", null, null, null,
                "has every permission its account's identity policies could grant");

        static Hit statement(String policy, Statement s, PrincipalMatch m) {
            return new Hit(policy, s, m, null, null);
        }

        Decision.Reason reason(AuthzCheck check) {
            if (fact != null) return new Decision.Reason(source, fact);
            String on = on(check);
            if (grant != null)
                return new Decision.Reason(source,
                        "allows " + check.action() + on + " to grantee " + grant.granteePrincipal());
            String ref = new StatementResult(source, statement, true, match, null).ref();
            String how = switch (match) {
                case ACCOUNT -> statement.effect() == Effect.ALLOW
                        ? " (account principal: delegated to the account's identity policies)" : " (account principal)";
                case ROLE -> " (role principal)";
                case EVERYONE -> " (every principal)";
                case DIRECT -> " (names the caller)";
                default -> "";
            };
            return new Decision.Reason(ref,
                    (statement.effect() == Effect.ALLOW ? "allows " : "denies ") + check.action() + on + how);
        }
    }

    private record CheckResult(AuthzCheck check, Outcome outcome, Source source, List<Hit> hits) {
        String message(Caller caller) {
            String who = caller == null ? "anonymous" : caller.arn();
            StringBuilder s = new StringBuilder(160).append("User: ").append(who)
                    .append(" is not authorized to perform: ").append(check.action());
            if (check.scope() != Scope.IDENTITY) s.append(" on resource: ").append(check.resource());
            if (source == Source.REFUSED) return s.append(" because ").append(check.refusal()).toString();
            if (outcome == Outcome.EXPLICIT_DENY)
                return s.append(" with an explicit deny in ").append(source.article).append(' ').append(source.phrase)
                        .toString();
            return s.append(" because no ").append(source.phrase).append(" allows the ").append(check.action())
                    .append(" action").toString();
        }
    }

    /** The IAM side of an IAM caller, fetched once per request. */
    private record IamSide(List<NamedPolicy> identity, NamedPolicy boundary, NamedPolicy session,
                           List<NamedPolicy> scps) {
        static IamSide load(Identities ids, Caller.Iam caller) {
            List<NamedPolicy> identity = ids.identityPolicies(caller);
            List<NamedPolicy> scps = ids.serviceControlPolicies(caller.account());
            return new IamSide(identity == null ? List.of() : identity, ids.permissionsBoundary(caller),
                    ids.sessionPolicy(caller), scps == null ? List.of() : scps);
        }
    }

    /** What the statements of one kind of policy said about one check. */
    private static final class Acc implements CompiledPolicy.Matches {
        List<Hit> denies;
        Hit allow;
        Hit direct, role, account;
        /** The policy being scanned. */
        private String name;
        private boolean keyPolicy;

        void scan(String name, CompiledPolicy policy, EvalRequest req, boolean keyPolicy) {
            if (policy == null) return;
            this.name = name;
            this.keyPolicy = keyPolicy;
            policy.forEachMatch(req, this);
        }

        @Override
        public void matched(CompiledStatement cs, PrincipalMatch m) {
            Statement st = cs.statement();
            if (st.effect() == Effect.DENY) {
                if (denies == null) denies = new ArrayList<>(2);
                denies.add(Hit.statement(name, st, m));
            } else if (!keyPolicy) {
                if (allow == null) allow = Hit.statement(name, st, m);
            } else {
                switch (m) {
                    case EVERYONE, DIRECT -> { if (direct == null) direct = Hit.statement(name, st, m); }
                    case ROLE -> { if (role == null) role = Hit.statement(name, st, m); }
                    case ACCOUNT -> { if (account == null) account = Hit.statement(name, st, m); }
                    default -> { } // IMPLICIT cannot come from a key policy (Principal is required): ignore
                }
            }
        }

        void scan(List<NamedPolicy> policies, EvalRequest req) {
            for (NamedPolicy p : policies) if (p != null) scan(p.name(), p.policy(), req, false);
        }
    }

    /** The IAM-side evaluation of one check for an IAM caller: SCPs, identity policies, boundary, session policy. */
    private static final class IamEval {
        /** The sources of {@link #explicitDeny}'s accumulators, in report order. */
        private static final Source[] DENY_ORDER =
                {Source.SCP, Source.KEY_POLICY, Source.IDENTITY, Source.BOUNDARY, Source.SESSION};
        final Acc scp = new Acc(), ip = new Acc(), pb = new Acc(), sp = new Acc();
        final boolean root, idAllow, pbOK, spOK, scpGateFails;

        IamEval(Caller.Iam caller, IamSide side, EvalRequest req) {
            scp.scan(side.scps, req);
            ip.scan(side.identity, req);
            if (side.boundary != null) pb.scan(side.boundary.name(), side.boundary.policy(), req, false);
            if (side.session != null) sp.scan(side.session.name(), side.session.policy(), req, false);
            root = caller.type() == Caller.IamType.ROOT;
            idAllow = root || ip.allow != null;
            pbOK = root || side.boundary == null || pb.allow != null;
            spOK = root || side.session == null || sp.allow != null;
            scpGateFails = !side.scps.isEmpty() && scp.allow == null;
        }

        /** The first gate a path fails: IDENTITY (when the path needs an identity-policy Allow), BOUNDARY, SESSION. */
        Source firstFailure(boolean needsIdentity) {
            if (needsIdentity && !idAllow) return Source.IDENTITY;
            if (!pbOK) return Source.BOUNDARY;
            if (!spOK) return Source.SESSION;
            return null;
        }

        /**
         * Adds the Allow statements a path relies on besides its key-policy statement or grant: the identity policy
         * (when the path needs one), boundary and session policy (when they limit the path), and the SCP.
         */
        List<Hit> gates(List<Hit> hits, boolean identity, boolean limited) {
            if (identity && root) hits.add(Hit.ROOT);
            else if (identity && ip.allow != null) hits.add(ip.allow);
            if (limited && pb.allow != null) hits.add(pb.allow);
            if (limited && sp.allow != null) hits.add(sp.allow);
            if (scp.allow != null) hits.add(scp.allow);
            return hits;
        }

        /** Explicit denies of every source, or null; the first non-empty source in report order decides. */
        CheckResult explicitDeny(AuthzCheck check, Acc kp) {
            Source first = null;
            List<Hit> all = null;
            Acc[] accs = {scp, kp, ip, pb, sp};
            for (int i = 0; i < accs.length; i++) {
                if (accs[i] == null || accs[i].denies == null) continue;
                if (first == null) {
                    first = DENY_ORDER[i];
                    all = new ArrayList<>();
                }
                all.addAll(accs[i].denies);
            }
            if (first != null) return new CheckResult(check, Outcome.EXPLICIT_DENY, first, all);
            if (scpGateFails)
                return new CheckResult(check, Outcome.EXPLICIT_DENY, Source.SCP,
                        List.of(new Hit("service control policies", null, null, null,
                                "none allows " + check.action() + on(check))));
            return null;
        }
    }

    private CheckResult evaluate(KmsRequest request, Caller caller, IamSide side, AuthzCheck check) {
        if (check.refusal() != null || caller == null)
            return new CheckResult(check, Outcome.IMPLICIT_DENY, check.refusal() != null ? Source.REFUSED
                    : Source.KEY_POLICY, List.of());
        EvalRequest req = new EvalRequest(caller, check.action(), check.resource(), check.context());
        return switch (check.scope()) {
            case KEY -> keyCheck(request, caller, side, check, req);
            case RETIRE_GRANT -> retireGrant(request, caller, side, check, req);
            case ALIAS, IDENTITY -> identityCheck(caller, side, check, req);
        };
    }

    /** §5.2. */
    private CheckResult keyCheck(KmsRequest request, Caller caller, IamSide side, AuthzCheck check, EvalRequest req) {
        KmsKey key = check.key();
        Acc kp = new Acc();
        kp.scan(KEY_POLICY, key.policy(), req, true);
        if (!(caller instanceof Caller.Iam user)) {
            if (kp.denies != null) return new CheckResult(check, Outcome.EXPLICIT_DENY, Source.KEY_POLICY, kp.denies);
            if (caller instanceof Caller.Service && kp.direct != null) return allow(check, kp.direct);
            return implicit(check, Source.KEY_POLICY);
        }
        IamEval e = new IamEval(user, side, req);
        CheckResult denied = e.explicitDeny(check, kp);
        if (denied != null) return denied;
        if (key.policy() == null) return implicit(check, Source.KEY_POLICY);
        boolean same = user.account().equals(key.account());
        KmsOperation op = KmsOperation.of(request.operation());
        if (!same && (op == null || !op.crossAccount())) return implicit(check, Source.KEY_POLICY);

        // key-policy paths: same account, a direct match needs nothing else; a role match is limited by PB/SP;
        // cross account every path also needs an identity-policy Allow (§5.2, §5.4, §5.5)
        if (kp.direct != null && (same || e.firstFailure(true) == null))
            return allow(check, e.gates(hits(kp.direct), !same, !same));
        if (kp.role != null && e.firstFailure(!same) == null)
            return allow(check, e.gates(hits(kp.role), !same, true));
        if (kp.account != null && e.firstFailure(true) == null)
            return allow(check, e.gates(hits(kp.account), true, true));

        // grants work whatever the account (§5.5); a role grantee is limited by PB/SP, user, session and account
        // grantees are not (§5.4 Unspecified), but an account grantee needs an identity-policy Allow (§9.2)
        Grants.Found g = Grants.find(check, user, request.parameters());
        if (g != null) {
            if (g.direct() != null) return allow(check, e.gates(hits(grantHit(g.direct())), false, false));
            if (g.role() != null && e.firstFailure(false) == null)
                return allow(check, e.gates(hits(grantHit(g.role())), false, true));
            if (g.account() != null && e.idAllow)
                return allow(check, e.gates(hits(grantHit(g.account())), true, false));
        }
        Source worst = null;
        if (kp.direct != null) worst = earliest(worst, e.firstFailure(true));
        if (kp.role != null) worst = earliest(worst, e.firstFailure(!same));
        if (kp.account != null) worst = earliest(worst, e.firstFailure(true));
        if (g != null && g.role() != null) worst = earliest(worst, e.firstFailure(false));
        if (g != null && g.account() != null) worst = earliest(worst, Source.IDENTITY);
        return implicit(check, worst == null ? Source.KEY_POLICY : worst);
    }

    /** §9.5: RetireGrant is decided by the grant, not by Allow statements of the key policy. */
    private CheckResult retireGrant(KmsRequest request, Caller caller, IamSide side, AuthzCheck check,
                                    EvalRequest req) {
        KmsKey key = check.key();
        Acc kp = new Acc();
        kp.scan(KEY_POLICY, key.policy(), req, true);
        if (!(caller instanceof Caller.Iam user)) {
            if (kp.denies != null) return new CheckResult(check, Outcome.EXPLICIT_DENY, Source.KEY_POLICY, kp.denies);
            return implicit(check, Source.KEY_POLICY);
        }
        IamEval e = new IamEval(user, side, req);
        CheckResult denied = e.explicitDeny(check, kp);
        if (denied != null) return denied;
        Grant grant = Grants.retiredGrant(key, request.parameters());
        Source worst = null;
        if (grant != null) {
            PrincipalMatch retiring = Grants.matchPrincipal(grant.retiringPrincipal(), user);
            PrincipalMatch grantee = grant.operations().contains("RetireGrant")
                    ? Grants.matchPrincipal(grant.granteePrincipal(), user) : PrincipalMatch.NONE;
            for (PrincipalMatch m : new PrincipalMatch[]{retiring, grantee}) {
                if (m == PrincipalMatch.NONE) continue;
                boolean account = m == PrincipalMatch.ACCOUNT, limited = m != PrincipalMatch.DIRECT;
                Source failure = limited ? e.firstFailure(account) : null;
                if (failure == null) return allow(check, e.gates(hits(grantHit(grant)), account, limited));
                worst = earliest(worst, failure);
            }
        }
        if (user.account().equals(key.account())) {
            Source failure = e.firstFailure(true);
            if (failure == null) return allow(check, e.gates(new ArrayList<>(), true, true));
            worst = earliest(worst, failure);
        }
        return implicit(check, worst == null ? Source.KEY_POLICY : worst);
    }

    /** §5.3: operations (and the alias half of alias operations) that only identity policies decide. */
    private CheckResult identityCheck(Caller caller, IamSide side, AuthzCheck check, EvalRequest req) {
        if (!(caller instanceof Caller.Iam user)) return implicit(check, Source.IDENTITY);
        IamEval e = new IamEval(user, side, req);
        CheckResult denied = e.explicitDeny(check, null);
        if (denied != null) return denied;
        Source failure = e.firstFailure(true);
        return failure == null ? allow(check, e.gates(new ArrayList<>(), true, true)) : implicit(check, failure);
    }

    /** " on RESOURCE" for explanations, empty for operations without a resource. */
    private static String on(AuthzCheck check) {
        return check.scope() == Scope.IDENTITY ? "" : " on " + check.resource();
    }

    private static Source earliest(Source a, Source b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static List<Hit> hits(Hit first) {
        List<Hit> list = new ArrayList<>(4);
        list.add(first);
        return list;
    }

    private static Hit grantHit(Grant g) {
        return new Hit("grant " + g.grantId(), null, null, g, null);
    }

    private static CheckResult allow(AuthzCheck check, Hit hit) {
        return allow(check, List.of(hit));
    }

    private static CheckResult allow(AuthzCheck check, List<Hit> hits) {
        return new CheckResult(check, Outcome.ALLOW, null, hits);
    }

    private static CheckResult implicit(AuthzCheck check, Source source) {
        return new CheckResult(check, Outcome.IMPLICIT_DENY, source, List.of());
    }

    private static List<Decision.Reason> reasons(List<CheckResult> results, Outcome outcome) {
        List<Decision.Reason> out = new ArrayList<>();
        for (CheckResult r : results)
            if (r.outcome == outcome && outcome != Outcome.IMPLICIT_DENY)
                for (Hit h : r.hits) out.add(h.reason(r.check));
        return out;
    }

    /** Every statement of the policies a check consulted that did not apply, with its first mismatch. */
    private static List<StatementResult> notApplied(Caller caller, IamSide side, List<CheckResult> results) {
        List<StatementResult> out = new ArrayList<>();
        for (CheckResult r : results) {
            AuthzCheck c = r.check;
            if (c.refusal() != null || caller == null) continue;
            EvalRequest req = new EvalRequest(caller, c.action(), c.resource(), c.context());
            String suffix = results.size() > 1 ? " [" + c.label() + "]" : "";
            if ((c.scope() == Scope.KEY || c.scope() == Scope.RETIRE_GRANT) && c.key() != null)
                explain(KEY_POLICY + suffix, c.key().policy(), req, out);
            if (side == null) continue;
            for (NamedPolicy p : side.scps) explain(p, suffix, req, out);
            for (NamedPolicy p : side.identity) explain(p, suffix, req, out);
            explain(side.boundary, suffix, req, out);
            explain(side.session, suffix, req, out);
        }
        return out;
    }

    private static void explain(NamedPolicy p, String suffix, EvalRequest req, List<StatementResult> out) {
        if (p != null) explain(p.name() + suffix, p.policy(), req, out);
    }

    private static void explain(String name, CompiledPolicy policy, EvalRequest req, List<StatementResult> out) {
        if (policy == null) return;
        for (CompiledStatement s : policy.statements()) {
            StatementResult r = s.explain(name, req);
            if (!r.matched()) out.add(r);
        }
    }

    private static Decision failure(KmsRequest request, RuntimeException e) {
        String who = request == null || request.caller() == null ? "anonymous" : request.caller().arn();
        String action = "kms:" + (request == null ? null : request.operation());
        List<Decision.Reason> reasons = e == null ? List.of(new Decision.Reason("engine", "no authorization checks"))
                : List.of(new Decision.Reason("engine", "evaluation failed: " + e.getClass().getSimpleName()));
        String message = "User: " + who + " is not authorized to perform: " + action
                + " because no resource-based policy allows the " + action + " action";
        return new Decision(Outcome.IMPLICIT_DENY, reasons, List.of(), message, List.of());
    }
}
