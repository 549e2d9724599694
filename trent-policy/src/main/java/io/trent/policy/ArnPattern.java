package io.trent.policy;

import java.util.Arrays;

/**
 * Component-wise ARN matching (sections 3.2 and 4.3): pattern and value are split at their first five colons into six
 * parts, each pattern part is a case-sensitive glob over the same value part, so no wildcard crosses a separating
 * colon. A pattern of fewer than six parts whose last part ends in '*' is padded with '*' parts; any other short
 * pattern matches nothing. A value of fewer than six parts is not an ARN and matches nothing. With policy variables
 * the pattern is substituted first and split afterwards.
 */
final class ArnPattern {
    private static final int PARTS = 6;
    private static final Glob ANY = Glob.of("*", false);

    private final Template template;
    /** The six parts of a variable-free pattern; null when it has variables or can never match. */
    private final Glob[] parts;

    private ArnPattern(Template template, Glob[] parts) {
        this.template = template;
        this.parts = parts;
    }

    static ArnPattern of(Template template) {
        return new ArnPattern(template, template.hasVariables() ? null : split(template.constantTokens(), true));
    }

    /** The resource-part offset of a raw pattern, or -1 when it has fewer than six parts. */
    static int resourcePartOffset(String raw) {
        int colons = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == ':' && ++colons == PARTS - 1) return i + 1;
        }
        return -1;
    }

    boolean matches(String value, RequestContext ctx) {
        Glob[] p = parts;
        if (template.hasVariables()) {
            int[] tokens = template.resolveTokens(ctx);
            if (tokens == null) return false;
            p = split(tokens, false);
        }
        if (p == null) return false;
        int start = 0;
        for (int i = 0; i < PARTS; i++) {
            int end = i == PARTS - 1 ? value.length() : value.indexOf(':', start);
            if (end < 0 || !p[i].matches(value, start, end)) return false;
            start = end + 1;
        }
        return true;
    }

    /**
     * The six part patterns, or null when the pattern is short without a final '*'; {@code reused} as for compiled
     * patterns, false for a pattern substituted for one request.
     */
    private static Glob[] split(int[] t, boolean reused) {
        Glob[] parts = new Glob[PARTS];
        int part = 0, start = 0;
        for (int i = 0; i < t.length && part < PARTS - 1; i++) {
            if (t[i] == ':') {
                parts[part++] = glob(Arrays.copyOfRange(t, start, i), reused);
                start = i + 1;
            }
        }
        parts[part] = glob(Arrays.copyOfRange(t, start, t.length), reused);
        if (part < PARTS - 1) {
            if (t.length == 0 || t[t.length - 1] != Glob.STAR) return null;
            for (int k = part + 1; k < PARTS; k++) parts[k] = ANY;
        }
        return parts;
    }

    private static Glob glob(int[] tokens, boolean reused) {
        return reused ? Glob.of(tokens, false) : Glob.once(tokens, false);
    }
}
