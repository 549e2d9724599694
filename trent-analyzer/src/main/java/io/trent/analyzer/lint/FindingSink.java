package io.trent.analyzer.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects findings and the statements they put out of reach of the semantic checks. */
final class FindingSink {
    /** Codes that leave a statement without defined meaning (catalog section 1, "Semantic checks"). */
    private static final Set<LintCode> MEANINGLESS = EnumSet.of(LintCode.INVALID_PRINCIPAL,
            LintCode.UNKNOWN_CONDITION_KEY, LintCode.UNKNOWN_OPERATOR, LintCode.INVALID_CONDITION_VALUE,
            LintCode.OPERATOR_TYPE_MISMATCH, LintCode.ARN_OPERATOR_ON_NON_ARN_KEY);

    private final List<Finding> findings = new ArrayList<>();
    private final Set<Integer> excluded = new TreeSet<>();
    private boolean malformed;

    /** Records a finding; {@code statement} is the statement index, or -1 for the document as a whole. */
    void add(LintCode code, int statement, String path, String message) {
        findings.add(new Finding(code.name(), code.severity(), path, message));
        if (code == LintCode.MALFORMED_POLICY) malformed = true;
        if (statement >= 0 && MEANINGLESS.contains(code)) excluded.add(statement);
    }

    void addAll(List<Finding> more) {
        findings.addAll(more);
    }

    boolean malformed() { return malformed; }

    Set<Integer> excludedStatements() { return Set.copyOf(excluded); }

    List<Finding> findings() { return findings; }
}
