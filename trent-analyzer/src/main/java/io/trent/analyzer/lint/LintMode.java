package io.trent.analyzer.lint;

/** What kind of document is linted (lint-catalog.md section 5). */
public enum LintMode {
    /** A KMS key policy: the default, and the only mode the shared examples use. */
    KEY_POLICY,
    /** An IAM identity policy that mentions KMS actions. */
    IDENTITY
}
