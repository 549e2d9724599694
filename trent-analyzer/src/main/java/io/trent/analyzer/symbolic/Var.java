package io.trent.analyzer.symbolic;

import java.util.BitSet;

/**
 * One dimension of the request space. A scalar variable takes exactly one of {@code size} atoms (atom 0 is "the key
 * is absent" for keys that can be missing); a set variable (a multi-valued key) is absent or a non-empty set of its
 * {@code size} element atoms.
 */
final class Var {
    enum Kind { SCALAR, SET }

    /** Atom 0 of every scalar variable that can be absent. */
    static final int ABSENT = 0;

    final int id;
    final String name;
    final Kind kind;
    final int size;
    /** Scalar: the atoms the variable may take before any constraint. Set: the element atoms. */
    final BitSet initial;
    /** Set variables only: whether the key can be missing. */
    final boolean absentable;
    /** How atoms become concrete values; null for the action and the caller (see {@link Space}). */
    final Domain domain;

    Var(int id, String name, Kind kind, int size, BitSet initial, boolean absentable, Domain domain) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.size = size;
        this.initial = initial;
        this.absentable = absentable;
        this.domain = domain;
    }

    boolean scalar() {
        return kind == Kind.SCALAR;
    }

    BitSet all() {
        BitSet b = new BitSet(size);
        b.set(0, size);
        return b;
    }

    @Override
    public String toString() {
        return name;
    }
}
