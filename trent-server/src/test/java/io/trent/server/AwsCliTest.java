package io.trent.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The real `aws kms ... --endpoint-url` CLI, signing with SigV4 against the server's configured identities. */
class AwsCliTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("data"), Fixtures.CONFIG, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Processes.Result aws(String accessKeyId, String secret, String... args) {
        List<String> cmd = new ArrayList<>(List.of("aws", "kms"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--output", "json"));
        return Processes.run(cmd, Processes.awsEnv(dir, accessKeyId, secret, "us-west-2"), dir);
    }

    private static JsonNode alice(String... args) {
        Processes.Result r = aws("AKIAALICE", "alice-secret", args);
        assertThat(r.exit()).as("aws kms %s failed: %s", String.join(" ", args), r.stderr()).isZero();
        try {
            return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void createsKeysAliasesGrantsAndRoundTripsCiphertextThroughFiles() throws IOException {
        JsonNode key = alice("create-key", "--description", "from the aws cli").get("KeyMetadata");
        String keyId = key.get("KeyId").asText();
        assertThat(key.get("Arn").asText()).isEqualTo("arn:aws:kms:us-west-2:111122223333:key/" + keyId);
        String alias = "alias/cli-" + UUID.randomUUID();
        alice("create-alias", "--alias-name", alias, "--target-key-id", keyId);

        Path plain = Files.write(dir.resolve("plain.bin"), "bytes from a file \u0000\u00ff".getBytes("UTF-8"));
        JsonNode enc = alice("encrypt", "--key-id", alias, "--plaintext", "fileb://" + plain,
                "--encryption-context", "purpose=cli,tenant=t1");
        assertThat(enc.get("KeyId").asText()).isEqualTo(key.get("Arn").asText());
        Path blob = Files.write(dir.resolve("blob.bin"), Base64.getDecoder().decode(enc.get("CiphertextBlob").asText()));
        JsonNode dec = alice("decrypt", "--ciphertext-blob", "fileb://" + blob,
                "--encryption-context", "purpose=cli,tenant=t1");
        assertThat(Base64.getDecoder().decode(dec.get("Plaintext").asText())).isEqualTo(Files.readAllBytes(plain));

        Processes.Result wrongContext = aws("AKIAALICE", "alice-secret", "decrypt", "--ciphertext-blob",
                "fileb://" + blob, "--encryption-context", "purpose=other");
        assertThat(wrongContext.exit()).isNotZero();
        assertThat(wrongContext.stderr()).contains("InvalidCiphertextException");

        JsonNode grant = alice("create-grant", "--key-id", keyId, "--grantee-principal",
                "arn:aws:iam::111122223333:user/bob", "--operations", "Encrypt", "DescribeKey");
        assertThat(alice("list-grants", "--key-id", keyId).get("Grants").get(0).get("GrantId").asText())
                .isEqualTo(grant.get("GrantId").asText());
        Processes.Result bobDescribes = aws("AKIABOB", "bob-secret", "describe-key", "--key-id", key.get("Arn").asText());
        assertThat(bobDescribes.exit()).as(bobDescribes.stderr()).isZero();
        assertThat(alice("list-aliases", "--key-id", keyId).get("Aliases").get(0).get("AliasName").asText())
                .isEqualTo(alias);
    }

    @Test
    void reportsAwsErrors() {
        Processes.Result notFound = aws("AKIAALICE", "alice-secret", "describe-key", "--key-id", "alias/nothing-here");
        assertThat(notFound.exit()).isNotZero();
        assertThat(notFound.stderr()).contains("NotFoundException");
        String keyId = alice("create-key").get("KeyMetadata").get("KeyId").asText();
        Processes.Result denied = aws("AKIABOB", "bob-secret", "describe-key", "--key-id",
                "arn:aws:kms:us-west-2:111122223333:key/" + keyId);
        assertThat(denied.stderr()).contains("AccessDeniedException")
                .contains("User: arn:aws:iam::111122223333:user/bob is not authorized to perform: kms:DescribeKey");
        Processes.Result badSecret = aws("AKIAALICE", "wrong", "list-keys");
        assertThat(badSecret.stderr()).contains("InvalidSignatureException").doesNotContain("alice-secret");
        Processes.Result stranger = aws("AKIASTRANGER", "x", "list-keys");
        assertThat(stranger.stderr()).contains("UnrecognizedClientException");
    }
}
