package io.trent.analyzer.lint;

import java.util.Comparator;
import java.util.List;

/**
 * {@code trent lint}: runs the 38 checks of lint-catalog.md on a policy document. Checks 1-28 and 31-34 read the raw
 * JSON and run on whatever parts of it they can read; the semantic checks (29, 30, 35-38) come from
 * {@link SemanticChecks} and are skipped when the document is malformed.
 */
public final class Linter {
    private Linter() {}

    /** Lints a document; never throws on any input text. Findings are in document order. */
    public static List<Finding> lint(String json, LintMode mode) {
        return lint(SourceDocument.parse(json), mode);
    }

    /** Lints an already read document (so that callers can locate findings with {@link SourceDocument#locate}). */
    public static List<Finding> lint(SourceDocument doc, LintMode mode) {
        FindingSink out = new FindingSink();
        LintPolicy policy = new LintPolicy(doc.root(), mode);
        DocumentChecks.run(doc, policy, out);
        LintContext ctx = new LintContext(mode, policy.variablesEnabled(), DocumentChecks.variablesLiteral(policy), out);
        for (LintPolicy.Stmt s : policy.statements) {
            ElementChecks.run(s, ctx);
            ConditionChecks.run(s, ctx);
            AccessChecks.run(s, ctx);
        }
        if (!out.malformed()) {
            List<Finding> semantic = SemanticChecks.run(doc.root(), out.excludedStatements());
            // Identity policies have no Principal: of the semantic checks only the statement-local one applies.
            out.addAll(mode == LintMode.KEY_POLICY ? semantic : semantic.stream()
                    .filter(f -> f.code().equals(LintCode.UNSATISFIABLE_CONDITION.name())).toList());
        }
        Comparator<Finding> byPlace = Comparator.comparing((Finding f) -> doc.locate(f.path()),
                Comparator.comparingInt(SourceDocument.Location::line).thenComparingInt(SourceDocument.Location::column));
        return out.findings().stream().sorted(byPlace.thenComparing(Finding::code))
                .toList();
    }
}
