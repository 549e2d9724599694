package io.trent.policy;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Best-effort parse for tools (the linter): every diagnostic, plus a policy made of the statements that parsed
 * cleanly. Never evaluate this policy for an authorization decision; use {@link PolicyParser#parse} for that.
 *
 * @param policy        the clean statements (original indexes kept), or null when the document itself is unusable
 *                      (not JSON, not an object, Statement missing, empty or of the wrong type)
 * @param diagnostics   every problem found, in document order
 * @param badStatements indexes of the statements that had at least one diagnostic, ascending
 */
public record LenientParse(Policy policy, List<Diagnostic> diagnostics, Set<Integer> badStatements) {
    public LenientParse {
        diagnostics = List.copyOf(diagnostics);
        badStatements = Collections.unmodifiableSortedSet(new TreeSet<>(badStatements));
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
