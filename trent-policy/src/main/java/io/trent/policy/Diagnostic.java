package io.trent.policy;

/**
 * One problem found while parsing a policy document.
 *
 * @param code     stable machine-readable code, see {@link DiagnosticCode}
 * @param path     JSON path of the offending element, e.g. {@code $.Statement[1].Condition.Bool.aws:SecureTransport}
 * @param message  what is wrong, in one sentence
 * @param expected what would have been accepted there
 */
public record Diagnostic(DiagnosticCode code, String path, String message, String expected) {
    @Override
    public String toString() {
        return path + ": " + message + (expected == null || expected.isEmpty() ? "" : " (expected " + expected + ")");
    }
}
