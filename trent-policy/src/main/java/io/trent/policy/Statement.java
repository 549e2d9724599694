package io.trent.policy;

import java.util.List;

/**
 * One statement. List-valued elements are normalized to lists at parse time.
 *
 * @param index       position in the Statement array (0-based)
 * @param sid         the Sid, or null
 * @param principals  entries of Principal/NotPrincipal; null when the statement has neither (identity policies)
 * @param notPrincipal true when the entries came from NotPrincipal
 * @param actions     Action or NotAction patterns, as written
 * @param resources   Resource or NotResource patterns, as written
 * @param conditions  one entry per (operator, key) pair, in document order
 */
public record Statement(int index, String sid, Effect effect,
                        List<PrincipalEntry> principals, boolean notPrincipal,
                        List<String> actions, boolean notAction,
                        List<String> resources, boolean notResource,
                        List<Condition> conditions) {
    public Statement {
        principals = principals == null ? null : List.copyOf(principals);
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** "Sid" when present, otherwise "#index", as used in explanations. */
    public String label() {
        return sid != null && !sid.isEmpty() ? sid : "#" + index;
    }

    /** JSON path of this statement in its document. */
    public String path() {
        return "$.Statement[" + index + "]";
    }
}
