package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import io.trent.policy.ParseResult;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders for keys, callers, requests and identities used across the authz tests. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String REGION = "us-west-2";
    static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String KEY_ARN = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + KEY_ID;
    static final String KEY2_ARN = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/0987dcba-09fe-87dc-65ba-ab0987654321";
    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    /** The default account statement (§10.1) as a statement string for {@link #keyPolicy}. */
    static String accountStatement(String account) {
        return """
                {"Sid":"Enable IAM policies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"kms:*","Resource":"*"}""".formatted(account);
    }

    private Fixtures() {}

    static CompiledPolicy keyPolicy(String... statements) {
        return compile("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}",
                PolicyType.KEY_POLICY);
    }

    static CompiledPolicy identityPolicy(String... statements) {
        return compile("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}",
                PolicyType.IDENTITY_POLICY);
    }

    static CompiledPolicy compile(String json, PolicyType type) {
        ParseResult r = PolicyParser.parse(json, type);
        if (!r.ok()) throw new IllegalArgumentException(r.diagnostics().toString());
        return CompiledPolicy.compile(r.policy());
    }

    static NamedPolicy named(String name, CompiledPolicy p) {
        return new NamedPolicy(name, p);
    }

    static KmsKey key(CompiledPolicy policy) {
        return key(KEY_ARN, policy, List.of());
    }

    static KmsKey key(String arn, CompiledPolicy policy, List<Grant> grants) {
        String[] p = arn.split(":", 6);
        return new KmsKey(arn, p[5].substring(4), p[4], p[3], policy, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT",
                "AWS_KMS", false, null, Map.of(), List.of(), grants);
    }

    static KmsKey withGrants(KmsKey k, Grant... grants) {
        return new KmsKey(k.arn(), k.keyId(), k.account(), k.region(), k.policy(), k.keySpec(), k.keyUsage(),
                k.origin(), k.multiRegion(), k.multiRegionKeyType(), k.tags(), k.aliases(), List.of(grants));
    }

    static Grant grant(String id, String grantee, List<String> ops, Map<String, String> subset,
                       Map<String, String> equals) {
        return new Grant(id, null, KEY_ARN, grantee, null, ops, subset, equals, ACCOUNT, TIME);
    }

    static Caller.Iam iam(String arn) {
        return Caller.parseIam(arn);
    }

    static Caller.Iam session(String role, String session) {
        return iam("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session);
    }

    static Caller.Iam user(String name) {
        return iam("arn:aws:iam::" + ACCOUNT + ":user/" + name);
    }

    static Caller.Iam root(String account) {
        return iam("arn:aws:iam::" + account + ":root");
    }

    static ObjectNode params(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Transport direct() {
        return Transport.direct(REGION, TIME);
    }

    static Transport via(String service) {
        return new Transport(REGION, service, null, null, null, true, TIME, Map.of());
    }

    static KmsRequest request(String operation, String parameters, Caller caller, KmsKey key) {
        return new KmsRequest(operation, params(parameters), caller, direct(), key, null);
    }

    static KmsRequest request(String operation, JsonNode parameters, Caller caller, Transport t, KmsKey key,
                              KmsKey other) {
        return new KmsRequest(operation, parameters, caller, t, key, other);
    }

    /** Identities assembled per test; lookups by caller ARN, sessions by role ARN (path-free). */
    static class Ids implements Identities {
        final Map<String, List<NamedPolicy>> identity = new HashMap<>();
        final Map<String, NamedPolicy> boundaries = new HashMap<>();
        final Map<String, NamedPolicy> sessions = new HashMap<>();
        final Map<String, List<NamedPolicy>> scps = new HashMap<>();
        final Map<String, Map<String, String>> tags = new HashMap<>();

        private static String id(Caller.Iam c) {
            return c.principalArn();
        }

        Ids allow(String principalArn, String... statements) {
            identity.computeIfAbsent(principalArn, k -> new ArrayList<>())
                    .add(named("identity policy " + principalArn, identityPolicy(statements)));
            return this;
        }

        Ids boundary(String principalArn, String... statements) {
            boundaries.put(principalArn, named("permissions boundary " + principalArn, identityPolicy(statements)));
            return this;
        }

        Ids session(String sessionArn, String... statements) {
            sessions.put(sessionArn, named("session policy " + sessionArn, identityPolicy(statements)));
            return this;
        }

        Ids scp(String account, String... statements) {
            scps.computeIfAbsent(account, k -> new ArrayList<>())
                    .add(named("SCP " + account, identityPolicy(statements)));
            return this;
        }

        Ids tags(String principalArn, Map<String, String> t) {
            tags.put(principalArn, t);
            return this;
        }

        @Override
        public List<NamedPolicy> identityPolicies(Caller.Iam c) {
            return identity.getOrDefault(id(c), List.of());
        }

        @Override
        public NamedPolicy permissionsBoundary(Caller.Iam c) {
            return boundaries.get(id(c));
        }

        @Override
        public NamedPolicy sessionPolicy(Caller.Iam c) {
            return sessions.get(c.arn());
        }

        @Override
        public List<NamedPolicy> serviceControlPolicies(String account) {
            return scps.getOrDefault(account, List.of());
        }

        @Override
        public Map<String, String> principalTags(Caller.Iam c) {
            return tags.getOrDefault(id(c), Map.of());
        }
    }
}
