package io.trent.analyzer.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.authz.Decision;
import io.trent.policy.Condition;
import io.trent.policy.Policy;
import io.trent.policy.Statement;
import io.trent.policy.catalog.KmsAction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The exact least-privilege questions of {@code trent analyze}, decided over the request space and answered with
 * witnesses the engine has confirmed. An answer is UNKNOWN only where a condition lies outside the exact fragment.
 */
public final class Analyzer {
    public enum Verdict {
        PASS(0), FAIL(1), UNKNOWN(3);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** One class of requests with its witness (a conformance case the engine decides as Allow). */
    public record Finding(String description, ObjectNode witness) {}

    /**
     * @param unknowns why parts of the question could not be decided (empty unless some part is UNKNOWN)
     */
    public record Result(Verdict verdict, List<Finding> findings, List<String> unknowns) {
        public Result {
            findings = List.copyOf(findings);
            unknowns = List.copyOf(unknowns);
        }

        static Result of(List<Finding> findings, List<String> unknowns) {
            Verdict v = !findings.isEmpty() ? Verdict.FAIL : unknowns.isEmpty() ? Verdict.PASS : Verdict.UNKNOWN;
            return new Result(v, findings, unknowns.stream().distinct().toList());
        }
    }

    private Analyzer() {}

    // ---------------------------------------------------------------------------------------------------------
    // diff

    /** Does {@code next} allow some request that {@code previous} does not? One finding per class of new access. */
    public static Result diff(Policy previous, Policy next, Mode mode) {
        return bounded(() -> diffOf(previous, next, mode));
    }

    private static Result diffOf(Policy previous, Policy next, Mode mode) {
        Compiler c = Compiler.of(mode, List.of(previous, next), Map.of());
        Space s = c.space;
        List<Finding> findings = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        Formula nextDenied = Queries.denied(c, next);
        Map<Statement, Set<KmsAction>> reported = new LinkedHashMap<>();
        JsonNode previousJson = Witness.json(previous.text());
        for (int level : new int[] {Compiler.FULL, Compiler.ROLE, Compiler.DELEGATED}) {
            Formula previousBelow = Formula.not(Queries.grants(c, previous, level));
            for (Compiler.Compiled st : c.statements(next)) {
                if (!st.allow()) continue;
                Set<KmsAction> done = reported.computeIfAbsent(st.statement(), k -> EnumSet.noneOf(KmsAction.class));
                Formula q = Formula.and(st.matchAtLeast(level), Formula.not(nextDenied), previousBelow,
                        done.isEmpty() ? Formula.TRUE : Formula.not(s.actionIn(done)));
                Queries.Found f = Queries.actionsOf(s, q);
                if (f.unknown() != null) unknowns.add(label(st.statement()) + ": " + f.unknown());
                if (f.actions().isEmpty()) continue;
                done.addAll(f.actions());
                List<ObjectNode> cases = new ArrayList<>();
                for (Box b : f.boxes()) {
                    Witness w = new Witness(s, b);
                    ObjectNode testCase = w.toCase("new access: " + label(st.statement()) + " " + access(level) + " "
                            + w.action().iamName() + " to " + who(s, w), next, Witness.worldFor(level), null);
                    confirm(testCase, true, "the new policy");
                    if (Replay.decideWith(testCase, previousJson).allowed())
                        throw new DisagreementException("the engine also allows the witness under the old policy", testCase);
                    cases.add(testCase);
                }
                findings.add(new Finding(label(st.statement()) + " " + access(level) + " " + names(f.actions())
                        + ", which the old policy did not allow (e.g. to " + who(s, new Witness(s, f.boxes().get(0))) + ")",
                        cases.get(0)));
            }
        }
        return Result.of(findings, unknowns);
    }

    private static String access(int level) {
        return switch (level) {
            case Compiler.FULL -> "directly allows";
            case Compiler.ROLE -> "allows (through a role principal, subject to permissions boundaries)";
            default -> "allows (subject to the caller's identity policies)";
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // public

    /**
     * Can an IAM principal of an account the policy does not name (and that is not the key's account) use the key, with
     * identity-binding keys it does not control absent or unknown to the policy? One finding per Allow statement that
     * lets it.
     */
    public static Result publicAccess(Policy policy, Mode mode) {
        return bounded(() -> publicOf(policy, mode));
    }

    private static Result publicOf(Policy policy, Mode mode) {
        Compiler c = Compiler.of(mode, List.of(policy), Map.of());
        Space s = c.space;
        Formula unknown = Queries.unknownParty(c, List.of(policy));
        Formula denied = Queries.denied(c, policy);
        List<Finding> findings = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        for (Compiler.Compiled st : c.statements(policy)) {
            if (!st.allow()) continue;
            Queries.Found f = Queries.actionsOf(s, Formula.and(unknown, st.matchAtLeast(Compiler.DELEGATED), Formula.not(denied)));
            if (f.unknown() != null) unknowns.add(label(st.statement()) + ": " + f.unknown());
            if (f.actions().isEmpty()) continue;
            ObjectNode testCase = confirmAll(s, f, policy, "public access through " + label(st.statement()));
            Witness w = new Witness(s, f.boxes().get(0));
            findings.add(new Finding(label(st.statement()) + " lets principals of accounts the policy does not name use "
                    + names(f.actions()) + conditions(st.statement()) + " (e.g. " + who(s, w) + ")", testCase));
        }
        return Result.of(findings, unknowns);
    }

    // ---------------------------------------------------------------------------------------------------------
    // not-granted

    /**
     * Proves that no request for {@code actions} by {@code principal} (an ARN, account, or service name; null for
     * anyone) is allowed by the policy, with any identity policies, or finds one.
     */
    public static Result notGranted(Policy policy, Set<KmsAction> actions, String principal, Mode mode) {
        return bounded(() -> notGrantedOf(policy, actions, principal, mode));
    }

    private static Result notGrantedOf(Policy policy, Set<KmsAction> actions, String principal, Mode mode) {
        Compiler c = Compiler.of(mode, List.of(policy), Map.of(), principal == null ? List.of() : List.of(principal));
        Space s = c.space;
        Formula who = principal == null ? Formula.TRUE : Formula.in(s.principal, PrincipalGroups.cellsOf(s.principals, principal));
        Formula denied = Queries.denied(c, policy);
        List<Finding> findings = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        for (Compiler.Compiled st : c.statements(policy)) {
            if (!st.allow()) continue;
            Queries.Found f = Queries.actionsOf(s, Formula.and(who, s.actionIn(actions),
                    st.matchAtLeast(Compiler.DELEGATED), Formula.not(denied)));
            if (f.unknown() != null) unknowns.add(label(st.statement()) + ": " + f.unknown());
            if (f.actions().isEmpty()) continue;
            ObjectNode testCase = confirmAll(s, f, policy, label(st.statement()) + " grants");
            Witness w = new Witness(s, f.boxes().get(0));
            findings.add(new Finding(label(st.statement()) + " grants " + names(f.actions()) + conditions(st.statement())
                    + " (e.g. to " + who(s, w) + ")", testCase));
        }
        return Result.of(findings, unknowns);
    }

    // ---------------------------------------------------------------------------------------------------------
    // who-can

    /**
     * The classes of principals that may perform {@code action} on the key, each with the statements (and their
     * conditions) that let them. With {@code identityPolicies} (by user or role ARN) the identity side is exactly those
     * policies; without, delegated access is reported as "when their identity policies allow it".
     */
    public static Result whoCan(KmsAction action, Policy policy, Map<String, List<Policy>> identityPolicies, Mode mode) {
        return bounded(() -> whoCanOf(action, policy, identityPolicies, mode));
    }

    private static Result whoCanOf(KmsAction action, Policy policy, Map<String, List<Policy>> identityPolicies,
                                   Mode mode) {
        Compiler c = Compiler.of(mode, List.of(policy), identityPolicies);
        Space s = c.space;
        List<Finding> findings = new ArrayList<>();
        List<String> unknowns = new ArrayList<>();
        Formula denied = Queries.denied(c, policy);
        boolean withIam = !identityPolicies.isEmpty();
        Formula iamDenied = Formula.FALSE, iamAllowed = Formula.FALSE;
        List<Compiler.Compiled> iamAllows = new ArrayList<>();
        if (withIam) {
            List<Formula> deny = new ArrayList<>(), allow = new ArrayList<>();
            for (List<Policy> ps : identityPolicies.values()) {
                for (Policy p : ps) {
                    for (Compiler.Compiled st : c.statements(p)) {
                        (st.allow() ? allow : deny).add(st.match());
                        if (st.allow()) iamAllows.add(st);
                    }
                }
            }
            iamDenied = Formula.or(deny);
            iamAllowed = Formula.or(allow);
            if (Keys.NEEDS_IAM_CALLER.contains(action))
                return Result.of(List.of(), List.of(action.iamName() + " also needs an identity-policy Allow on the alias "
                        + "or Region, which who-can does not model"));
        }
        for (PrincipalGroups.Group g : PrincipalGroups.groups(s.principals)) {
            for (Compiler.Compiled st : c.statements(policy)) {
                if (!st.allow()) continue;
                Formula path;
                if (withIam) {
                    path = Formula.or(st.matchAtLeast(Compiler.ROLE), Formula.and(st.matchAtLeast(Compiler.DELEGATED), iamAllowed));
                } else {
                    path = st.matchAtLeast(Compiler.DELEGATED);
                }
                Formula q = Formula.and(s.constraints, Formula.in(s.principal, g.cells()),
                        s.actionIn(EnumSet.of(action)), path, Formula.not(denied), Formula.not(iamDenied));
                Solver.Result r = Solver.solve(q, s.box());
                if (r instanceof Solver.Result.Unknown u) unknowns.add(g.description() + ", " + label(st.statement()) + ": " + u.reason());
                if (!(r instanceof Solver.Result.Sat sat)) continue;
                Witness w = new Witness(s, sat.box());
                boolean direct = Solver.solve(Formula.and(q, st.matchAtLeast(Compiler.ROLE)), s.box()) instanceof Solver.Result.Sat;
                ObjectNode testCase = w.toCase(g.description() + " may call " + action.iamName() + " through "
                        + label(st.statement()), policy, withIam ? null : Witness.World.ALLOW_ALL,
                        withIam ? identityPolicies : null);
                confirm(testCase, true, "the policy");
                String how = withIam ? "" : direct ? " directly" : " when their identity policies allow it";
                String iam = "";
                if (withIam && !direct) {
                    for (Compiler.Compiled ip : iamAllows) {
                        if (Solver.reduce(ip.match(), sat.box()) == Formula.TRUE) {
                            iam = ", and its identity policy " + label(ip.statement()).replace("statement ", "") + conditions(ip.statement());
                            break;
                        }
                    }
                }
                findings.add(new Finding(g.description() + " may call " + action.iamName() + how + ", through "
                        + label(st.statement()) + conditions(st.statement()) + iam + denies(policy), testCase));
            }
        }
        return Result.of(findings, unknowns);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** UNKNOWN instead of an analysis whose request space is too large to build. */
    private static Result bounded(java.util.function.Supplier<Result> analysis) {
        try {
            return analysis.get();
        } catch (TooComplexException e) {
            return Result.of(List.of(), List.of("the request space is too large: " + e.getMessage()));
        }
    }

    /** Builds and replays the witness of every action found (with identity policies allowing everything); the first case. */
    private static ObjectNode confirmAll(Space s, Queries.Found f, Policy policy, String what) {
        ObjectNode first = null;
        for (Box b : f.boxes()) {
            Witness w = new Witness(s, b);
            ObjectNode testCase = w.toCase(what + " " + w.action().iamName() + " to " + who(s, w), policy,
                    Witness.World.ALLOW_ALL, null);
            confirm(testCase, true, "the policy");
            if (first == null) first = testCase;
        }
        return first;
    }

    /** Replays a witness; a decision other than the analysis's is a bug, never a finding. */
    private static void confirm(ObjectNode testCase, boolean allowed, String which) {
        Decision d = Replay.decide(testCase);
        if (d.allowed() != allowed)
            throw new DisagreementException("the analysis expects " + which + " to " + (allowed ? "allow" : "deny")
                    + " the witness, the engine decides " + d.outcome().caseName()
                    + (d.message() == null ? "" : " (" + d.message() + ")"), testCase);
    }

    static String label(Statement s) {
        return "statement " + (s.sid() != null && !s.sid().isEmpty() ? "'" + s.sid() + "'" : "#" + s.index());
    }

    private static String names(List<KmsAction> actions) {
        return actions.stream().map(KmsAction::iamName).collect(Collectors.joining(", "));
    }

    private static String who(Space s, Witness w) {
        return s.principals.callerArn(w.cell());
    }

    private static String conditions(Statement s) {
        if (s.conditions().isEmpty()) return " with no condition";
        return " when " + s.conditions().stream().map(Analyzer::condition).collect(Collectors.joining(" and "));
    }

    private static String condition(Condition c) {
        return c.operatorText() + " " + c.key() + " " + (c.values().size() == 1 ? c.values().get(0) : c.values());
    }

    private static String denies(Policy p) {
        List<String> d = p.statements().stream().filter(st -> !Queries.isAllow(st)).map(Analyzer::label).toList();
        return d.isEmpty() ? "" : " (unless " + String.join(" or ", d) + " applies)";
    }
}
