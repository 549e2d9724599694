package io.trent.kms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trent.authz.Identities;
import io.trent.authz.NamedPolicy;
import io.trent.authz.Transport;
import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Drives a real {@link KmsService} over a real store (the store module says which, by {@link #openStore}) in a
 * temporary directory: callers, IAM policies, a clock that tests move, and helpers to call operations with JSON
 * written in single quotes.
 */
public abstract class KmsServiceTestSupport {
    protected static final String ACCOUNT = "111122223333";
    protected static final String OTHER_ACCOUNT = "444455556666";
    protected static final String REGION = "us-east-1";
    protected static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    protected static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    protected static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    protected static final String CAROL = "arn:aws:iam::" + OTHER_ACCOUNT + ":user/carol";
    /** Principals whose name contains "ghost" do not exist for the server's principal directory. */
    protected static final PrincipalDirectory DIRECTORY = arn -> !arn.contains("ghost");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    @TempDir
    protected Path dir;
    protected final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00.123Z"));
    protected final Map<String, List<String>> iamPolicies = new HashMap<>();
    protected RootKey rootKey = RootKey.generate(new SecureRandom());
    protected KmsService kms;
    private KmsStore store;

    /** Opens the store kept in {@code dir} (creating it). */
    protected abstract KmsStore openStore(Path dir);

    @BeforeEach
    void startService() {
        start();
    }

    @AfterEach
    void stopService() {
        kms.close();
    }

    protected void start() {
        store = openStore(dir);
        kms = new KmsService(store, rootKey, identities(), DIRECTORY, clock);
    }

    /** Closes the service and its store and opens them again on the same directory. */
    protected void restart() {
        kms.close();
        start();
    }

    private Identities identities() {
        return new Identities() {
            public List<NamedPolicy> identityPolicies(Caller.Iam caller) {
                List<NamedPolicy> out = new ArrayList<>();
                List<String> docs = iamPolicies.getOrDefault(caller.principalArn(), List.of());
                for (int i = 0; i < docs.size(); i++)
                    out.add(new NamedPolicy("identity policy " + caller.principalArn() + "[" + i + "]",
                            CompiledPolicy.compile(PolicyParser.parse(docs.get(i), PolicyType.IDENTITY_POLICY).orThrow())));
                return out;
            }

            public NamedPolicy permissionsBoundary(Caller.Iam caller) { return null; }

            public List<NamedPolicy> serviceControlPolicies(String account) { return List.of(); }

            public Map<String, String> principalTags(Caller.Iam caller) { return Map.of(); }
        };
    }

    /** Gives {@code principalArn} an IAM policy allowing {@code actions} on every resource. */
    protected void allowIam(String principalArn, String... actions) {
        iamPolicies.computeIfAbsent(principalArn, k -> new ArrayList<>()).add(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                        + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}");
    }

    protected static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    protected static Invocation as(String callerArn) {
        return as(callerArn, REGION);
    }

    protected static Invocation as(String callerArn, String region) {
        return new Invocation(Caller.parseIam(callerArn), Transport.direct(region, Instant.now()), "test-request");
    }

    protected JsonNode call(String operation, String body) {
        return kms.call(operation, json(body), as(ROOT));
    }

    protected JsonNode callAs(String callerArn, String operation, String body) {
        return kms.call(operation, json(body), as(callerArn));
    }

    /** Calls as root and expects the error {@code code}; returns its message. */
    protected String error(String code, String operation, String body) {
        return errorAs(ROOT, code, operation, body);
    }

    protected String errorAs(String callerArn, String code, String operation, String body) {
        KmsException e = catchThrowableOfType(KmsException.class,
                () -> kms.call(operation, json(body), as(callerArn)));
        assertThat(e).as("%s %s should fail", operation, body).isNotNull();
        assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code);
        return e.getMessage();
    }

    /** Creates a key as root; returns its key id. */
    protected String createKey(String body) {
        return call("CreateKey", body).at("/KeyMetadata/KeyId").asText();
    }

    protected String createKey() {
        return createKey("{}");
    }

    protected static String keyArn(String keyId) {
        return "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + keyId;
    }

    protected static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    protected static String b64(String s) {
        return b64(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected static byte[] unb64(JsonNode n) {
        return Base64.getDecoder().decode(n.asText());
    }

    /** A clock the tests move forward. */
    protected static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
