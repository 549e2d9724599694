package io.trent.analyzer.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class LintOutputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Three findings on lines 1, 9 and 14 (1-based) of a pretty-printed file. */
    private static final String POLICY = """
            {
              "Statement": [
                {
                  "Sid": "Enable IAM policies",
                  "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                  "Action": "kms:*",
                  "Resource": "*"
                },
                {
                  "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
                  "Action": [
                    "kms:Decrypt",
                    "kms:CreateGrant"
                  ],
                  "Resource": "*",
                  "Condition": {
                    "StringEquals": {"kms:CallerAcount": "111122223333"}
                  }
                }
              ]
            }
            """;

    private static LintOutput.Linted linted(String file, String text) {
        SourceDocument doc = SourceDocument.parse(text);
        return new LintOutput.Linted(file, doc, Linter.lint(doc, LintMode.KEY_POLICY));
    }

    @Test
    void sarifHasTheRequiredStructureAndEveryRule() throws IOException {
        JsonNode log = MAPPER.readTree(LintOutput.sarif(List.of(linted("policies/key.json", POLICY))));

        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
        assertThat(log.get("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isNotBlank();
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(38);
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            LintCode code = LintCode.values()[i];
            ids.add(r.get("id").asText());
            assertThat(r.get("id").asText()).isEqualTo(code.name());
            assertThat(r.get("name").asText()).matches("[A-Z][A-Za-z]+");
            assertThat(r.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(r.at("/defaultConfiguration/level").asText()).isEqualTo(switch (code.severity()) {
                case ERROR, SECURITY -> "error";
                case WARNING -> "warning";
                case SUGGESTION -> "note";
            });
        }
        assertThat(ids).hasSize(38).contains("MALFORMED_POLICY", "REDUNDANT_STATEMENT");

        JsonNode results = log.at("/runs/0/results");
        assertThat(results).isNotEmpty();
        for (JsonNode r : results) {
            String ruleId = r.get("ruleId").asText();
            assertThat(ids).contains(ruleId);
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
            assertThat(r.get("level").asText()).isIn("error", "warning", "note");
            assertThat(r.at("/message/text").asText()).isNotBlank();
            JsonNode physical = r.at("/locations/0/physicalLocation");
            assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("policies/key.json");
            assertThat(physical.at("/region/startLine").asInt()).isPositive();
            assertThat(physical.at("/region/startColumn").asInt()).isPositive();
        }
    }

    @Test
    void sarifRegionsPointAtTheLineAndColumnOfEachFinding() throws IOException {
        JsonNode results = MAPPER.readTree(LintOutput.sarif(List.of(linted("key.json", POLICY)))).at("/runs/0/results");

        List<String> placed = new ArrayList<>();
        for (JsonNode r : results) {
            placed.add(r.get("ruleId").asText() + "@" + r.at("/locations/0/physicalLocation/region/startLine").asInt()
                    + ":" + r.at("/locations/0/physicalLocation/region/startColumn").asInt());
        }
        assertThat(placed).containsExactly(
                "MISSING_VERSION@1:1",
                "CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT@15:9",
                "UNKNOWN_CONDITION_KEY@19:26");
        assertThat(POLICY.lines().toList().get(14).substring(8)).startsWith("\"kms:CreateGrant\"");
        assertThat(POLICY.lines().toList().get(18).substring(25)).startsWith("\"kms:CallerAcount\"");
    }

    @Test
    void sarifPlacesASyntaxErrorWhereTheParserStopped() throws IOException {
        String broken = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",, }\n  ]\n}\n";
        JsonNode result = MAPPER.readTree(LintOutput.sarif(List.of(linted("broken.json", broken))))
                .at("/runs/0/results/0");

        assertThat(result.get("ruleId").asText()).isEqualTo("MALFORMED_POLICY");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
    }

    @Test
    void sarifUrisAreRelativeReferencesOrFileUris() {
        assertThat(LintOutput.uri("policies/my key.json")).isEqualTo("policies/my%20key.json");
        assertThat(LintOutput.uri("policies\\key.json")).isEqualTo("policies/key.json");
        assertThat(LintOutput.uri("/tmp/key.json")).isEqualTo("file:///tmp/key.json");
    }

    @Test
    void jsonAndTextFormats() throws IOException {
        List<LintOutput.Linted> one = List.of(linted("key.json", POLICY));

        JsonNode json = MAPPER.readTree(LintOutput.json(one));
        assertThat(json.get("findings")).hasSize(3);
        JsonNode first = json.get("findings").get(0);
        assertThat(first.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("code", "severity", "path", "message");
        assertThat(first.get("severity").asText()).isEqualTo("warning");

        assertThat(LintOutput.text(one).lines()).hasSize(3).first().asString()
                .startsWith("warning MISSING_VERSION $: ");
        List<LintOutput.Linted> two = List.of(linted("a.json", POLICY), linted("b.json", POLICY));
        assertThat(LintOutput.text(two).lines()).hasSize(6).allSatisfy(l -> assertThat(l).matches("[ab]\\.json: .*"));
        assertThat(MAPPER.readTree(LintOutput.json(two)).get("findings").get(5).get("file").asText()).isEqualTo("b.json");
    }
}
