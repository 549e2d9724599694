package io.trent.analyzer.symbolic;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A product of per-variable domains: the set of requests the solver is currently looking at. Immutable; narrowing a
 * variable copies only that variable's state.
 */
final class Box {
    enum Tri { TRUE, FALSE, UNKNOWN }

    /**
     * The requests a set variable may still take: absent (when {@code absentOk}) or a non-empty set of elements, all in
     * {@code allowed}, meeting every mask of {@code required}.
     */
    record SetState(boolean absentOk, boolean presentOk, BitSet allowed, List<BitSet> required) {
        boolean absentPossible() {
            return absentOk && required.isEmpty();
        }

        boolean presentPossible() {
            if (!presentOk || allowed.isEmpty()) return false;
            for (BitSet r : required) if (!r.intersects(allowed)) return false;
            return true;
        }

        boolean isEmpty() {
            return !absentPossible() && !presentPossible();
        }

        SetState and(Formula.Lit l) {
            return switch (l.op()) {
                case ABSENT -> new SetState(absentOk, false, allowed, required);
                case PRESENT -> new SetState(false, presentOk, allowed, required);
                case ANY -> {
                    List<BitSet> r = new ArrayList<>(required.size() + 1);
                    r.addAll(required);
                    r.add(l.mask());
                    yield new SetState(false, presentOk, allowed, r);
                }
                case ALL -> {
                    BitSet a = (BitSet) allowed.clone();
                    a.and(l.mask());
                    yield new SetState(absentOk, presentOk, a, required);
                }
                case IN -> throw new IllegalArgumentException("IN literal on a set variable " + l.var());
            };
        }

        /**
         * One member of the state: null for "absent", else a set of element atoms. Prefers absent when
         * {@code preferAbsent}, and few elements.
         */
        BitSet pick(boolean preferAbsent) {
            if (absentPossible() && (preferAbsent || !presentPossible())) return null;
            BitSet chosen = new BitSet();
            for (BitSet r : required) {
                BitSet both = (BitSet) r.clone();
                both.and(allowed);
                if (!both.intersects(chosen)) chosen.set(both.nextSetBit(0));
            }
            if (chosen.isEmpty()) chosen.set(allowed.nextSetBit(0));
            return chosen;
        }
    }

    private final Object[] states;

    private Box(Object[] states) {
        this.states = states;
    }

    static Box full(List<Var> vars) {
        Object[] s = new Object[vars.size()];
        for (Var v : vars) {
            s[v.id] = v.scalar() ? v.initial
                    : new SetState(v.absentable, true, (BitSet) v.initial.clone(), List.of());
        }
        return new Box(s);
    }

    BitSet scalar(Var v) {
        return (BitSet) states[v.id];
    }

    SetState set(Var v) {
        return (SetState) states[v.id];
    }

    /** The box narrowed by {@code l}, or null when nothing is left. */
    Box and(Formula.Lit l) {
        Var v = l.var();
        Object narrowed;
        if (v.scalar()) {
            BitSet b = (BitSet) ((BitSet) states[v.id]).clone();
            b.and(l.mask());
            if (b.isEmpty()) return null;
            narrowed = b;
        } else {
            SetState s = ((SetState) states[v.id]).and(l);
            if (s.isEmpty()) return null;
            narrowed = s;
        }
        Object[] copy = states.clone();
        copy[v.id] = narrowed;
        return new Box(copy);
    }

    Tri status(Formula.Lit l) {
        Var v = l.var();
        if (v.scalar()) {
            BitSet dom = (BitSet) states[v.id];
            if (!dom.intersects(l.mask())) return Tri.FALSE;
            BitSet outside = (BitSet) dom.clone();
            outside.andNot(l.mask());
            return outside.isEmpty() ? Tri.TRUE : Tri.UNKNOWN;
        }
        SetState s = (SetState) states[v.id];
        if (s.and(l).isEmpty()) return Tri.FALSE;
        return s.and(l.negate()).isEmpty() ? Tri.TRUE : Tri.UNKNOWN;
    }
}
