package io.trent.authz;

import io.trent.policy.RequestContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Receives the condition keys {@link RequestContextBuilder} derives. One implementation feeds evaluation (lower-case
 * keys, no per-key case folding of constant names), the other keeps the documented spelling for explanations.
 */
sealed interface ContextSink {
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

    /** Builds the {@link RequestContext} that policies are evaluated against. */
    final class Evaluation implements ContextSink {
        final RequestContext.Builder builder = RequestContext.builder();

        @Override
        public void put(ContextKey key, String value) {
            builder.put(key.lower, value);
        }

        @Override
        public void putMulti(ContextKey key, List<String> values) {
            builder.putMulti(key.lower, values);
        }

        @Override
        public void putSuffixed(ContextKey prefix, String suffix, String value) {
            builder.put(prefix.lower.concat(suffix), value);
        }

        @Override
        public void putVerbatim(String key, Object value) {
            if (key == null || value == null) return;
            if (value instanceof List<?> list) builder.putMulti(key, strings(list));
            else builder.put(key, value.toString());
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
