package io.trent.analyzer.lint;

import java.util.Locale;

/** Finding severities, most severe first. */
public enum Severity {
    ERROR, SECURITY, WARNING, SUGGESTION;

    /** True when this severity is {@code threshold} or more severe. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Lower-case name as printed: {@code error}, {@code security}, {@code warning}, {@code suggestion}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
