package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.trent.authz.Fixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Case parsing, rendering and the conformance runner. */
class SimulationTest {
    static final String KEY = "arn:aws:kms:eu-central-1:123456789012:key/1111aaaa-0000-0000-0000-000000000000";
    static final String ACCOUNT_STATEMENT = """
            {"Sid":"Enable IAM policies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
             "Action":"kms:*","Resource":"*"}""";

    static String caseJson(String keyPolicyStatements, String extra, String request, String expect) {
        return """
                {"description":"test case","key":{"arn":"%s","policy":{"Version":"2012-10-17","Statement":[%s]}}%s,
                 "request":%s%s}""".formatted(KEY, keyPolicyStatements, extra, request,
                expect == null ? "" : ",\"expect\":{\"decision\":\"" + expect + "\"}");
    }

    static String decryptBy(String caller) {
        return "{\"caller\":{\"arn\":\"" + caller + "\"},\"operation\":\"Decrypt\",\"parameters\":{\"KeyId\":\"" + KEY + "\"}}";
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    void everySharedCaseRendersAsTextAndJson() throws IOException {
        try (Stream<Path> files = Files.list(ConformanceTest.casesDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Simulation sim;
                try {
                    sim = Simulation.load(f);
                } catch (SimulationException e) {
                    throw new AssertionError(f + ": " + e.getMessage());
                }
                Decision d = sim.decide();
                String text = sim.text(d);
                assertThat(text).as(f.toString()).contains("Decision: " + d.outcome().caseName())
                        .contains("Request context").contains("aws:CurrentTime = ");
                if (d.message() != null) assertThat(text).contains("Message:  " + d.message());
                ObjectNode json = sim.json(d);
                assertThat(json.path("decision").asText()).isEqualTo(d.outcome().caseName());
                assertThat(json.path("message").isNull()).isEqualTo(d.allowed());
                assertThat(json.path("reasons").size()).isEqualTo(d.reasons().size());
                assertThat(json.path("notApplied").size()).isEqualTo(d.notApplied().size());
                assertThat(json.path("context").path("aws:RequestedRegion").asText()).isEqualTo("eu-central-1");
                assertThat(json.path("contexts").size()).isEqualTo(d.checks().size());
                assertThat(json.path("contexts").get(0).path("check").asText()).isEqualTo(d.checks().get(0).replaceAll(": \\w+$", ""));
            }
        }
    }

    @Test
    void theJsonReportNamesTheDecidingAndTheNonApplyingStatements() throws Exception {
        String admin = """
                {"Sid":"Admins","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Admin"},
                 "Action":"kms:Describe*","Resource":"*"}""";
        Simulation sim = Simulation.parse(JSON.readTree(caseJson(admin, "",
                decryptBy("arn:aws:sts::123456789012:assumed-role/Admin/a"), "ImplicitDeny")));
        ObjectNode json = sim.json(sim.decide());
        assertThat(json.path("decision").asText()).isEqualTo("ImplicitDeny");
        assertThat(json.path("message").asText()).endsWith("because no resource-based policy allows the kms:Decrypt action");
        JsonNode miss = json.path("notApplied").get(0);
        assertThat(miss.path("policy").asText()).isEqualTo("key policy");
        assertThat(miss.path("statement").asText()).isEqualTo("Admins");
        assertThat(miss.path("effect").asText()).isEqualTo("Allow");
        assertThat(miss.path("reason").asText()).isEqualTo("action kms:Decrypt is not matched");
        assertThat(json.path("context").path("kms:CallerAccount").asText()).isEqualTo("123456789012");
        assertThat(json.path("checks").get(0).asText()).isEqualTo("kms:Decrypt on " + KEY + ": ImplicitDeny");
    }

    @Test
    void sessionsFindTheirRolesPoliciesWhateverTheRolePath() throws Exception {
        String extra = """
                ,"identityPolicies":{"arn:aws:iam::123456789012:role/team/data/Analyst":[
                   {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}]},
                 "permissionsBoundaries":{"arn:aws:iam::123456789012:role/Other":
                   {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}}""";
        Simulation sim = Simulation.parse(JSON.readTree(caseJson(ACCOUNT_STATEMENT, extra,
                decryptBy("arn:aws:sts::123456789012:assumed-role/Analyst/s"), "Allow")));
        Decision d = sim.decide();
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.reasons()).extracting(Decision.Reason::source)
                .contains("identity policy arn:aws:iam::123456789012:role/team/data/Analyst[0] statement #0");
        Simulation other = Simulation.parse(JSON.readTree(caseJson(ACCOUNT_STATEMENT, extra,
                decryptBy("arn:aws:sts::123456789012:assumed-role/Other/s"), "ImplicitDeny")));
        assertThat(other.decide().outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aReEncryptToAKeyTheCaseDoesNotDescribeEvaluatesOnlyTheSourceSide() throws Exception {
        String request = """
                {"caller":{"arn":"arn:aws:iam::123456789012:user/u"},"operation":"ReEncrypt",
                 "parameters":{"SourceKeyId":"%s","DestinationKeyId":"arn:aws:kms:eu-central-1:123456789012:key/other",
                 "CiphertextBlob":"AA"}}""".formatted(KEY);
        String fromOnly = """
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/u"},"Action":"kms:ReEncryptFrom","Resource":"*"}""";
        Simulation sim = Simulation.parse(JSON.readTree(caseJson(fromOnly, "", request, "Allow")));
        Decision d = sim.decide();
        assertThat(d.checks()).containsExactly("kms:ReEncryptFrom on " + KEY + ": Allow");
        assertThat(sim.context()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo("kms:ReEncryptFrom on " + KEY);
            assertThat(c.keys()).containsEntry("kms:ReEncryptOnSameKey", "false");
        });
        String toCaseKey = """
                {"caller":{"arn":"arn:aws:iam::123456789012:user/u"},"operation":"ReEncrypt",
                 "parameters":{"SourceKeyId":"arn:aws:kms:eu-central-1:123456789012:key/other","DestinationKeyId":"%s",
                 "CiphertextBlob":"AA"}}""".formatted(KEY);
        Simulation destination = Simulation.parse(JSON.readTree(caseJson(fromOnly, "", toCaseKey, "ImplicitDeny")));
        assertThat(destination.decide().checks()).containsExactly("kms:ReEncryptTo on " + KEY + ": ImplicitDeny");
        assertThat(destination.context().get(0).keys()).containsEntry("kms:ReEncryptOnSameKey", "false");
        String same = request.replace("arn:aws:kms:eu-central-1:123456789012:key/other", "1111aaaa-0000-0000-0000-000000000000");
        Decision both = Simulation.parse(JSON.readTree(caseJson(fromOnly, "", same, "ImplicitDeny"))).decide();
        assertThat(both.checks()).hasSize(2);
        assertThat(both.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void withoutATimeTheCaseIsDecidedNow() throws Exception {
        Simulation sim = Simulation.parse(JSON.readTree(caseJson(ACCOUNT_STATEMENT, "",
                decryptBy("arn:aws:iam::123456789012:root"), "Allow")));
        Instant shown = Instant.parse((String) sim.context().get(0).keys().get("aws:CurrentTime"));
        assertThat(Duration.between(shown, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(sim.decide().outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void timesWithAnOffsetAndGrantsInCreateGrantShapeAreRead() throws Exception {
        String request = decryptBy("arn:aws:iam::123456789012:user/u").replace("}}", "},\"time\":\"2025-12-01T10:00:00+01:00\"}");
        String grant = ",\"grants\":[{\"KeyId\":\"" + KEY + "\",\"GranteePrincipal\":\"arn:aws:iam::123456789012:user/u\","
                + "\"Operations\":[\"Decrypt\"],\"GrantTokens\":[\"t\"]}]";
        Simulation sim = Simulation.parse(JSON.readTree(caseJson("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:role/R\"},\"Action\":\"kms:Encrypt\",\"Resource\":\"*\"}", grant, request, "Allow")));
        assertThat(sim.context().get(0).keys()).containsEntry("aws:CurrentTime", "2025-12-01T09:00:00Z");
        Decision d = sim.decide();
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo("grant grant-0"));
    }

    @Test
    void casesThatCannotBeSimulatedAreErrorsWithTheReason() {
        String good = decryptBy("arn:aws:iam::123456789012:user/u");
        assertRejected(caseJson("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:x\"}",
                "", good, "Allow"), "key.policy does not parse");
        assertRejected(caseJson(ACCOUNT_STATEMENT, ",\"identityPolicies\":{\"arn:aws:iam::123456789012:user/u\":[{\"Statement\":[]}]}",
                good, "Allow"), "identityPolicies.arn:aws:iam::123456789012:user/u[0] does not parse");
        assertRejected(caseJson(ACCOUNT_STATEMENT, ",\"serviceControlPolicies\":[{\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}}]",
                good, "Allow"), "serviceControlPolicies[0] does not parse");
        assertRejected(caseJson(ACCOUNT_STATEMENT, ",\"identityPolicy\":{}", good, "Allow"), "unknown field identityPolicy");
        assertRejected(caseJson(ACCOUNT_STATEMENT, "", decryptBy("arn:aws:iam::123456789012:group/g"), "Allow"), "request.caller.arn");
        assertRejected(caseJson(ACCOUNT_STATEMENT, "", good.replace("Decrypt\"", "Decrypts\""), "Allow"), "not a KMS operation");
        assertRejected(caseJson(ACCOUNT_STATEMENT, "", good, "Maybe"), "expect.decision");
        assertRejected(caseJson(ACCOUNT_STATEMENT, "", good.replace("}}", "},\"time\":\"yesterday\"}"), "Allow"), "request.time");
        assertRejected(caseJson(ACCOUNT_STATEMENT, "", "{\"caller\":{\"arn\":\"arn:aws:iam::123456789012:root\",\"service\":\"s3.amazonaws.com\"},"
                + "\"operation\":\"Decrypt\"}", "Allow"), "exactly one of arn");
        assertRejected(caseJson(ACCOUNT_STATEMENT, ",\"grants\":[{\"GranteePrincipal\":\"arn:aws:iam::123456789012:root\",\"Operations\":[]}]",
                good, "Allow"), "grants[0].Operations");
        assertRejected("{\"key\":{\"arn\":\"" + KEY + "\"},\"request\":" + good + "}", "key.policy is required");
        assertRejected("{\"key\":{\"arn\":\"arn:aws:kms:eu-central-1:123456789012:alias/x\",\"policy\":{}},\"request\":" + good + "}",
                "is not a KMS key ARN");
    }

    static void assertRejected(String json, String reason) {
        assertThatThrownBy(() -> Simulation.parse(JSON.readTree(json))).isInstanceOf(SimulationException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theRunnerFailsMismatchesUnparseableCasesAndCasesWithoutExpectation(@TempDir Path dir) throws IOException {
        String root = decryptBy("arn:aws:iam::123456789012:root");
        write(dir, "a-pass.json", caseJson(ACCOUNT_STATEMENT, "", root, "Allow"));
        Files.createDirectories(dir.resolve("nested"));
        write(dir.resolve("nested"), "b-mismatch.json", caseJson(ACCOUNT_STATEMENT, "", root, "ExplicitDeny"));
        write(dir, "c-broken-policy.json", caseJson("{\"Effect\":\"Allow\"}", "", root, "Allow"));
        write(dir, "d-no-expectation.json", caseJson(ACCOUNT_STATEMENT, "", root, null));
        write(dir, "e-duplicate-member.json", caseJson(ACCOUNT_STATEMENT, "", root, "Allow").replace("\"description\":\"test case\"",
                "\"description\":\"a\",\"description\":\"b\""));
        write(dir, "f-not-json.json", "{");
        write(dir, "notes.txt", "ignored");
        List<Conformance.Result> results = Conformance.run(dir);
        assertThat(results).extracting(r -> dir.relativize(r.file()).toString()).containsExactly("a-pass.json",
                "c-broken-policy.json", "d-no-expectation.json", "e-duplicate-member.json", "f-not-json.json",
                "nested/b-mismatch.json");
        assertThat(results).extracting(Conformance.Result::passed).containsExactly(true, false, false, false, false, false);
        assertThat(results.get(5).summary()).contains("expected ExplicitDeny, got Allow");
        assertThat(results.get(1).summary()).contains("FAIL").contains("key.policy does not parse");
        assertThat(results.get(2).summary()).contains("no expect.decision");
        assertThat(results.get(3).error()).contains("cannot read").contains("description");
        assertThat(Conformance.tally(results)).isEqualTo("1 passed, 5 failed");
    }

    @Test
    void aMissingCaseFileIsReportedAsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Simulation.load(missing))
                .isInstanceOf(SimulationException.class)
                .hasMessage("cannot read " + missing + ": no such file");
    }

    @Test
    void errorJsonIsNeverADecision() {
        ObjectNode e = Simulation.errorJson("boom");
        assertThat(e.path("decision").asText()).isEqualTo("Error");
        assertThat(e.path("error").asText()).isEqualTo("boom");
    }
}
