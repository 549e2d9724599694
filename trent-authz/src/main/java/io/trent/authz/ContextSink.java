package io.trent.authz;

import io.trent.policy.RequestContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Receives the condition keys {@link RequestContextBuilder} derives. Three implementations: one builds a whole
 * {@link RequestContext}, one keeps the documented spelling for explanations, and one looks for a single key, for
 * contexts that derive keys when a condition reads them. Later keys replace earlier ones ignoring case; null values
 * are no keys.
 */
sealed interface ContextSink {
    /**
     * Whether the sink takes {@code key} (for a prefix: some key with that prefix). Values that cost more than a field
     * read are computed only when it does.
     */
    default boolean wants(ContextKey key) {
        return true;
    }

    /** Whether the sink takes some key of the aws: namespace; fill skips the global keys (all aws:) when not. */
    default boolean wantsAws() {
        return true;
    }

    void put(ContextKey key, String value);

    void putMulti(ContextKey key, List<String> values);

    /** A per-request key: {@code prefix} is a key ending in ':' or '/', {@code suffix} the part after it. */
    void putSuffixed(ContextKey prefix, String suffix, String value);

    /** A key given verbatim (Transport.extraContext): String values are single, Lists multi-valued. */
    void putVerbatim(String key, Object value);

    static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) if (v != null) out.add(v.toString());
        return out;
    }

    /** Puts every key into a {@link RequestContext.Builder}. */
    record Evaluation(RequestContext.Builder builder) implements ContextSink {
        @Override
        public void put(ContextKey key, String value) {
            builder.put(key.key, value);
        }

        @Override
        public void putMulti(ContextKey key, List<String> values) {
            builder.putMulti(key.key, values);
        }

        @Override
        public void putSuffixed(ContextKey prefix, String suffix, String value) {
            builder.put(prefix.key, suffix, value);
        }

        @Override
        public void putVerbatim(String key, Object value) {
            if (key == null || value == null) return;
            if (value instanceof List<?> list) builder.putMulti(key, strings(list));
            else builder.put(key, value.toString());
        }
    }

    /** The values of one lower-case key, as {@link Evaluation} would store them. */
    final class Probe implements ContextSink {
        private static final Map<String, ContextKey> BY_NAME = new HashMap<>();
        private static final List<ContextKey> PREFIXES = new ArrayList<>();

        static {
            for (ContextKey k : ContextKey.values()) {
                if (k.prefix()) PREFIXES.add(k);
                else BY_NAME.put(k.key.lower(), k);
            }
            for (ContextKey p : PREFIXES) {
                for (String name : BY_NAME.keySet())
                    if (name.startsWith(p.key.lower())) throw new AssertionError(name + " starts with " + p.key);
                for (ContextKey q : PREFIXES)
                    if (q != p && q.key.lower().startsWith(p.key.lower()))
                        throw new AssertionError(q.key + " starts with " + p.key);
            }
        }

        private final String lowerKey;
        /** The constant key, or the prefix of the per-request key, that {@code lowerKey} names; or null. */
        private final ContextKey exact, prefix;
        private final boolean aws;
        private RequestContext.Values found;

        Probe(String lowerKey) {
            this.lowerKey = lowerKey;
            this.exact = BY_NAME.get(lowerKey);
            ContextKey prefix = null;
            // no constant key starts with a prefix, and no prefix starts with another
            if (exact == null) {
                for (ContextKey p : PREFIXES) {
                    if (lowerKey.startsWith(p.key.lower())) {
                        prefix = p;
                        break;
                    }
                }
            }
            this.prefix = prefix;
            this.aws = lowerKey.startsWith("aws:");
        }

        /** False when only a verbatim key can give {@code lowerKey}. */
        boolean derived() {
            return exact != null || prefix != null;
        }

        RequestContext.Values found() {
            return found;
        }

        @Override
        public boolean wants(ContextKey key) {
            return key == exact || key == prefix;
        }

        @Override
        public boolean wantsAws() {
            return aws;
        }

        @Override
        public void put(ContextKey key, String value) {
            if (key == exact && value != null) found = new RequestContext.Values(List.of(value), false);
        }

        @Override
        public void putMulti(ContextKey key, List<String> values) {
            if (key == exact && values != null) found = new RequestContext.Values(values, true);
        }

        @Override
        public void putSuffixed(ContextKey prefix, String suffix, String value) {
            if (prefix == this.prefix && value != null && prefix.key.prefixes(suffix, lowerKey))
                found = new RequestContext.Values(List.of(value), false);
        }

        @Override
        public void putVerbatim(String key, Object value) {
            if (key == null || value == null || !key.toLowerCase(Locale.ROOT).equals(lowerKey)) return;
            found = value instanceof List<?> list ? new RequestContext.Values(strings(list), true)
                    : new RequestContext.Values(List.of(value.toString()), false);
        }
    }

    /** Keeps keys in documented spelling and derivation order; later keys replace earlier ones ignoring case. */
    final class Display implements ContextSink {
        final Map<String, Object> map = new LinkedHashMap<>();
        private final Map<String, String> spellingByLower = new LinkedHashMap<>();

        private void set(String key, Object value) {
            if (value == null) return;
            String previous = spellingByLower.put(key.toLowerCase(Locale.ROOT), key);
            if (previous != null) map.remove(previous);
            map.put(key, value);
        }

        @Override
        public void put(ContextKey key, String value) {
            set(key.spelling, value);
        }

        @Override
        public void putMulti(ContextKey key, List<String> values) {
            set(key.spelling, values == null ? null : List.copyOf(values));
        }

        @Override
        public void putSuffixed(ContextKey prefix, String suffix, String value) {
            set(prefix.spelling + suffix, value);
        }

        @Override
        public void putVerbatim(String key, Object value) {
            if (key == null || value == null) return;
            set(key, value instanceof List<?> list ? List.copyOf(strings(list)) : value.toString());
        }
    }
}
