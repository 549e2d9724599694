package io.trent.analyzer.symbolic;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import io.trent.policy.PolicyValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * String languages of condition values as automata. Requests carry well-formed UTF-16 strings, so "one character"
 * ({@code ?}) is one code point, as in the engine's glob matcher.
 *
 * <p>brics operations ({@code intersection}, {@code minus}, {@code union}, {@code concatenate}) leave their operands
 * alone, but {@code minimize()} and {@code determinize()} restructure the automaton they are called on. The universes
 * returned here are shared: never call those two on them (or on anything not built by the caller).
 */
final class Languages {
    /** Glob token for {@code *} (any sequence) and {@code ?} (one character); other tokens are literal chars. */
    static final int STAR = PolicyValues.STAR, QMARK = PolicyValues.QMARK;

    private static final int PARTS = 6;
    private static final Automaton CODE_POINT = BasicAutomata.makeCharRange('\u0000', '\uD7FF')
            .union(BasicAutomata.makeCharRange('\uE000', '\uFFFF'))
            .union(BasicAutomata.makeCharRange('\uD800', '\uDBFF').concatenate(BasicAutomata.makeCharRange('\uDC00', '\uDFFF')));
    private static final Automaton STRINGS = CODE_POINT.repeat();
    private static final Automaton NO_COLON = CODE_POINT.minus(BasicAutomata.makeChar(':')).repeat();
    /** IAM user, role, session and federated-user names. */
    private static final Automaton NAME = BasicAutomata.makeCharSet("+=,.@_-")
            .union(BasicAutomata.makeCharRange('a', 'z')).union(BasicAutomata.makeCharRange('A', 'Z'))
            .union(BasicAutomata.makeCharRange('0', '9')).repeat(1);
    private static final Automaton PATH_NAME = NAME.concatenate(BasicAutomata.makeChar('/')).repeat().concatenate(NAME);
    private static final Automaton DIGITS_12 = BasicAutomata.makeCharRange('0', '9').repeat(12, 12);
    private static final Automaton SERVICE_NAME = BasicAutomata.makeCharRange('a', 'z')
            .union(BasicAutomata.makeCharRange('0', '9')).union(BasicAutomata.makeCharSet(".-")).repeat(1);
    /** For each Latin-1 character, every character whose Locale.ROOT lower case is that one character. */
    private static final Map<Character, String> UPPER_FORMS = upperForms();

    static {
        for (Automaton a : List.of(CODE_POINT, STRINGS, NO_COLON, NAME, PATH_NAME, DIGITS_12, SERVICE_NAME)) a.minimize();
    }

    private Languages() {}

    /** Every well-formed string (shared). */
    static Automaton strings() {
        return STRINGS;
    }

    /** Account IDs (shared). */
    static Automaton digits12() {
        return DIGITS_12;
    }

    /** IAM user, role, session and federated-user names (shared). */
    static Automaton name() {
        return NAME;
    }

    /** path/to/Name: one or more names joined by '/' (shared). */
    static Automaton pathName() {
        return PATH_NAME;
    }

    /** Lower-case service principal names (shared). */
    static Automaton serviceName() {
        return SERVICE_NAME;
    }

    static Automaton literal(String s) {
        return BasicAutomata.makeString(s);
    }

    static Automaton finite(Set<String> values) {
        return BasicAutomata.makeStringUnion(values.stream().sorted().toArray(String[]::new));
    }

    /** The strings a glob matches (anchored at both ends). */
    static Automaton glob(int[] tokens) {
        return glob(tokens, 0, tokens.length);
    }

    static Automaton glob(int[] t, int from, int to) {
        List<Automaton> parts = new ArrayList<>(to - from);
        StringBuilder run = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (t[i] >= 0) {
                run.append((char) t[i]);
                continue;
            }
            if (run.length() > 0) {
                parts.add(BasicAutomata.makeString(run.toString()));
                run.setLength(0);
            }
            parts.add(t[i] == STAR ? STRINGS : CODE_POINT);
        }
        if (run.length() > 0) parts.add(BasicAutomata.makeString(run.toString()));
        Automaton a = parts.isEmpty() ? BasicAutomata.makeEmptyString() : Automaton.concatenate(parts);
        a.minimize();
        return a;
    }

    /**
     * The strings an ARN operator pattern matches (section 4.3): the value has at least six colon-separated parts and
     * each of the first five parts and the rest match the pattern's parts; a pattern of fewer than six parts whose
     * last part ends in '*' is padded with '*' parts, any other short pattern matches nothing.
     */
    static Automaton arn(int[] t) {
        int[] bounds = new int[2 * PARTS];
        int part = 0, start = 0;
        for (int i = 0; i < t.length && part < PARTS - 1; i++) {
            if (t[i] == ':') {
                bounds[2 * part] = start;
                bounds[2 * part + 1] = i;
                part++;
                start = i + 1;
            }
        }
        bounds[2 * part] = start;
        bounds[2 * part + 1] = t.length;
        if (part < PARTS - 1 && (t.length == 0 || t[t.length - 1] != STAR)) return BasicAutomata.makeEmpty();
        List<Automaton> parts = new ArrayList<>();
        for (int k = 0; k < PARTS; k++) {
            if (k > 0) parts.add(BasicAutomata.makeChar(':'));
            Automaton piece = k <= part ? glob(t, bounds[2 * k], bounds[2 * k + 1]) : STRINGS;
            parts.add(k < PARTS - 1 ? piece.intersection(NO_COLON) : piece.intersection(STRINGS));
        }
        Automaton a = Automaton.concatenate(parts);
        a.minimize();
        return a;
    }

    /**
     * The strings whose Locale.ROOT lower case equals {@code folded}, or null when {@code folded} has a character
     * beyond Latin-1 (where lower-casing stops being character by character).
     */
    static Automaton foldedEquals(String folded) {
        List<Automaton> parts = new ArrayList<>(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            String forms = UPPER_FORMS.get(c);
            if (forms == null) return null;
            parts.add(BasicAutomata.makeCharSet(forms));
        }
        Automaton a = parts.isEmpty() ? BasicAutomata.makeEmptyString() : Automaton.concatenate(parts);
        a.minimize();
        return a;
    }

    private static Map<Character, String> upperForms() {
        Map<Character, StringBuilder> forms = new HashMap<>();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (c >= 0xD800 && c <= 0xDFFF || Character.toLowerCase(c) > 0xFF) continue;
            // String lower-casing is what the engine uses; it differs from Character's for a few characters (U+0130)
            String lower = String.valueOf((char) c).toLowerCase(Locale.ROOT);
            if (lower.length() == 1 && lower.charAt(0) <= 0xFF) forms.computeIfAbsent(lower.charAt(0), k -> new StringBuilder()).append((char) c);
        }
        Map<Character, String> out = new HashMap<>();
        for (Map.Entry<Character, StringBuilder> e : forms.entrySet())
            if (String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).equals(String.valueOf(e.getKey())))
                out.put(e.getKey(), e.getValue().toString());
        return out;
    }

    /** {@code a} as a deterministic automaton with numbered states, suitable for {@link #between}. */
    static Automaton determinized(Automaton a) {
        Automaton d = a.clone();
        d.determinize();
        d.minimize();
        return d;
    }

    /**
     * The strings that lead a deterministic automaton from {@code from} to a state in {@code to}. {@code d} is not
     * modified.
     */
    static Automaton between(State from, Set<State> to) {
        Map<State, State> copy = new IdentityHashMap<>();
        List<State> work = new ArrayList<>();
        copy.put(from, new State());
        work.add(from);
        while (!work.isEmpty()) {
            State s = work.remove(work.size() - 1);
            State c = copy.get(s);
            c.setAccept(to.contains(s));
            for (Transition t : s.getTransitions()) {
                State dest = t.getDest();
                State cd = copy.get(dest);
                if (cd == null) {
                    cd = new State();
                    copy.put(dest, cd);
                    work.add(dest);
                }
                c.addTransition(new Transition(t.getMin(), t.getMax(), cd));
            }
        }
        Automaton a = new Automaton();
        a.setInitialState(copy.get(from));
        a.setDeterministic(true);
        a.restoreInvariant();
        return a;
    }

    /** The state a deterministic automaton reaches from {@code s} on {@code text}, or null. */
    static State step(State s, String text) {
        for (int i = 0; i < text.length() && s != null; i++) s = s.step(text.charAt(i));
        return s;
    }

    /**
     * Decomposes {@code lang} over a template {@code lit0 V1 lit1 V2 lit2 ...}: the result lists tuples of languages
     * (L1, L2, ...) with {@code Vi in Li ∩ universes[i]} such that the union of their products is exactly the set of
     * tuples whose concatenation with the literals lies in {@code lang}. {@code literals} has one more entry than
     * {@code universes}.
     */
    static List<Automaton[]> decompose(Automaton lang, String[] literals, Automaton[] universes) {
        Automaton d = determinized(lang);
        List<Automaton[]> out = new ArrayList<>();
        State start = step(d.getInitialState(), literals[0]);
        if (start != null) expand(d, start, 0, new Automaton[universes.length], literals, universes, out);
        return out;
    }

    private static void expand(Automaton d, State at, int slot, Automaton[] chosen, String[] literals,
                               Automaton[] universes, List<Automaton[]> out) {
        if (slot == universes.length - 1) {
            Automaton piece = between(at, acceptingAfter(d, literals[slot + 1])).intersection(universes[slot]);
            if (!piece.isEmpty()) {
                chosen[slot] = piece;
                out.add(chosen.clone());
            }
            return;
        }
        for (State target : d.getStates()) {
            State next = step(target, literals[slot + 1]);
            if (next == null) continue;
            Automaton piece = between(at, Set.of(target)).intersection(universes[slot]);
            if (piece.isEmpty()) continue;
            chosen[slot] = piece;
            expand(d, next, slot + 1, chosen, literals, universes, out);
        }
    }

    private static Set<State> acceptingAfter(Automaton d, String suffix) {
        Set<State> out = new java.util.HashSet<>();
        for (State s : d.getStates()) {
            State e = step(s, suffix);
            if (e != null && e.isAccept()) out.add(s);
        }
        return out;
    }

    /** A short readable member: the first preferred value in the language, else a shortest member. */
    static String example(Automaton lang, List<String> preferred) {
        for (String p : preferred) if (lang.run(p)) return p;
        for (Automaton nicer : List.of(BasicAutomata.makeCharRange('a', 'z').union(BasicAutomata.makeCharRange('0', '9')).repeat(),
                BasicAutomata.makeCharRange('!', '~').repeat(), BasicAutomata.makeCharRange(' ', '\u00FF').repeat())) {
            String s = lang.intersection(nicer).getShortestExample(true);
            if (s != null) return s;
        }
        return lang.getShortestExample(true);
    }
}
