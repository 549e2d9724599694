package io.trent.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys of one request. Keys are case-insensitive; each key holds one value (single-valued keys) or a
 * list (multi-valued keys, which may be empty). Absent keys return null.
 */
public final class RequestContext {
    /** Values of one key. */
    public record Values(List<String> values, boolean multiValued) {
        public Values {
            values = List.copyOf(values);
        }

        public String single() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final Map<String, Values> byLowerKey;

    private RequestContext(Map<String, Values> byLowerKey) {
        this.byLowerKey = byLowerKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Values of {@code key} (any case), or null when the request does not carry it. */
    public Values get(String key) {
        Values v = byLowerKey.get(key);
        return v != null ? v : byLowerKey.get(key.toLowerCase(Locale.ROOT));
    }

    /** Same as {@link #get} for a key already in lower case (compiled matchers pre-fold their keys). */
    public Values getLower(String lowerKey) {
        return byLowerKey.get(lowerKey);
    }

    /** Every key (lower-cased) with its values, for explanations and debugging. */
    public Map<String, Values> asMap() {
        return java.util.Collections.unmodifiableMap(byLowerKey);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.map.putAll(byLowerKey);
        return b;
    }

    public static final class Builder {
        private HashMap<String, Values> map = new HashMap<>(64);
        /** True once build() handed {@code map} to a context: the next change copies it first. */
        private boolean shared;

        private HashMap<String, Values> writable() {
            if (shared) {
                map = new HashMap<>(map);
                shared = false;
            }
            return map;
        }

        public Builder put(String key, String value) {
            if (value != null) writable().put(key.toLowerCase(Locale.ROOT), new Values(List.of(value), false));
            return this;
        }

        public Builder putBool(String key, boolean value) {
            return put(key, value ? "true" : "false");
        }

        public Builder putMulti(String key, List<String> values) {
            if (values != null) writable().put(key.toLowerCase(Locale.ROOT), new Values(values, true));
            return this;
        }

        public Builder remove(String key) {
            writable().remove(key.toLowerCase(Locale.ROOT));
            return this;
        }

        public boolean has(String key) {
            return map.containsKey(key.toLowerCase(Locale.ROOT));
        }

        public RequestContext build() {
            shared = true;
            return new RequestContext(map);
        }
    }
}
