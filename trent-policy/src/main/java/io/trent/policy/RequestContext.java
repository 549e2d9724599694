package io.trent.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The condition keys of one request. Keys are case-insensitive; each key holds one value (single-valued keys) or a
 * list (multi-valued keys, which may be empty). Absent keys return null.
 * <p>
 * A context is either built ({@link #builder}): an open-addressing table of lower-cased keys and raw values (a String,
 * or an immutable List for multi-valued keys), so that building one allocates only its two arrays; or {@link #lazy}:
 * each key is derived from the request the first time a condition reads it, as most policies read two or three keys
 * of the twenty or more a request carries.
 */
public final class RequestContext {
    private static final RequestContext EMPTY = builder().build();

    /** Values of one key. */
    public record Values(List<String> values, boolean multiValued) {
        public Values {
            values = List.copyOf(values);
        }

        public String single() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * A condition-key name folded to lower case once, for the constant keys code puts on every request: putting a
     * {@code Key} skips the per-request case folding of its name.
     */
    public static final class Key {
        private final String lower;

        private Key(String lower) {
            this.lower = lower;
        }

        public static Key of(String name) {
            return new Key(name.toLowerCase(Locale.ROOT));
        }

        /** The name in lower case. */
        public String lower() {
            return lower;
        }

        /**
         * Whether {@code lowerKey} is the key that {@link Builder#put(Key, String, String)} stores for this prefix and
         * {@code suffix}; allocates only for a non-ASCII suffix.
         */
        public boolean prefixes(String suffix, String lowerKey) {
            int n = lower.length();
            if (!lowerKey.startsWith(lower)) return false;
            for (int i = 0; i < suffix.length(); i++)
                if (suffix.charAt(i) >= 128) return Builder.fold(this, suffix).equals(lowerKey);
            if (lowerKey.length() != n + suffix.length()) return false;
            for (int i = 0; i < suffix.length(); i++) {
                char c = suffix.charAt(i);
                if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerKey.charAt(n + i)) return false;
            }
            return true;
        }

        @Override
        public String toString() {
            return lower;
        }
    }

    /**
     * Derives the keys of a {@link #lazy} context. The two methods must agree: {@code derive(k)} gives the values that
     * {@code putAll} puts for {@code k}, and both give the same answers every time.
     */
    public interface Source {
        /** The values of a lower-case key, or null when the request does not carry it. */
        Values derive(String lowerKey);

        /** Puts every key of the request. */
        void putAll(Builder into);
    }

    /** Marks a derived key that is absent. */
    private static final Object ABSENT = new Object();
    private static final Object[] NOTHING_DERIVED = {};

    /** Lower-cased keys; null marks a free slot. A key whose value is null was removed. Null for lazy contexts. */
    private final String[] keys;
    /** String, or List<String> for multi-valued keys. */
    private final Object[] values;
    private final int shift;
    private final Source source;
    /** Lazy contexts: keys derived so far and their raw values (or ABSENT), alternating; replaced, never changed. */
    private volatile Object[] derived;
    /** Lazy contexts: every key, once {@link #asMap} or {@link #toBuilder} asked for them. */
    private volatile RequestContext materialized;

    private RequestContext(String[] keys, Object[] values, int shift) {
        this.keys = keys;
        this.values = values;
        this.shift = shift;
        this.source = null;
    }

    private RequestContext(Source source) {
        this.keys = null;
        this.values = null;
        this.shift = 0;
        this.source = source;
        this.derived = NOTHING_DERIVED;
    }

    /** A context whose keys {@code source} derives when they are first read. */
    public static RequestContext lazy(Source source) {
        return new RequestContext(Objects.requireNonNull(source, "source"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The context without keys. */
    public static RequestContext empty() {
        return EMPTY;
    }

    /** Values of {@code key} (any case), or null when the request does not carry it. */
    public Values get(String key) {
        return values(raw(key.toLowerCase(Locale.ROOT)));
    }

    /** Same as {@link #get} for a key already in lower case (compiled matchers pre-fold their keys). */
    public Values getLower(String lowerKey) {
        return values(raw(lowerKey));
    }

    /** Every key (lower-cased) with its values, for explanations and debugging. */
    public Map<String, Values> asMap() {
        if (source != null) return all().asMap();
        Map<String, Values> out = new HashMap<>();
        for (int i = 0; i < keys.length; i++)
            if (keys[i] != null && values[i] != null) out.put(keys[i], values(values[i]));
        return Collections.unmodifiableMap(out);
    }

    public Builder toBuilder() {
        if (source != null) return all().toBuilder();
        return new Builder(keys, values, shift);
    }

    private RequestContext all() {
        RequestContext all = materialized;
        if (all == null) {
            Builder b = builder();
            source.putAll(b);
            materialized = all = b.build();
        }
        return all;
    }

    /** The raw value of a lower-case key: a String, a List of Strings (multi-valued), or null when absent. */
    Object raw(String lowerKey) {
        if (source != null) return derive(lowerKey);
        String[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(lowerKey, shift); ; i = (i + 1) & mask) {
            String s = k[i];
            if (s == null) return null;
            if (s.equals(lowerKey)) return values[i];
        }
    }

    private Object derive(String lowerKey) {
        Object[] d = derived;
        for (int i = 0; i < d.length; i += 2) {
            if (d[i] == lowerKey || d[i].equals(lowerKey)) return d[i + 1] == ABSENT ? null : d[i + 1];
        }
        Values v = source.derive(lowerKey);
        Object raw = v == null ? null : v.multiValued() ? v.values() : v.single();
        // a concurrent reader may append another key at the same time and lose this one: it is derived again later
        Object[] more = Arrays.copyOf(d, d.length + 2);
        more[d.length] = lowerKey;
        more[d.length + 1] = raw == null ? ABSENT : raw;
        derived = more;
        return raw;
    }

    @SuppressWarnings("unchecked")
    private static Values values(Object raw) {
        if (raw == null) return null;
        return raw instanceof String s ? new Values(List.of(s), false) : new Values((List<String>) raw, true);
    }

    /** Fibonacci hashing of the key's (cached) hash into a table of {@code 2^(32 - shift)} slots. */
    private static int slot(String key, int shift) {
        return (key.hashCode() * 0x9E3779B9) >>> shift;
    }

    public static final class Builder {
        private static final int INITIAL_SHIFT = 32 - 6;

        private String[] keys;
        private Object[] values;
        private int shift, used;
        /** True while the arrays belong to a context too: the next change copies them first. */
        private boolean shared;

        private Builder() {
            keys = new String[1 << (32 - INITIAL_SHIFT)];
            values = new Object[keys.length];
            shift = INITIAL_SHIFT;
        }

        private Builder(String[] keys, Object[] values, int shift) {
            this.keys = keys;
            this.values = values;
            this.shift = shift;
            for (String k : keys) if (k != null) used++;
            shared = true;
        }

        public Builder put(String key, String value) {
            if (value != null) set(key.toLowerCase(Locale.ROOT), value);
            return this;
        }

        public Builder put(Key key, String value) {
            if (value != null) set(key.lower, value);
            return this;
        }

        /** The key {@code prefix + suffix}, e.g. {@code kms:EncryptionContext:} and a context key of the request. */
        public Builder put(Key prefix, String suffix, String value) {
            if (value != null) set(fold(prefix, suffix), value);
            return this;
        }

        /**
         * {@code (prefix + suffix).toLowerCase(Locale.ROOT)}; only an ASCII suffix is folded on its own, as non-ASCII
         * case mappings can depend on the preceding text (final sigma).
         */
        private static String fold(Key prefix, String suffix) {
            for (int i = 0; i < suffix.length(); i++)
                if (suffix.charAt(i) >= 128) return prefix.lower.concat(suffix).toLowerCase(Locale.ROOT);
            return prefix.lower.concat(suffix.toLowerCase(Locale.ROOT));
        }

        public Builder putMulti(String key, List<String> values) {
            if (values != null) set(key.toLowerCase(Locale.ROOT), List.copyOf(values));
            return this;
        }

        public Builder putMulti(Key key, List<String> values) {
            if (values != null) set(key.lower, List.copyOf(values));
            return this;
        }

        public Builder remove(String key) {
            String lower = key.toLowerCase(Locale.ROOT);
            int i = find(lower);
            if (keys[i] != null && values[i] != null) {
                writable();
                values[i] = null;
            }
            return this;
        }

        public boolean has(String key) {
            int i = find(key.toLowerCase(Locale.ROOT));
            return keys[i] != null && values[i] != null;
        }

        public RequestContext build() {
            shared = true;
            return new RequestContext(keys, values, shift);
        }

        /** The slot of {@code lowerKey}, or the free slot where it would go. */
        private int find(String lowerKey) {
            String[] k = keys;
            int mask = k.length - 1;
            int i = slot(lowerKey, shift);
            while (k[i] != null && !k[i].equals(lowerKey)) i = (i + 1) & mask;
            return i;
        }

        private void set(String lowerKey, Object value) {
            writable();
            int i = find(lowerKey);
            if (keys[i] == null) {
                if (++used > keys.length >> 1) {
                    grow();
                    i = find(lowerKey);
                }
                keys[i] = lowerKey;
            }
            values[i] = value;
        }

        private void writable() {
            if (shared) {
                keys = keys.clone();
                values = values.clone();
                shared = false;
            }
        }

        private void grow() {
            String[] oldKeys = keys;
            Object[] oldValues = values;
            shift--;
            keys = new String[oldKeys.length * 2];
            values = new Object[keys.length];
            used = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] == null || oldValues[i] == null) continue;
                int j = find(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
                used++;
            }
            used++; // the key being added
        }
    }
}
