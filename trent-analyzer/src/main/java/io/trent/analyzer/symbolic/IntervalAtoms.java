package io.trent.analyzer.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The partition of a set of integers (numbers, epoch seconds, IP addresses on one line) into ranges induced by a set
 * of range unions: every condition on the variable is a union of atoms.
 */
final class IntervalAtoms {
    /** An inclusive range. */
    record Range(BigInteger lo, BigInteger hi) {
        static Range of(long lo, long hi) {
            return new Range(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
        }

        boolean contains(BigInteger v) {
            return lo.compareTo(v) <= 0 && v.compareTo(hi) <= 0;
        }

        boolean within(List<Range> set) {
            for (Range r : set) if (r.lo.compareTo(lo) <= 0 && hi.compareTo(r.hi) <= 0) return true;
            return false;
        }
    }

    private final List<Range> atoms;

    private IntervalAtoms(List<Range> atoms) {
        this.atoms = atoms;
    }

    static IntervalAtoms build(List<Range> universe, List<List<Range>> sets) {
        TreeSet<BigInteger> cuts = new TreeSet<>();
        for (Range r : universe) {
            cuts.add(r.lo);
            cuts.add(r.hi.add(BigInteger.ONE));
        }
        for (List<Range> set : sets) {
            for (Range r : set) {
                cuts.add(r.lo);
                cuts.add(r.hi.add(BigInteger.ONE));
            }
        }
        List<Range> atoms = new ArrayList<>();
        BigInteger prev = null;
        for (BigInteger c : cuts) {
            if (prev != null) {
                Range a = new Range(prev, c.subtract(BigInteger.ONE));
                if (a.within(universe)) atoms.add(a);
            }
            prev = c;
        }
        return new IntervalAtoms(List.copyOf(atoms));
    }

    int size() {
        return atoms.size();
    }

    Range atom(int i) {
        return atoms.get(i);
    }

    /** The atoms inside a union of ranges the partition was built from, shifted by {@code offset}. */
    BitSet inside(List<Range> set, int offset) {
        BitSet b = new BitSet();
        for (int i = 0; i < atoms.size(); i++) if (atoms.get(i).within(set)) b.set(i + offset);
        return b;
    }

    /** A value of atom {@code i}: {@code preferred} when inside, else the smallest value. */
    BigInteger example(int i, BigInteger preferred) {
        Range a = atoms.get(i);
        return preferred != null && a.contains(preferred) ? preferred : a.lo;
    }
}
