package io.trent.analyzer.lint;

/**
 * What statement checks need to know about the document.
 *
 * @param variablesEnabled Version is 2012-10-17, so {@code ${...}} is substituted
 * @param variablesLiteral Version is absent or 2008-10-17, so {@code ${...}} is literal text (check 4)
 */
record LintContext(LintMode mode, boolean variablesEnabled, boolean variablesLiteral, FindingSink out) {
    boolean keyPolicy() { return mode == LintMode.KEY_POLICY; }
}
