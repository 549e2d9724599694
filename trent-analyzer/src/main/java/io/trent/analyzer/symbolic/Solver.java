package io.trent.analyzer.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a formula has a solution in a box: DPLL over literals with three-valued evaluation. A branch whose
 * remaining formula is made only of {@link Formula.Opaque} parts can be neither confirmed nor refuted; when no branch
 * succeeds and such a branch exists the answer is UNKNOWN.
 */
final class Solver {
    /** Bound on explored search nodes; beyond it the answer is UNKNOWN rather than a guess. */
    static final long DEFAULT_BUDGET = 200_000;

    sealed interface Result {
        record Sat(Box box) implements Result {}

        record Unsat() implements Result {}

        record Unknown(String reason) implements Result {}
    }

    static final Result UNSAT = new Result.Unsat();

    private long budget;
    private String unknownReason;

    private Solver(long budget) {
        this.budget = budget;
    }

    static Result solve(Formula f, Box box) {
        return solve(f, box, DEFAULT_BUDGET);
    }

    static Result solve(Formula f, Box box, long budget) {
        Solver s = new Solver(budget);
        Box sat = s.search(f, box);
        if (sat != null) return new Result.Sat(sat);
        return s.unknownReason != null ? new Result.Unknown(s.unknownReason) : UNSAT;
    }

    private Box search(Formula f, Box box) {
        if (--budget < 0) {
            if (unknownReason == null) unknownReason = "the search exceeded its budget";
            return null;
        }
        while (true) {
            f = reduce(f, box);
            if (f instanceof Formula.Const c) return c.value() ? box : null;
            List<Formula.Lit> units = units(f);
            if (units.isEmpty()) break;
            for (Formula.Lit u : units) {
                box = box.and(u);
                if (box == null) return null;
            }
        }
        Formula.Lit split = pick(f);
        if (split == null) {
            if (unknownReason == null) unknownReason = opaqueReason(f);
            return null;
        }
        Box yes = box.and(split);
        if (yes != null) {
            Box r = search(f, yes);
            if (r != null) return r;
        }
        Box no = box.and(split.negate());
        return no == null ? null : search(f, no);
    }

    /** The formula with every part the box decides replaced by its value. */
    static Formula reduce(Formula f, Box box) {
        if (f instanceof Formula.Lit l) {
            return switch (box.status(l)) {
                case TRUE -> Formula.TRUE;
                case FALSE -> Formula.FALSE;
                case UNKNOWN -> l;
            };
        }
        if (f instanceof Formula.And a) {
            List<Formula> out = new ArrayList<>(a.parts().size());
            for (Formula p : a.parts()) {
                Formula r = reduce(p, box);
                if (r == Formula.FALSE) return Formula.FALSE;
                if (r != Formula.TRUE) out.add(r);
            }
            return Formula.and(out);
        }
        if (f instanceof Formula.Or o) {
            List<Formula> out = new ArrayList<>(o.parts().size());
            for (Formula p : o.parts()) {
                Formula r = reduce(p, box);
                if (r == Formula.TRUE) return Formula.TRUE;
                if (r != Formula.FALSE) out.add(r);
            }
            return Formula.or(out);
        }
        return f;
    }

    /** Literals that must hold: the formula itself or the literal conjuncts of a top-level And. */
    private static List<Formula.Lit> units(Formula f) {
        if (f instanceof Formula.Lit l) return List.of(l);
        if (!(f instanceof Formula.And a)) return List.of();
        List<Formula.Lit> out = new ArrayList<>();
        for (Formula p : a.parts()) if (p instanceof Formula.Lit l) out.add(l);
        return out;
    }

    /** The first literal in depth-first order, or null when only opaque parts are left. */
    private static Formula.Lit pick(Formula f) {
        if (f instanceof Formula.Lit l) return l;
        List<Formula> parts = f instanceof Formula.And a ? a.parts() : f instanceof Formula.Or o ? o.parts() : List.of();
        for (Formula p : parts) {
            Formula.Lit l = pick(p);
            if (l != null) return l;
        }
        return null;
    }

    private static String opaqueReason(Formula f) {
        if (f instanceof Formula.Opaque o) return o.reason();
        List<Formula> parts = f instanceof Formula.And a ? a.parts() : f instanceof Formula.Or o ? o.parts() : List.of();
        for (Formula p : parts) {
            String r = opaqueReason(p);
            if (r != null) return r;
        }
        return null;
    }
}
