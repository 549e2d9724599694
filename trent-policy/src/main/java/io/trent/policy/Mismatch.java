package io.trent.policy;

import java.util.List;

/** The first reason a statement did not apply to a request. */
public sealed interface Mismatch {
    /** A sentence for humans, e.g. {@code condition StringEquals kms:ViaService expected [..] but was absent}. */
    String describe();

    record Principal(String caller) implements Mismatch {
        public String describe() { return "principal does not match " + caller; }
    }

    record Action(String action) implements Mismatch {
        public String describe() { return "action " + action + " is not matched"; }
    }

    record Resource(String resource) implements Mismatch {
        public String describe() { return "resource " + resource + " is not matched"; }
    }

    /** @param actual the request's values, or null when the key is absent */
    record Condition(String operatorText, String key, List<String> expected, List<String> actual) implements Mismatch {
        public String describe() {
            return "condition " + operatorText + " " + key + " expected " + expected + " but was "
                    + (actual == null ? "absent" : actual.size() == 1 ? "\"" + actual.get(0) + "\"" : actual.toString());
        }
    }
}
