package io.trent.analyzer.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The three output formats of {@code trent lint}: text, JSON and SARIF 2.1.0. */
public final class LintOutput {
    /** The findings for one linted file, with the document to locate them in. */
    public record Linted(String file, SourceDocument document, List<Finding> findings) {
        public Linted {
            findings = List.copyOf(findings);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private LintOutput() {}

    /** One line per finding: severity, code, path, message; prefixed with the file when there are several. */
    public static String text(List<Linted> files) {
        StringBuilder sb = new StringBuilder();
        for (Linted l : files) {
            for (Finding f : l.findings()) {
                if (files.size() > 1) sb.append(l.file()).append(": ");
                sb.append(f.severity().label()).append(' ').append(f.code()).append(' ').append(f.path()).append(": ")
                        .append(f.message()).append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code {"findings": [{"code", "severity", "path", "message"}]}}, plus "file" when there are several files. */
    public static String json(List<Linted> files) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("findings");
        for (Linted l : files) {
            for (Finding f : l.findings()) {
                ObjectNode o = list.addObject();
                if (files.size() > 1) o.put("file", l.file());
                o.put("code", f.code()).put("severity", f.severity().label()).put("path", f.path())
                        .put("message", f.message());
            }
        }
        return write(root);
    }

    /**
     * A SARIF 2.1.0 log with one run: every catalog check as a rule, and one result per finding located at the line
     * and column of its JSON path in the file, as GitHub code scanning expects.
     */
    public static String sarif(List<Linted> files) {
        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", SARIF_SCHEMA).put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "trent-lint").put("version", "0.1.0");
        ArrayNode rules = driver.putArray("rules");
        for (LintCode c : LintCode.values()) {
            ObjectNode r = rules.addObject();
            r.put("id", c.name()).put("name", pascalCase(c.name()));
            r.putObject("shortDescription").put("text", c.title());
            r.putObject("defaultConfiguration").put("level", level(c.severity()));
            ObjectNode props = r.putObject("properties");
            props.putArray("tags").add(c.severity() == Severity.SECURITY ? "security" : "correctness")
                    .add(c.semantic() ? "semantic" : "syntactic");
            if (c.severity() == Severity.SECURITY) props.put("security-severity", "7.5");
            props.put("catalogNumber", c.number());
        }
        ArrayNode results = run.putArray("results");
        for (Linted l : files) {
            String uri = uri(l.file());
            for (Finding f : l.findings()) {
                ObjectNode r = results.addObject();
                LintCode code = LintCode.valueOf(f.code());
                r.put("ruleId", f.code()).put("ruleIndex", code.ordinal()).put("level", level(f.severity()));
                r.putObject("message").put("text", f.message());
                ObjectNode loc = r.putArray("locations").addObject();
                ObjectNode physical = loc.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri);
                SourceDocument.Location at = locate(l.document(), f);
                physical.putObject("region").put("startLine", at.line()).put("startColumn", at.column());
                loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.path()).put("kind", "member");
            }
        }
        return write(log);
    }

    /** Where a finding is shown: its path, or for a JSON syntax error the place the parser gave up. */
    static SourceDocument.Location locate(SourceDocument doc, Finding f) {
        if (f.code().equals(LintCode.MALFORMED_POLICY.name()) && f.path().equals(JsonPaths.ROOT)
                && doc.syntaxError() != null) {
            return doc.syntaxErrorLocation();
        }
        return doc.locate(f.path());
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR, SECURITY -> "error";
            case WARNING -> "warning";
            case SUGGESTION -> "note";
        };
    }

    /** A relative path stays relative (to the repository root, for code scanning); an absolute one is a file URI. */
    static String uri(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) return p.toUri().toString();
        StringBuilder sb = new StringBuilder();
        for (byte b : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static String pascalCase(String code) {
        StringBuilder sb = new StringBuilder();
        for (String part : code.split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
