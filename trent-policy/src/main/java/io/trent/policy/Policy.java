package io.trent.policy;

import java.util.List;

/**
 * A parsed, validated policy document. Immutable.
 *
 * @param version "2012-10-17", "2008-10-17", or null when absent (2008 semantics)
 * @param id      the Id element, or null
 * @param text    the original document text (stored and returned verbatim by GetKeyPolicy)
 */
public record Policy(PolicyType type, String version, String id, List<Statement> statements, String text) {
    public Policy {
        statements = List.copyOf(statements);
    }

    /** Policy variables are substituted only under Version 2012-10-17. */
    public boolean variablesEnabled() {
        return PolicyParser.VERSION_2012.equals(version);
    }
}
