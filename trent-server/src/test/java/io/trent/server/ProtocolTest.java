package io.trent.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS JSON 1.1 framing over real HTTP: targets, bodies, errors, request ids, keep-alive and ordering. */
class ProtocolTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final SdkSigner ALICE = SdkSigner.kms("AKIAALICE", "alice-secret");

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, """
                accounts:
                  - id: "111122223333"
                    users:
                      - name: alice
                        accessKeys: [ { id: AKIAALICE, secret: alice-secret } ]
                        policies:
                          - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}'
                """, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response signedCall(String operation, String body) {
        try (RawHttp http = new RawHttp(server.port())) {
            return http.call("POST", "/", ALICE.kmsCall(server.port(), operation, body, Map.of()), body);
        }
    }

    private static void assertError(RawHttp.Response r, int status, String type, String messagePart) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.header("x-amzn-RequestId")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(r.json().get("__type").asText()).isEqualTo(type);
        assertThat(r.json().get("message").asText()).contains(messagePart);
        assertThat(r.json().size()).isEqualTo(2);
    }

    @Test
    void aSignedCallGetsItsJsonResult() {
        RawHttp.Response r = signedCall("GenerateRandom", "{\"NumberOfBytes\":24}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.header("x-amzn-RequestId")).hasSize(36);
        assertThat(Base64.getDecoder().decode(r.json().get("Plaintext").asText())).hasSize(24);
    }

    @Test
    void unknownAndMissingTargetsAreUnknownOperations() {
        assertError(signedCall("Frobnicate", "{}"), 400, "UnknownOperationException", "TrentService.Frobnicate");
        try (RawHttp http = new RawHttp(server.port())) {
            Map<String, String> h = new LinkedHashMap<>(ALICE.kmsCall(server.port(), "ListKeys", "{}", Map.of()));
            h.remove("X-Amz-Target");
            assertError(http.call("POST", "/", h, "{}"), 400, "UnknownOperationException", "Missing X-Amz-Target");
            h.put("X-Amz-Target", "KeyManagementService.ListKeys");
            assertError(http.call("POST", "/", h, "{}"), 400, "UnknownOperationException", "Unknown operation");
            assertError(http.call("GET", "/", Map.of("Host", "x"), ""), 400, "UnknownOperationException", "POST /");
            assertError(http.call("POST", "/other", Map.of("Host", "x"), "{}"), 400, "UnknownOperationException",
                    "POST /");
        }
    }

    @Test
    void badBodiesAreSerializationErrorsNeverServerErrors() {
        assertError(signedCall("ListKeys", "{\"Limit\": "), 400, "SerializationException", "not valid JSON");
        assertError(signedCall("ListKeys", "[1,2]"), 400, "SerializationException", "must be a JSON object");
        assertError(signedCall("ListKeys", "{\"a\":1} trailing"), 400, "SerializationException", "not valid JSON");
        assertError(signedCall("ListKeys", "{\"a\":1,\"a\":2}"), 400, "SerializationException", "Duplicate field");
        assertError(signedCall("ListKeys", "\"just a string\""), 400, "SerializationException", "JSON object");
    }

    @Test
    void authenticationErrorsHaveAwsCodes() {
        try (RawHttp http = new RawHttp(server.port())) {
            Map<String, String> h = Map.of("Host", "127.0.0.1", "Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "TrentService.ListKeys");
            assertError(http.call("POST", "/", h, "{}"), 400, "MissingAuthenticationTokenException",
                    "Missing Authentication Token");
            Map<String, String> stranger = SdkSigner.kms("AKIASTRANGER", "x").kmsCall(server.port(), "ListKeys", "{}", Map.of());
            assertError(http.call("POST", "/", stranger, "{}"), 400, "UnrecognizedClientException",
                    "security token included in the request is invalid");
            Map<String, String> wrong = SdkSigner.kms("AKIAALICE", "not-her-secret").kmsCall(server.port(), "ListKeys", "{}", Map.of());
            RawHttp.Response r = http.call("POST", "/", wrong, "{}");
            assertError(r, 400, "InvalidSignatureException", "signature we calculated does not match");
            assertThat(r.body()).doesNotContain("alice-secret").doesNotContain("not-her-secret");
            Map<String, String> broken = new LinkedHashMap<>(wrong);
            broken.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAALICE/20250101/us-east-1/kms/aws4_request");
            assertError(http.call("POST", "/", broken, "{}"), 400, "IncompleteSignatureException",
                    "requires 'Signature' parameter");
        }
    }

    @Test
    void oversizedBodiesGetAJson413() {
        // Only the head is sent: the server answers from Content-Length and closes, so a client still writing a
        // megabyte of body could see a broken pipe before it reads the answer.
        try (RawHttp http = new RawHttp(server.port())) {
            http.write("POST", "/", Map.of("Host", "127.0.0.1", "Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", "TrentService.ListKeys",
                    "Content-Length", String.valueOf(TrentServer.MAX_REQUEST_BYTES + 1)), new byte[0]);
            assertError(http.read(), 413, "RequestEntityTooLargeException", "larger than");
        }
    }

    @Test
    void keepsConnectionsAliveUnlessAskedToClose() {
        try (RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Response r = http.call("POST", "/", ALICE.kmsCall(server.port(), "Frobnicate", "{}", Map.of()), "{}");
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.header("connection")).isEqualToIgnoringCase("keep-alive");
            }
            Map<String, String> h = new LinkedHashMap<>(ALICE.kmsCall(server.port(), "Frobnicate", "{}", Map.of()));
            h.put("Connection", "close");
            assertThat(http.call("POST", "/", h, "{}").header("connection")).isEqualToIgnoringCase("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (RawHttp http = new RawHttp(server.port())) {
            // CreateKey runs on the worker pool, DescribeKey on the event loop: the second must wait for the first.
            String create = "{\"Description\":\"pipelined\"}";
            String describe = "{\"KeyId\":\"alias/does-not-exist\"}";
            http.write("POST", "/", ALICE.kmsCall(server.port(), "CreateKey", create, Map.of()),
                    create.getBytes(StandardCharsets.UTF_8));
            http.write("POST", "/", ALICE.kmsCall(server.port(), "DescribeKey", describe, Map.of()),
                    describe.getBytes(StandardCharsets.UTF_8));
            RawHttp.Response first = http.read(), second = http.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().at("/KeyMetadata/Description").asText()).isEqualTo("pipelined");
            assertThat(second.json().get("__type").asText()).isEqualTo("NotFoundException");
        }
    }
}
