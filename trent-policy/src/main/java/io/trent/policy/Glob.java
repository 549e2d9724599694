package io.trent.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled, anchored wildcard pattern. Tokens: a value {@code >= 0} is a literal UTF-16 unit, {@link #STAR} matches
 * any sequence (including empty, line breaks and colons), {@link #QMARK} exactly one character (a surrogate pair
 * counts as one). Literal '*' and '?' tokens exist (policy-variable escapes and substituted text), which is why
 * patterns are token arrays and not strings.
 * <p>
 * Patterns without '?' are matched as literal segments between stars (prefix, suffix, then leftmost occurrences of
 * the middle segments, which is exact for fixed-length segments); others, and patterns built for a single match
 * ({@link #once}), by a backtracking token walk.
 */
final class Glob {
    static final int STAR = -1;
    static final int QMARK = -2;

    private final int[] tokens;
    /** Literal segments around the stars, for patterns without '?'; null otherwise. */
    private final String[] segments;
    private final boolean hasStar, fold;

    private Glob(int[] tokens, boolean fold, boolean reused) {
        this.tokens = tokens;
        this.fold = fold;
        boolean star = false, qmark = false;
        for (int t : tokens) {
            star |= t == STAR;
            qmark |= t == QMARK;
        }
        this.hasStar = star;
        this.segments = qmark || !reused ? null : segments(tokens);
    }

    /** {@code text} where '*' and '?' are wildcards; {@code fold} lower-cases literals and subjects (actions). */
    static Glob of(String text, boolean fold) {
        return new Glob(tokens(text, fold), fold, true);
    }

    static Glob of(int[] tokens, boolean fold) {
        return new Glob(tokens, fold, true);
    }

    /** A pattern substituted for one request and matched once: skips building the literal segments. */
    static Glob once(int[] tokens, boolean fold) {
        return new Glob(tokens, fold, false);
    }

    static int[] tokens(String text, boolean fold) {
        int[] tokens = new int[text.length()];
        for (int i = 0; i < tokens.length; i++) {
            char c = text.charAt(i);
            tokens[i] = c == '*' ? STAR : c == '?' ? QMARK : fold ? fold(c) : c;
        }
        return tokens;
    }

    static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
    }

    private static String[] segments(int[] tokens) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int t : tokens) {
            if (t == STAR) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append((char) t);
            }
        }
        out.add(b.toString());
        return out.toArray(String[]::new);
    }

    boolean matches(String s) {
        return matches(s, 0, s.length());
    }

    /** Anchored match against {@code s[from, to)}. */
    boolean matches(String s, int from, int to) {
        if (segments == null) return walk(s, from, to);
        String first = segments[0];
        if (!hasStar) return to - from == first.length() && regionEquals(s, from, first);
        String last = segments[segments.length - 1];
        if (to - from < first.length() + last.length()) return false;
        if (!regionEquals(s, from, first) || !regionEquals(s, to - last.length(), last)) return false;
        int pos = from + first.length(), end = to - last.length();
        for (int i = 1; i < segments.length - 1; i++) {
            String seg = segments[i];
            int at = indexOf(s, seg, pos, end);
            if (at < 0) return false;
            pos = at + seg.length();
        }
        return true;
    }

    private boolean regionEquals(String s, int at, String literal) {
        if (!fold) return s.startsWith(literal, at);
        for (int i = 0; i < literal.length(); i++) if (fold(s.charAt(at + i)) != literal.charAt(i)) return false;
        return true;
    }

    /** First occurrence of {@code literal} inside {@code s[from, end)}, or -1. */
    private int indexOf(String s, String literal, int from, int end) {
        int last = end - literal.length();
        if (!fold) {
            int at = s.indexOf(literal, from);
            return at >= 0 && at <= last ? at : -1;
        }
        for (int at = from; at <= last; at++) if (regionEquals(s, at, literal)) return at;
        return -1;
    }

    /** Greedy walk with backtracking to the last star; exact for single-character tokens and stars. O(n·m) worst case. */
    private boolean walk(String s, int from, int to) {
        int[] p = tokens;
        int pi = 0, si = from, starP = -1, starS = -1;
        while (si < to) {
            if (pi < p.length) {
                int t = p[pi];
                if (t == STAR) {
                    starP = pi++;
                    starS = si;
                    continue;
                }
                if (t == QMARK) {
                    pi++;
                    si += Character.isHighSurrogate(s.charAt(si)) && si + 1 < to && Character.isLowSurrogate(s.charAt(si + 1)) ? 2 : 1;
                    continue;
                }
                char c = s.charAt(si);
                if (t == (fold ? fold(c) : c)) {
                    pi++;
                    si++;
                    continue;
                }
            }
            if (starP < 0) return false;
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < p.length && p[pi] == STAR) pi++;
        return pi == p.length;
    }
}
