package io.trent.analyzer.symbolic;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Boolean combinations of literals over the request space. Literals restrict one variable; {@link Opaque} stands for
 * a predicate outside the exact fragment (the solver never decides it, so an answer that depends on it is UNKNOWN).
 * Masks are never modified after construction.
 */
sealed interface Formula {
    Formula TRUE = new Const(true);
    Formula FALSE = new Const(false);

    record Const(boolean value) implements Formula {}

    /** A predicate the analysis cannot represent exactly, e.g. a policy variable inside a StringLike pattern. */
    record Opaque(String reason) implements Formula {}

    record And(List<Formula> parts) implements Formula {}

    record Or(List<Formula> parts) implements Formula {}

    /**
     * {@code IN}: a scalar variable takes one of the atoms in {@code mask}. For set variables: {@code ABSENT} (no value),
     * {@code PRESENT}, {@code ANY} (some element in {@code mask}; implies present) and {@code ALL} (absent, or every
     * element in {@code mask}).
     */
    record Lit(Var var, Op op, BitSet mask) implements Formula {
        enum Op { IN, ABSENT, PRESENT, ANY, ALL }

        Lit negate() {
            return switch (op) {
                case IN -> new Lit(var, Op.IN, complement(mask, var.size));
                case ABSENT -> new Lit(var, Op.PRESENT, null);
                case PRESENT -> new Lit(var, Op.ABSENT, null);
                case ANY -> new Lit(var, Op.ALL, complement(mask, var.size));
                case ALL -> new Lit(var, Op.ANY, complement(mask, var.size));
            };
        }

        @Override
        public String toString() {
            return var.name + " " + op + (mask == null ? "" : " " + mask);
        }
    }

    static Formula in(Var v, BitSet mask) {
        if (mask.isEmpty()) return FALSE;
        if (mask.cardinality() == v.size) return TRUE;
        return new Lit(v, Lit.Op.IN, mask);
    }

    static Formula absent(Var v) {
        return v.scalar() ? in(v, single(Var.ABSENT)) : new Lit(v, Lit.Op.ABSENT, null);
    }

    static Formula present(Var v) {
        return v.scalar() ? in(v, complement(single(Var.ABSENT), v.size)) : new Lit(v, Lit.Op.PRESENT, null);
    }

    static Formula any(Var v, BitSet mask) {
        return mask.isEmpty() ? FALSE : new Lit(v, Lit.Op.ANY, mask);
    }

    static Formula all(Var v, BitSet mask) {
        return mask.cardinality() == v.size ? TRUE : new Lit(v, Lit.Op.ALL, mask);
    }

    static Formula and(Formula... parts) {
        return and(List.of(parts));
    }

    static Formula and(List<Formula> parts) {
        List<Formula> out = new ArrayList<>(parts.size());
        for (Formula f : parts) {
            if (f instanceof Const c) {
                if (!c.value) return FALSE;
            } else if (f instanceof And a) {
                out.addAll(a.parts);
            } else {
                out.add(f);
            }
        }
        if (out.isEmpty()) return TRUE;
        return out.size() == 1 ? out.get(0) : new And(List.copyOf(out));
    }

    static Formula or(Formula... parts) {
        return or(List.of(parts));
    }

    static Formula or(List<Formula> parts) {
        List<Formula> out = new ArrayList<>(parts.size());
        for (Formula f : parts) {
            if (f instanceof Const c) {
                if (c.value) return TRUE;
            } else if (f instanceof Or o) {
                out.addAll(o.parts);
            } else {
                out.add(f);
            }
        }
        if (out.isEmpty()) return FALSE;
        return out.size() == 1 ? out.get(0) : new Or(List.copyOf(out));
    }

    static Formula not(Formula f) {
        if (f instanceof Const c) return c.value ? FALSE : TRUE;
        if (f instanceof Opaque) return f;
        if (f instanceof Lit l) return l.negate();
        if (f instanceof And a) return or(a.parts.stream().map(Formula::not).toList());
        return and(((Or) f).parts.stream().map(Formula::not).toList());
    }

    /** False only when {@code a} and {@code b} are literals of one scalar variable with disjoint masks (or one is FALSE). */
    static boolean mayIntersect(Formula a, Formula b) {
        if (a == FALSE || b == FALSE) return false;
        if (a instanceof Lit x && b instanceof Lit y && x.var() == y.var() && x.op() == Lit.Op.IN && y.op() == Lit.Op.IN)
            return x.mask().intersects(y.mask());
        return true;
    }

    static BitSet single(int atom) {
        BitSet b = new BitSet();
        b.set(atom);
        return b;
    }

    static BitSet complement(BitSet mask, int size) {
        BitSet b = new BitSet(size);
        b.set(0, size);
        b.andNot(mask);
        return b;
    }
}
