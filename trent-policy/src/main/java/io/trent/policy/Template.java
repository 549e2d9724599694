package io.trent.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy value that may contain policy variables (section 4.6): {@code ${key}}, {@code ${key, 'default'}} and the
 * escapes {@code ${*}}, {@code ${?}}, {@code ${$}}. Under Version 2008-10-17 the text is literal. Text that comes from
 * a variable or an escape is always literal, never a wildcard.
 */
final class Template {
    /** A variable reference; {@code fallback} is the default value or null. */
    private record Var(String lowerKey, String fallback) {}

    /** Raw text (wildcards live), Character (escaped literal), or Var. */
    private final Object[] parts;
    private final boolean hasVariables;

    private Template(Object[] parts) {
        this.parts = parts;
        boolean vars = false;
        for (Object p : parts) vars |= p instanceof Var;
        this.hasVariables = vars;
    }

    /**
     * Parses {@code raw}; with {@code variables} false (Version 2008-10-17) the whole text is literal.
     *
     * @throws IllegalArgumentException for a malformed variable, with a message fit for a diagnostic
     */
    static Template parse(String raw, boolean variables) {
        if (!variables || !raw.contains("${")) return new Template(new Object[] {raw});
        List<Object> parts = new ArrayList<>();
        int start = 0, i = 0;
        while ((i = raw.indexOf("${", start)) >= 0) {
            if (i > start) parts.add(raw.substring(start, i));
            int end = endOfVariable(raw, i);
            String body = raw.substring(i + 2, end);
            parts.add(variable(body));
            start = end + 1;
        }
        if (start < raw.length()) parts.add(raw.substring(start));
        return new Template(parts.toArray());
    }

    /** True when {@code raw} would be read as containing a policy variable or escape under 2012-10-17. */
    static boolean mentionsVariable(String raw) {
        return raw.contains("${");
    }

    private static int endOfVariable(String raw, int open) {
        boolean quoted = false;
        for (int j = open + 2; j < raw.length(); j++) {
            char c = raw.charAt(j);
            if (c == '\'') quoted = !quoted;
            else if (c == '}' && !quoted) return j;
        }
        throw new IllegalArgumentException("unterminated policy variable at offset " + open);
    }

    private static Object variable(String body) {
        String name = body, fallback = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            name = body.substring(0, comma);
            String rest = body.substring(comma + 1).trim();
            if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\''
                    || rest.indexOf('\'', 1) != rest.length() - 1)
                throw new IllegalArgumentException("default value of ${" + body + "} must be one single-quoted string");
            fallback = rest.substring(1, rest.length() - 1);
        }
        name = name.trim();
        if (name.isEmpty() || name.indexOf('\'') >= 0 || name.indexOf('{') >= 0)
            throw new IllegalArgumentException("malformed policy variable ${" + body + "}");
        if (fallback == null && name.length() == 1 && "*?$".indexOf(name.charAt(0)) >= 0) return name.charAt(0);
        return new Var(name.toLowerCase(Locale.ROOT).intern(), fallback);
    }

    boolean hasVariables() {
        return hasVariables;
    }

    /** The literal text; only for templates without variables. */
    String constantText() {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) b.append(p);
        return b.toString();
    }

    /** Glob tokens; only for templates without variables. */
    int[] constantTokens() {
        return resolveTokens(null);
    }

    /** The text with variables substituted, or null when a variable has neither a value nor a default. */
    String resolveText(RequestContext ctx) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Var v) {
                String value = valueOf(v, ctx);
                if (value == null) return null;
                b.append(value);
            } else {
                b.append(p);
            }
        }
        return b.toString();
    }

    /** Glob tokens with variables substituted as literal text, or null when a variable is unresolved. */
    int[] resolveTokens(RequestContext ctx) {
        int n = 0;
        for (Object p : parts) {
            if (p instanceof String s) n += s.length();
            else if (p instanceof Character) n++;
            else {
                String value = valueOf((Var) p, ctx);
                if (value == null) return null;
                n += value.length();
            }
        }
        int[] tokens = new int[n];
        int k = 0;
        for (Object p : parts) {
            if (p instanceof String s) {
                int[] t = Glob.tokens(s, false);
                System.arraycopy(t, 0, tokens, k, t.length);
                k += t.length;
            } else {
                String literal = p instanceof Character c ? String.valueOf(c) : valueOf((Var) p, ctx);
                for (int i = 0; i < literal.length(); i++) tokens[k++] = literal.charAt(i);
            }
        }
        return tokens;
    }

    /** Multi-valued keys are never variables: they resolve like an absent key. */
    private static String valueOf(Var v, RequestContext ctx) {
        return ctx != null && ctx.raw(v.lowerKey) instanceof String value ? value : v.fallback;
    }
}
