package io.trent.analyzer.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One file of the shared lint-examples format: {@code {"policy": {...}, "expect": {"codes": [...]}, "notes": "..."}}.
 * The policy is linted from its exact source text, so that repeated members inside it are seen.
 *
 * @param mode an optional {@code "mode": "identity"} member selects identity-policy mode
 */
public record LintExample(Path file, String policyText, SortedSet<String> expected, LintMode mode) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The outcome of linting one example. */
    public record Result(LintExample example, SortedSet<String> actual) {
        public boolean passed() { return example.expected().equals(actual); }
    }

    public LintExample {
        expected = new TreeSet<>(expected);
    }

    /** Every {@code *.json} file below {@code dir}, in path order. */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).sorted()
                    .toList();
        }
    }

    /** Reads an example file; an IllegalArgumentException says what is wrong with a file not in the format. */
    public static LintExample read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode doc;
        try {
            doc = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage(), e);
        }
        JsonNode codes = doc == null ? null : doc.path("expect").get("codes");
        if (doc == null || !doc.has("policy") || codes == null || !codes.isArray()) {
            throw new IllegalArgumentException(file + ": expected {\"policy\": ..., \"expect\": {\"codes\": [...]}}");
        }
        SortedSet<String> expected = new TreeSet<>();
        codes.forEach(c -> expected.add(c.asText()));
        LintMode mode = doc.path("mode").asText("").equalsIgnoreCase("identity") ? LintMode.IDENTITY : LintMode.KEY_POLICY;
        return new LintExample(file, policySource(text), expected, mode);
    }

    /** Lints the example's policy; the result holds the set of codes reported. */
    public Result run() {
        return new Result(this, codes(Linter.lint(policyText, mode)));
    }

    /** The source text of the top-level "policy" member. */
    private static String policySource(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean policy = p.currentName().equals("policy");
                JsonToken value = p.nextToken();
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                if (policy) {
                    int end = value.isStructStart() ? (int) p.currentTokenLocation().getCharOffset() + 1
                            : (int) p.currentLocation().getCharOffset();
                    return text.substring(start, end);
                }
            }
        }
        throw new IllegalStateException("no top-level policy member");
    }

    /** The codes of {@code findings}, as a sorted set. */
    public static SortedSet<String> codes(List<Finding> findings) {
        SortedSet<String> s = new TreeSet<>();
        findings.forEach(f -> s.add(f.code()));
        return s;
    }
}
