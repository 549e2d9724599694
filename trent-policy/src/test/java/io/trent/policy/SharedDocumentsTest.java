package io.trent.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every policy of the shared conformance cases and lint examples is a document KMS/IAM accepts, so the strict parser
 * must accept it (lint findings are semantic, not grammatical), as a tree and as text with the same result.
 */
class SharedDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path shared() {
        Path root = Path.of(System.getProperty("trent.repo.root", ".."));
        Path shared = root.resolve("../shared").normalize();
        if (!Files.isDirectory(shared)) shared = root.resolve("shared");
        assertThat(shared.resolve("conformance/cases")).as("shared documents next to the repository").isDirectory();
        return shared;
    }

    private static List<Path> json(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void assertParses(String where, JsonNode policy, PolicyType type) throws IOException {
        ParseResult fromTree = PolicyParser.parse(policy, type);
        assertThat(fromTree.diagnostics()).as(where).isEmpty();
        ParseResult fromText = PolicyParser.parse(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(policy), type);
        assertThat(fromText.diagnostics()).as(where).isEmpty();
        assertThat(fromText.policy().statements()).as(where).isEqualTo(fromTree.policy().statements());
        CompiledPolicy.compile(fromText.policy());
    }

    @Test
    void conformanceCasePoliciesParse() throws IOException {
        List<Path> cases = json(shared().resolve("conformance/cases"));
        assertThat(cases).hasSizeGreaterThan(50);
        int identity = 0;
        for (Path file : cases) {
            JsonNode c = JSON.readTree(file.toFile());
            assertParses(file + " key policy", c.path("key").path("policy"), PolicyType.KEY_POLICY);
            List<JsonNode> others = new ArrayList<>();
            for (String field : List.of("identityPolicies", "permissionsBoundaries")) {
                for (Iterator<JsonNode> it = c.path(field).elements(); it.hasNext(); ) {
                    JsonNode v = it.next();
                    if (v.isArray()) v.forEach(others::add);
                    else others.add(v);
                }
            }
            c.path("serviceControlPolicies").forEach(others::add);
            for (JsonNode p : others) assertParses(file + " IAM policy", p, PolicyType.IDENTITY_POLICY);
            identity += others.size();
        }
        assertThat(identity).isPositive();
    }

    @Test
    void lintExamplePoliciesParse() throws IOException {
        List<Path> examples = json(shared().resolve("lint-examples"));
        assertThat(examples).isNotEmpty();
        for (Path file : examples) assertParses(file.toString(), JSON.readTree(file.toFile()).path("policy"), PolicyType.KEY_POLICY);
    }
}
