package io.trent.analyzer.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.policy.LenientParse;
import io.trent.policy.Policy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import io.trent.policy.Statement;
import io.trent.policy.catalog.KmsAction;
import io.trent.policy.catalog.KmsActions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic checks of the lint catalog (29, 30, 35-38) as queries over the catalog's request model. A check is
 * reported only when the solver proves it; a question outside the exact fragment reports nothing.
 */
public final class SemanticLint {
    /** One proven check: its catalog code, the statement it is about (-1 for the document), and why. */
    public record Hit(String code, int statement, String message) {}

    private static final String HOLDER = "arn:aws:iam::111122223333:user/linted";

    private SemanticLint() {}

    /**
     * Runs the checks on {@code document} without the statements {@code excluded}; nothing is reported when the
     * request space is too large to build.
     */
    public static List<Hit> run(JsonNode document, Set<Integer> excluded) {
        try {
            return checks(document, excluded);
        } catch (TooComplexException e) {
            return List.of();
        }
    }

    private static List<Hit> checks(JsonNode document, Set<Integer> excluded) {
        boolean identity = identityPolicy(document);
        Set<Integer> resourceUnknown = new java.util.HashSet<>();
        if (!identity) document = starResources(document, resourceUnknown);
        LenientParse parsed = PolicyParser.parseLenient(document, identity ? PolicyType.IDENTITY_POLICY : PolicyType.KEY_POLICY);
        if (parsed.policy() == null) return List.of();
        Policy p = parsed.policy();
        List<Statement> kept = p.statements().stream().filter(s -> !excluded.contains(s.index())).toList();
        Policy policy = new Policy(p.type(), p.version(), p.id(), kept, p.text());
        if (kept.isEmpty() && identity) return List.of();
        Compiler c = identity ? Compiler.of(Mode.catalog(), List.of(), Map.of(HOLDER, List.of(policy)))
                : Compiler.of(Mode.catalog(), List.of(policy), Map.of(), List.of(), resourceUnknown);
        List<Hit> hits = new ArrayList<>(unsatisfiable(c, policy));
        if (identity) return hits;
        Space s = c.space;
        Formula denied = Queries.denied(c, policy);
        Formula unknownParty = Queries.unknownParty(c, List.of(policy));
        boolean isPublic = false;
        for (Compiler.Compiled st : c.statements(policy)) {
            if (!st.allow()) continue;
            Formula q = Formula.and(unknownParty, st.matchAtLeast(Compiler.ROLE), Formula.not(denied));
            if (sat(s, q)) {
                isPublic = true;
                hits.add(new Hit("PUBLIC_KEY_ACCESS", st.statement().index(), Analyzer.label(st.statement())
                        + " lets a principal of an account the policy does not name use the key directly."));
            }
        }
        if (!isPublic) {
            Formula freshRole = Queries.freshRole(c), direct = Queries.directWithoutContext(c);
            for (Compiler.Compiled st : c.statements(policy)) {
                if (!st.allow()) continue;
                Formula q = Formula.and(freshRole, direct,
                        s.actionIn(KmsActions.SENSITIVE), st.matchAtLeast(Compiler.ROLE), Formula.not(denied));
                Solver.Result r = Solver.solve(Formula.and(s.constraints, q), s.box());
                if (r instanceof Solver.Result.Sat sat) {
                    KmsAction a = new Witness(s, sat.box()).action();
                    hits.add(new Hit("ACCOUNT_WIDE_SENSITIVE_ACCESS", st.statement().index(), Analyzer.label(st.statement())
                            + " lets any role of an account call " + a.iamName()
                            + " directly, with no kms:ViaService, no encryption context and no IAM policy needed."));
                }
            }
        }
        Formula putPolicy = Formula.and(s.principalWhere(PrincipalSpace.Cell::iam),
                s.actionIn(EnumSet.of(KmsAction.PUT_KEY_POLICY)), Queries.grants(c, policy, Compiler.DELEGATED));
        if (Solver.solve(Formula.and(s.constraints, putPolicy), s.box()) instanceof Solver.Result.Unsat)
            hits.add(new Hit("KEY_POLICY_LOCKOUT_RISK", -1, "No IAM principal can ever be allowed kms:PutKeyPolicy: "
                    + "KMS refuses this policy unless BypassPolicyLockoutSafetyCheck is set, and then only AWS Support can "
                    + "restore access to the key."));
        for (Compiler.Compiled st : c.statements(policy)) {
            if (!st.allow() || !sat(s, st.match())) continue;
            if (unsat(s, Formula.and(st.match(), Formula.not(denied))))
                hits.add(new Hit("SHADOWED_ALLOW_STATEMENT", st.statement().index(), Analyzer.label(st.statement())
                        + " grants nothing: a Deny statement matches every request it matches."));
        }
        for (Compiler.Compiled st : c.statements(policy)) {
            if (!sat(s, st.match())) continue;
            if (redundant(c, policy, st))
                hits.add(new Hit("REDUNDANT_STATEMENT", st.statement().index(), Analyzer.label(st.statement())
                        + " matches no request that the other " + (st.allow() ? "Allow" : "Deny")
                        + " statements do not already match" + (st.allow() ? " with the same or stronger access" : "") + "."));
        }
        return hits;
    }

    /**
     * The document with {@code "Resource": "*"} in every key-policy statement that names another resource (or uses
     * NotResource), whose indexes go to {@code unknown}: such a statement repeats the key's ARN or matches nothing,
     * and a key policy alone does not tell which (lint-catalog.md check 9).
     */
    private static JsonNode starResources(JsonNode doc, Set<Integer> unknown) {
        JsonNode st = doc == null ? null : doc.get("Statement");
        if (st == null || !(st.isArray() || st.isObject())) return doc;
        JsonNode copy = doc.deepCopy();
        List<JsonNode> all = statements(copy.get("Statement"));
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i) instanceof com.fasterxml.jackson.databind.node.ObjectNode s)) continue;
            JsonNode r = s.get("Resource");
            boolean star = r != null && (r.isTextual() && r.textValue().equals("*")
                    || r.isArray() && r.size() == 1 && "*".equals(r.get(0).asText(null)));
            if (star || r == null && !s.has("NotResource")) continue;
            s.remove("NotResource");
            s.put("Resource", "*");
            unknown.add(i);
        }
        return copy;
    }

    /** A document whose statements carry neither Principal nor NotPrincipal is an identity policy. */
    private static boolean identityPolicy(JsonNode doc) {
        JsonNode st = doc == null ? null : doc.get("Statement");
        if (st == null) return false;
        List<JsonNode> all = statements(st);
        return !all.isEmpty() && all.stream().allMatch(s -> s.isObject() && !s.has("Principal") && !s.has("NotPrincipal"));
    }

    /** The statements of a Statement member: its elements when it is an array, else the member itself. */
    private static List<JsonNode> statements(JsonNode st) {
        List<JsonNode> all = new ArrayList<>();
        if (st.isArray()) st.forEach(all::add);
        else all.add(st);
        return all;
    }

    private static List<Hit> unsatisfiable(Compiler c, Policy policy) {
        List<Hit> out = new ArrayList<>();
        for (Statement st : policy.statements()) {
            if (st.conditions().isEmpty()) continue;
            if (unsat(c.space, c.conditionOf(st)))
                out.add(new Hit("UNSATISFIABLE_CONDITION", st.index(), "The Condition of " + Analyzer.label(st)
                        + " is false for every request, so the statement never applies."));
        }
        return out;
    }

    private static boolean redundant(Compiler c, Policy policy, Compiler.Compiled st) {
        Space s = c.space;
        List<Compiler.Compiled> others = c.statements(policy).stream()
                .filter(o -> o != st && o.allow() == st.allow()).toList();
        int[] levels = st.allow() ? new int[] {Compiler.DELEGATED, Compiler.ROLE} : new int[] {0};
        for (int level : levels) {
            List<Formula> cover = new ArrayList<>();
            for (Compiler.Compiled o : others)
                if (st.mayOverlap(o, st.allow() ? level : 0)) cover.add(st.allow() ? o.matchAtLeast(level) : o.match());
            Formula self = st.allow() ? st.matchAtLeast(level) : st.match();
            if (!unsat(s, Formula.and(self, Formula.not(Formula.or(cover))))) return false;
        }
        return true;
    }

    private static boolean sat(Space s, Formula f) {
        return Solver.solve(Formula.and(s.constraints, f), s.box()) instanceof Solver.Result.Sat;
    }

    private static boolean unsat(Space s, Formula f) {
        return Solver.solve(Formula.and(s.constraints, f), s.box()) instanceof Solver.Result.Unsat;
    }
}
