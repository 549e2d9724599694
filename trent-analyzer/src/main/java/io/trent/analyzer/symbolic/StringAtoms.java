package io.trent.analyzer.symbolic;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The partition of a universe of strings into atoms induced by a set of languages: two strings are in the same atom
 * when every language contains both or neither, so every condition on the variable is a union of atoms. Literal
 * values become one-string atoms; the rest are regions kept as an automaton minus a finite set of literals.
 */
final class StringAtoms {
    sealed interface Atom {
        boolean contains(String s);
    }

    record Single(String value) implements Atom {
        public boolean contains(String s) {
            return value.equals(s);
        }
    }

    static final class Region implements Atom {
        final Automaton base;
        final Set<String> excluded;
        private String example;
        private boolean exampleDone;

        Region(Automaton base, Set<String> excluded) {
            this.base = base;
            this.excluded = excluded;
        }

        public boolean contains(String s) {
            return base.run(s) && !excluded.contains(s);
        }

        boolean isEmpty() {
            if (base.isEmpty()) return true;
            if (excluded.isEmpty() || !base.isFinite()) return false;
            Set<String> all = base.getFiniteStrings(excluded.size() + 1);
            return all != null && excluded.containsAll(all);
        }

        /** The members as one automaton (for examples only). */
        Automaton language() {
            return excluded.isEmpty() ? base.clone()
                    : base.minus(BasicAutomata.makeStringUnion(excluded.stream().sorted().toArray(String[]::new)));
        }

        String example(List<String> preferred) {
            if (!exampleDone) {
                for (String p : preferred) {
                    if (contains(p)) {
                        example = p;
                        break;
                    }
                }
                if (example == null) example = Languages.example(language(), List.of());
                exampleDone = true;
            }
            return example;
        }
    }

    private final List<Atom> atoms;
    private final List<String> preferred;

    private StringAtoms(List<Atom> atoms, List<String> preferred) {
        this.atoms = atoms;
        this.preferred = preferred;
    }

    /**
     * Limits on building the partition (see {@link TooComplexException}): overlapping wildcard patterns multiply the
     * regions and their sizes. The total number of automaton states over all regions, and the work of one refinement
     * step (the regions' states times the pattern's states).
     */
    static final long MAX_STATES = 30_000, MAX_STEP_WORK = 2_000_000;

    /**
     * @param patterns  languages (automata, not modified)
     * @param literals  single values
     * @param preferred values to show in witnesses when an atom contains them
     */
    static StringAtoms build(Automaton universe, List<Automaton> patterns, Set<String> literals, List<String> preferred) {
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(universe.clone(), Set.of()));
        long states = universe.getNumberOfStates();
        for (Automaton p : patterns) {
            if (states * p.getNumberOfStates() > MAX_STEP_WORK)
                throw new TooComplexException("the overlapping wildcard patterns of one key make " + regions.size()
                        + " regions of " + states + " automaton states");
            List<Region> next = new ArrayList<>(regions.size() + 4);
            for (Region r : regions) {
                Automaton in = r.base.intersection(p);
                if (in.isEmpty()) {
                    next.add(r);
                    continue;
                }
                Automaton out = r.base.minus(p);
                if (out.isEmpty()) {
                    next.add(r);
                    continue;
                }
                in.minimize();
                out.minimize();
                for (Automaton part : List.of(in, out)) {
                    Set<String> ex = new HashSet<>();
                    for (String e : r.excluded) if (part.run(e)) ex.add(e);
                    Region nr = new Region(part, ex);
                    if (!nr.isEmpty()) next.add(nr);
                }
            }
            regions = next;
            states = 0;
            for (Region r : regions) states += r.base.getNumberOfStates();
            if (states > MAX_STATES)
                throw new TooComplexException("the overlapping wildcard patterns of one key make " + regions.size()
                        + " regions of " + states + " automaton states");
        }
        List<Atom> atoms = new ArrayList<>();
        Set<String> singles = new LinkedHashSet<>();
        for (String l : literals) if (universe.run(l)) singles.add(l);
        List<Set<String>> exclusions = new ArrayList<>();
        for (Region r : regions) exclusions.add(new HashSet<>(r.excluded));
        for (String s : singles) {
            for (int i = 0; i < regions.size(); i++) {
                if (regions.get(i).base.run(s)) {
                    exclusions.get(i).add(s);
                    break;
                }
            }
            atoms.add(new Single(s));
        }
        for (int i = 0; i < regions.size(); i++) {
            Region r = new Region(regions.get(i).base, Set.copyOf(exclusions.get(i)));
            if (!r.isEmpty()) atoms.add(r);
        }
        return new StringAtoms(List.copyOf(atoms), preferred);
    }

    int size() {
        return atoms.size();
    }

    Atom atom(int i) {
        return atoms.get(i);
    }

    /** Index of the atom holding {@code s}, or -1 when {@code s} is outside the universe. */
    int find(String s) {
        for (int i = 0; i < atoms.size(); i++) if (atoms.get(i).contains(s)) return i;
        return -1;
    }

    /**
     * The atoms inside a language the partition was built from (or any union of atoms), shifted by {@code offset}
     * into a variable's numbering.
     */
    BitSet inside(Automaton lang, int offset) {
        BitSet b = new BitSet();
        for (int i = 0; i < atoms.size(); i++) if (lang.run(example(i))) b.set(i + offset);
        return b;
    }

    BitSet insideLiteral(String value, int offset) {
        BitSet b = new BitSet();
        int i = find(value);
        if (i >= 0) {
            if (!(atoms.get(i) instanceof Single))
                throw new IllegalStateException("literal " + value + " was not registered with its partition");
            b.set(i + offset);
        }
        return b;
    }

    /** True when atom {@code i} is one literal value. */
    boolean literal(int i) {
        return atoms.get(i) instanceof Single;
    }

    String example(int i) {
        Atom a = atoms.get(i);
        return a instanceof Single s ? s.value() : ((Region) a).example(preferred);
    }
}
