package io.trent.analyzer.lint;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks on the document as a whole: 1 (MALFORMED_POLICY, as found while reading), 2, 3 and 12 (repeated members). */
final class DocumentChecks {
    private static final String VERSION_PATH = JsonPaths.member(JsonPaths.ROOT, "Version");

    private DocumentChecks() {}

    static void run(SourceDocument doc, LintPolicy policy, FindingSink out) {
        if (doc.syntaxError() != null) {
            SourceDocument.Location at = doc.syntaxErrorLocation();
            out.add(LintCode.MALFORMED_POLICY, -1, JsonPaths.ROOT, "The document is not valid JSON (line "
                    + at.line() + ", column " + at.column() + ": " + doc.syntaxError() + "); fix the syntax.");
        }
        for (LintPolicy.Problem p : policy.malformed) out.add(LintCode.MALFORMED_POLICY, p.statement(), p.path(), p.message());
        for (String path : doc.duplicateMembers()) {
            out.add(LintCode.DUPLICATE_CONDITION_KEY, -1, path, "This member name appears twice in the same JSON "
                    + "object; parsers silently keep only one of the two. Merge them into one member.");
        }
        if (policy.root == null || !policy.root.isObject()) return;
        JsonNode v = policy.version;
        if (v == null) {
            out.add(LintCode.MISSING_VERSION, -1, JsonPaths.ROOT, "The document has no Version, so policy variables "
                    + "are read as literal text; add \"Version\": \"2012-10-17\".");
        } else if (!v.isTextual() || !(v.asText().equals("2012-10-17") || v.asText().equals("2008-10-17"))) {
            out.add(LintCode.INVALID_VERSION, -1, VERSION_PATH, "Version " + v + " is not a policy language "
                    + "version; use \"2012-10-17\".");
        }
    }

    /** Version is absent or 2008-10-17: policy variables are not substituted. */
    static boolean variablesLiteral(LintPolicy policy) {
        JsonNode v = policy.version;
        return policy.root != null && policy.root.isObject()
                && (v == null || (v.isTextual() && v.asText().equals("2008-10-17")));
    }
}
