package io.trent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "{\"Sid\":\"Enable IAM policies\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    private static final String APP_DECRYPT = "{\"Sid\":\"App\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::111122223333:role/App\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":"
            + "{\"StringEquals\":{\"kms:EncryptionContext:app\":\"orders\"}}}";
    private static final String PUBLIC_VIA_S3 = "{\"Sid\":\"Via S3\",\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
            + "{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}}";

    @TempDir
    Path dir;

    private Path policy(String name, String... statements) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}");
        return f;
    }

    private static JsonNode json(Cli.Run run) throws IOException {
        return JSON.readTree(run.out());
    }

    @Test
    void diffWithoutNewAccessPasses() throws IOException {
        Path before = policy("old.json", ROOT, APP_DECRYPT), after = policy("new.json", ROOT);
        Cli.Run run = Cli.run("analyze", "diff", before.toString(), after.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("PASS").contains("no new access");
    }

    @Test
    void diffFindsNewAccessWithAWitnessTheSimulatorReplays() throws IOException {
        Path before = policy("old.json", ROOT), after = policy("new.json", ROOT, APP_DECRYPT);
        Cli.Run run = Cli.run("analyze", "diff", before.toString(), after.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode out = json(run);
        assertThat(out.get("result").asText()).isEqualTo("FAIL");
        JsonNode finding = out.get("findings").get(0);
        assertThat(finding.get("description").asText()).contains("statement 'App'").contains("kms:Decrypt");
        JsonNode witness = finding.get("witness");
        assertThat(witness.at("/request/caller/arn").asText()).startsWith("arn:aws:sts::111122223333:assumed-role/App/");
        assertThat(witness.at("/request/parameters/EncryptionContext/app").asText()).isEqualTo("orders");

        Path caseFile = dir.resolve("witness.json");
        Files.writeString(caseFile, witness.toString());
        Cli.Run replay = Cli.run("simulate", "--json", caseFile.toString());
        assertThat(JSON.readTree(replay.out()).get("decision").asText()).isEqualTo("Allow");

        ObjectNode withOld = witness.deepCopy();
        ((ObjectNode) withOld.get("key")).set("policy", JSON.readTree(Files.readString(before)));
        Files.writeString(caseFile, withOld.toString());
        Cli.Run old = Cli.run("simulate", "--json", caseFile.toString());
        assertThat(JSON.readTree(old.out()).get("decision").asText()).isNotEqualTo("Allow");
    }

    @Test
    void delegatedAccessBecomingDirectIsNewAccess() throws IOException {
        String delegatedDecrypt = ROOT.replace("kms:*", "kms:Decrypt");
        String directDecrypt = APP_DECRYPT.replace(",\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:app\":\"orders\"}}", "");
        Cli.Run run = Cli.run("analyze", "diff", policy("a.json", delegatedDecrypt).toString(),
                policy("b.json", delegatedDecrypt, directDecrypt).toString());
        assertThat(run.exit()).isEqualTo(1);
        Cli.Run back = Cli.run("analyze", "diff", policy("c.json", delegatedDecrypt, directDecrypt).toString(),
                policy("d.json", delegatedDecrypt).toString());
        assertThat(back.exit()).isZero();
    }

    @Test
    void aPolicyVariableInALikePatternIsUnknown() throws IOException {
        String variable = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/App\"},"
                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":"
                + "{\"kms:EncryptionContext:owner\":\"${aws:username}-*\"}}}";
        Cli.Run run = Cli.run("analyze", "diff", policy("a.json", ROOT).toString(), policy("b.json", ROOT, variable).toString(),
                "--format", "json");
        assertThat(run.exit()).isEqualTo(3);
        JsonNode out = json(run);
        assertThat(out.get("result").asText()).isEqualTo("UNKNOWN");
        assertThat(out.get("findings")).isEmpty();
        assertThat(out.get("unknown").get(0).asText()).contains("policy variable");
    }

    @Test
    void publicAccessIsFoundAndAnAccountConditionClosesIt() throws IOException {
        Cli.Run open = Cli.run("analyze", "public", policy("p.json", ROOT, PUBLIC_VIA_S3).toString(), "--format", "json");
        assertThat(open.exit()).isEqualTo(1);
        JsonNode witness = json(open).get("findings").get(0).get("witness");
        assertThat(witness.at("/request/caller/arn").asText()).doesNotContain("111122223333");
        assertThat(witness.at("/request/viaService").asText()).isEqualTo("s3.us-east-1.amazonaws.com");

        String closed = PUBLIC_VIA_S3.replace("\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"",
                "\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\",\"kms:CallerAccount\":\"111122223333\"");
        Cli.Run shut = Cli.run("analyze", "public", policy("q.json", ROOT, closed).toString());
        assertThat(shut.exit()).isZero();
        assertThat(shut.out()).contains("not public");
    }

    @Test
    void notGrantedProvesOrShowsAWitness() throws IOException {
        Path p = policy("p.json", ROOT, APP_DECRYPT);
        Cli.Run none = Cli.run("analyze", "not-granted", p.toString(), "--action", "kms:Decrypt", "--principal",
                "arn:aws:iam::444455556666:role/App");
        assertThat(none.exit()).as(none.out() + none.err()).isZero();
        Cli.Run some = Cli.run("analyze", "not-granted", p.toString(), "--action", "kms:Decrypt", "--principal",
                "arn:aws:iam::111122223333:role/App", "--format", "json");
        assertThat(some.exit()).isEqualTo(1);
        assertThat(json(some).at("/findings/0/witness/request/caller/arn").asText())
                .startsWith("arn:aws:sts::111122223333:assumed-role/App/");
    }

    @Test
    void whoCanUsesTheGivenIdentityPolicies() throws IOException {
        Path p = policy("p.json", ROOT);
        Path ips = dir.resolve("ips.json");
        Files.writeString(ips, "{\"arn:aws:iam::111122223333:role/Reader\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}}");
        Cli.Run run = Cli.run("analyze", "who-can", "kms:Decrypt", p.toString(), "--identity-policies", ips.toString(),
                "--format", "json");
        assertThat(run.exit()).isEqualTo(1);
        String all = json(run).get("findings").toString();
        assertThat(all).contains("sessions of the role arn:aws:iam::111122223333:role/Reader").contains("the root user")
                .doesNotContain("other principals of account");
    }

    @Test
    void witnessesCanBeWrittenToFiles() throws IOException {
        Path out = dir.resolve("cases");
        Cli.Run run = Cli.run("analyze", "public", policy("p.json", ROOT, PUBLIC_VIA_S3).toString(), "--witnesses", out.toString());
        assertThat(run.exit()).isEqualTo(1);
        Cli.Run replay = Cli.run("simulate", "--json", out.resolve("witness-1.json").toString());
        assertThat(JSON.readTree(replay.out()).get("decision").asText()).isEqualTo("Allow");
    }

    @Test
    void badInputExitsTwo() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}");
        Cli.Run run = Cli.run("analyze", "public", bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not a valid key policy");
        assertThat(Cli.run("analyze", "public", dir.resolve("missing.json").toString()).exit()).isEqualTo(2);
        assertThat(Cli.run("analyze", "public", policy("p.json", ROOT).toString(), "--account", "12").exit()).isEqualTo(2);
        assertThat(Cli.run("analyze", "who-can", "kms:CreateKey", policy("q.json", ROOT).toString()).exit()).isEqualTo(2);
    }
}
