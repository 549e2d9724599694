package io.trent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LintCommandTest {
    private static final String ROOT_STATEMENT = """
            {"Sid": "Enable IAM policies", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}""";
    /** Only a warning: MISSING_VERSION. */
    private static final String WARNING_ONLY = "{\"Statement\": [" + ROOT_STATEMENT + "]}";
    /** Only a security finding: CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT. */
    private static final String SECURITY_ONLY = """
            {"Version": "2012-10-17", "Statement": [%s,
             {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
              "Action": "kms:CreateGrant", "Resource": "*"}]}""".formatted(ROOT_STATEMENT);
    /** Only a suggestion: SERVICE_PRINCIPAL_SOURCE_ACCOUNT_ONLY. */
    private static final String SUGGESTION_ONLY = """
            {"Version": "2012-10-17", "Statement": [%s,
             {"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
              "Action": "kms:GenerateDataKey", "Resource": "*",
              "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"},
                            "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*"}}}]}
            """.formatted(ROOT_STATEMENT);
    /** An error: UNKNOWN_ACTION. */
    private static final String ERROR = """
            {"Version": "2012-10-17", "Statement": [%s,
             {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
              "Action": "kms:GenerateDataKeys", "Resource": "*"}]}""".formatted(ROOT_STATEMENT);
    private static final String CLEAN = "{\"Version\": \"2012-10-17\", \"Statement\": [" + ROOT_STATEMENT + "]}";

    @TempDir
    Path dir;

    @Test
    void failOnSetsTheExitStatusBySeverity() throws IOException {
        String warning = write("warning.json", WARNING_ONLY);
        String security = write("security.json", SECURITY_ONLY);
        String suggestion = write("suggestion.json", SUGGESTION_ONLY);
        String error = write("error.json", ERROR);
        String clean = write("clean.json", CLEAN);

        assertThat(exit(warning)).isZero();
        assertThat(exit(warning, "--fail-on", "error")).isZero();
        assertThat(exit(warning, "--fail-on", "security")).isZero();
        assertThat(exit(warning, "--fail-on", "warning")).isEqualTo(1);
        assertThat(exit(warning, "--fail-on", "suggestion")).isEqualTo(1);

        assertThat(exit(security)).isZero();
        assertThat(exit(security, "--fail-on", "security")).isEqualTo(1);
        assertThat(exit(security, "--fail-on", "warning")).isEqualTo(1);

        assertThat(exit(suggestion, "--fail-on", "warning")).isZero();
        assertThat(exit(suggestion, "--fail-on", "suggestion")).isEqualTo(1);

        assertThat(exit(error)).isEqualTo(1);
        assertThat(exit(error, "--fail-on", "error")).isEqualTo(1);

        assertThat(exit(clean, "--fail-on", "suggestion")).isZero();
    }

    @Test
    void textFormatPrintsSeverityCodePathAndMessage() throws IOException {
        Cli.Run run = Cli.run("lint", write("p.json", ERROR));

        assertThat(run.out().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("error UNKNOWN_ACTION $.Statement[1].Action: ")
                .contains("kms:GenerateDataKeys").contains("Did you mean kms:GenerateDataKey?"));
    }

    @Test
    void jsonFormatListsFindingsWithLowerCaseSeverities() throws IOException {
        Cli.Run run = Cli.run("lint", write("p.json", SECURITY_ONLY), "--format", "json");

        JsonNode findings = new ObjectMapper().readTree(run.out()).get("findings");
        assertThat(findings).hasSize(1);
        JsonNode f = findings.get(0);
        assertThat(f.get("code").asText()).isEqualTo("CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT");
        assertThat(f.get("severity").asText()).isEqualTo("security");
        assertThat(f.get("path").asText()).isEqualTo("$.Statement[1].Action");
        assertThat(f.get("message").asText()).contains("kms:GrantIsForAWSResource");
        assertThat(run.exit()).isZero();
    }

    @Test
    void sarifFormatPointsAtTheFileAndLine() throws IOException {
        String file = write("p.json", ERROR);
        Cli.Run run = Cli.run("lint", file, "--format", "sarif");

        JsonNode result = new ObjectMapper().readTree(run.out()).at("/runs/0/results/0");
        assertThat(result.get("ruleId").asText()).isEqualTo("UNKNOWN_ACTION");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(Path.of(file).toUri().toString());
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
    }

    @Test
    void outputOptionWritesTheReportToAFile() throws IOException {
        Path report = dir.resolve("lint.sarif");
        Cli.Run run = Cli.run("lint", write("p.json", ERROR), "--format", "sarif", "--output", report.toString());

        assertThat(run.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(report.toFile()).get("version").asText()).isEqualTo("2.1.0");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void identityModeTurnsOffKeyPolicyChecks() throws IOException {
        String policy = write("identity.json", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:CreateKey",
                  "Resource": "*"}]}""");

        assertThat(Cli.run("lint", policy, "--mode", "identity").out()).isEmpty();
        assertThat(Cli.run("lint", policy).out()).contains("MALFORMED_POLICY").contains("IAM_ONLY_ACTION_IN_KEY_POLICY");
    }

    @Test
    void examplesReportEachFailureAndASummary() throws IOException {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("good.json"), "{\"policy\": " + WARNING_ONLY
                + ", \"expect\": {\"codes\": [\"MISSING_VERSION\"]}}");
        Files.writeString(examples.resolve("bad.json"), "{\"policy\": " + CLEAN
                + ", \"expect\": {\"codes\": [\"MISSING_VERSION\"]}}");

        Cli.Run run = Cli.run("lint", "--examples", examples.toString());

        assertThat(run.out().lines()).containsExactly(
                "FAIL bad.json: expected [MISSING_VERSION], got []",
                "1 passed, 1 failed");
        assertThat(run.exit()).isEqualTo(1);

        Files.delete(examples.resolve("bad.json"));
        Cli.Run ok = Cli.run("lint", "--examples", examples.toString());
        assertThat(ok.out().lines()).containsExactly("1 passed, 0 failed");
        assertThat(ok.exit()).isZero();
    }

    @Test
    void unreadableFilesAndMissingArgumentsExitTwo() {
        Cli.Run missing = Cli.run("lint", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");

        assertThat(Cli.run("lint").exit()).isEqualTo(2);
        assertThat(Cli.run("lint", "x.json", "--fail-on", "fatal").exit()).isEqualTo(2);
    }

    private static int exit(String file, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "lint";
        args[1] = file;
        System.arraycopy(options, 0, args, 2, options.length);
        return Cli.run(args).exit();
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }
}
