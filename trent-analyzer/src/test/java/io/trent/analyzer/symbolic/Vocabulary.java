package io.trent.analyzer.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.authz.Decision;
import io.trent.authz.Simulation;
import io.trent.policy.Policy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small vocabulary of key-policy statements and of concrete requests, for differential tests of the analyzer
 * against the engine. Every condition is inside the exact fragment, so the analyzer must never answer UNKNOWN.
 */
final class Vocabulary {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String A = "111122223333", B = "444455556666", FRESH = "777788889999";
    static final String KEY_ARN = "arn:aws:kms:us-east-1:" + A + ":key/" + Mode.DEFAULT_KEY_ID;
    static final String OTHER_KEY = "arn:aws:kms:us-east-1:" + A + ":key/" + Witness.OTHER_KEY_ID;

    static final List<String> PRINCIPALS = List.of("\"*\"", "{\"AWS\":\"" + A + "\"}", "{\"AWS\":\"arn:aws:iam::" + A + ":root\"}",
            "{\"AWS\":\"arn:aws:iam::" + B + ":root\"}", "{\"AWS\":\"arn:aws:iam::" + A + ":role/App\"}",
            "{\"AWS\":\"arn:aws:iam::" + A + ":user/alice\"}", "{\"AWS\":\"arn:aws:sts::" + A + ":assumed-role/App/s1\"}",
            "{\"AWS\":\"arn:aws:iam::" + B + ":role/Ext\"}", "{\"Service\":\"cloudtrail.amazonaws.com\"}",
            "{\"AWS\":[\"arn:aws:iam::" + A + ":role/App\",\"arn:aws:iam::" + B + ":root\"]}",
            "{\"AWS\":\"arn:aws:sts::" + A + ":federated-user/fed1\"}");
    static final List<String> NOT_PRINCIPALS = List.of("{\"AWS\":[\"arn:aws:iam::" + A + ":root\",\"arn:aws:iam::" + A + ":role/App\"]}",
            "{\"AWS\":\"arn:aws:iam::" + A + ":root\"}", "{\"AWS\":[\"arn:aws:iam::" + A + ":root\",\"arn:aws:iam::" + A + ":user/alice\"]}",
            "{\"Service\":\"cloudtrail.amazonaws.com\"}");
    static final List<String> ACTIONS = List.of("\"Action\":\"kms:Decrypt\"", "\"Action\":[\"kms:Encrypt\",\"kms:GenerateDataKey*\"]",
            "\"Action\":\"kms:ReEncrypt*\"", "\"Action\":\"kms:CreateGrant\"", "\"Action\":\"kms:DescribeKey\"",
            "\"Action\":\"kms:PutKeyPolicy\"", "\"Action\":\"kms:ScheduleKeyDeletion\"", "\"Action\":\"kms:*\"",
            "\"Action\":\"kms:Get*\"", "\"NotAction\":\"kms:Decrypt\"", "\"Action\":[\"kms:Decrypt\",\"kms:CreateGrant\",\"kms:ListGrants\"]",
            "\"Action\":[\"kms:Sign\",\"kms:TagResource\",\"kms:UntagResource\"]");
    static final List<String[]> CONDITIONS = List.of(
            c("StringEquals", "kms:ViaService", "\"s3.us-east-1.amazonaws.com\""),
            c("StringLike", "kms:ViaService", "\"*.us-east-1.amazonaws.com\""),
            c("StringEquals", "kms:CallerAccount", "\"" + A + "\""),
            c("StringNotEquals", "aws:SourceAccount", "\"" + A + "\""),
            c("Null", "aws:SourceArn", "\"true\""),
            c("StringEquals", "kms:EncryptionContext:app", "\"orders\""),
            c("StringLike", "kms:EncryptionContext:App", "\"ord*\""),
            c("ForAnyValue:StringEquals", "kms:EncryptionContextKeys", "\"app\""),
            c("ForAllValues:StringLike", "kms:EncryptionContextKeys", "[\"app\",\"tenant*\"]"),
            c("Bool", "kms:GrantIsForAWSResource", "\"true\""),
            c("Bool", "aws:SecureTransport", "\"false\""),
            c("ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/App*\""),
            c("ArnLike", "aws:SourceArn", "\"arn:aws:cloudtrail:*:" + A + ":trail/*\""),
            c("IpAddress", "aws:SourceIp", "\"10.0.0.0/8\""),
            c("NotIpAddress", "aws:SourceIp", "[\"10.1.0.0/16\",\"2001:db8::/32\"]"),
            c("DateGreaterThan", "aws:CurrentTime", "\"2026-01-01T00:00:00Z\""),
            c("NumericLessThanEquals", "kms:ScheduleKeyDeletionPendingWindowInDays", "\"10\""),
            c("StringEqualsIfExists", "kms:ViaService", "\"ec2.us-east-1.amazonaws.com\""),
            c("ForAllValues:StringEquals", "kms:GrantOperations", "[\"Decrypt\",\"Encrypt\"]"),
            c("StringEquals", "aws:PrincipalOrgID", "\"o-123\""),
            c("StringEquals", "aws:PrincipalTag/team", "\"red\""),
            c("StringEqualsIgnoreCase", "aws:PrincipalType", "\"assumedrole\""),
            c("StringNotLike", "kms:EncryptionContext:app", "\"secret*\""),
            c("Bool", "aws:ViaAWSService", "\"true\""),
            c("StringEquals", "kms:EncryptionAlgorithm", "\"SYMMETRIC_DEFAULT\""),
            c("StringEquals", "kms:GrantConstraintType", "\"EncryptionContextEquals\""),
            c("StringLike", "aws:PrincipalArn", "\"arn:aws:iam::" + B + ":*\""),
            c("NumericGreaterThan", "aws:EpochTime", "\"1800000000\""),
            c("StringEquals", "kms:RequestAlias", "\"alias/app\""),
            c("StringEquals", "aws:username", "\"alice\""),
            c("StringNotEqualsIfExists", "aws:PrincipalOrgID", "\"o-123\""),
            c("Null", "kms:EncryptionContextKeys", "\"false\""),
            c("StringEquals", "kms:KeySpec", "\"RSA_2048\""),
            c("StringEquals", "kms:MessageType", "\"DIGEST\""),
            c("Bool", "kms:MultiRegion", "\"true\""),
            c("StringEquals", "kms:MultiRegionKeyType", "\"PRIMARY\""),
            c("ForAnyValue:StringLike", "aws:TagKeys", "\"Proj*\""),
            c("StringEquals", "aws:RequestTag/Project", "\"alpha\""),
            c("ForAllValues:StringEquals", "aws:TagKeys", "[\"Project\",\"Team\"]"),
            c("StringEquals", "aws:PrincipalServiceName", "\"cloudtrail.amazonaws.com\""),
            c("StringNotEquals", "kms:CustomerMasterKeyUsage", "\"SIGN_VERIFY\""),
            c("IpAddress", "aws:SourceIp", "\"2001:db8::/48\""));

    private static String[] c(String op, String key, String value) {
        return new String[] {op, key, value};
    }

    private Vocabulary() {}

    static Arbitrary<String> statement() {
        Arbitrary<Boolean> allow = Arbitraries.of(true, true, false);
        Arbitrary<Integer> principal = Arbitraries.integers().between(0, PRINCIPALS.size() - 1);
        Arbitrary<Integer> notPrincipal = Arbitraries.integers().between(-3, NOT_PRINCIPALS.size() - 1);
        Arbitrary<Integer> action = Arbitraries.integers().between(0, ACTIONS.size() - 1);
        Arbitrary<List<Integer>> conds = Arbitraries.integers().between(0, CONDITIONS.size() - 1).list().ofMaxSize(2);
        return Combinators.combine(allow, principal, notPrincipal, action, conds).as((al, p, np, a, cs) -> {
            StringBuilder s = new StringBuilder("{\"Effect\":\"").append(al ? "Allow" : "Deny").append("\",");
            if (!al && np >= 0) s.append("\"NotPrincipal\":").append(NOT_PRINCIPALS.get(np));
            else s.append("\"Principal\":").append(PRINCIPALS.get(p));
            s.append(",").append(ACTIONS.get(a)).append(",\"Resource\":\"*\"");
            if (!cs.isEmpty()) s.append(",\"Condition\":").append(condition(cs));
            return s.append("}").toString();
        });
    }

    private static String condition(List<Integer> picks) {
        Map<String, Map<String, String>> byOp = new java.util.LinkedHashMap<>();
        for (int i : picks) {
            String[] c = CONDITIONS.get(i);
            byOp.computeIfAbsent(c[0], k -> new java.util.LinkedHashMap<>()).putIfAbsent(c[1], c[2]);
        }
        StringBuilder s = new StringBuilder("{");
        boolean first = true;
        for (var op : byOp.entrySet()) {
            if (!first) s.append(",");
            first = false;
            s.append("\"").append(op.getKey()).append("\":{");
            boolean firstKey = true;
            for (var k : op.getValue().entrySet()) {
                if (!firstKey) s.append(",");
                firstKey = false;
                s.append("\"").append(k.getKey()).append("\":").append(k.getValue());
            }
            s.append("}");
        }
        return s.append("}").toString();
    }

    static Arbitrary<Policy> policy() {
        return statement().list().ofMinSize(1).ofMaxSize(4).map(list ->
                parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", list) + "]}"));
    }

    /** {@code p} with one more statement at the end. */
    static Policy withStatement(Policy p, String statement) {
        ObjectNode doc = (ObjectNode) json(p.text());
        ((ArrayNode) doc.get("Statement")).add(json(statement));
        return parse(doc.toString());
    }

    static Policy parse(String json) {
        return PolicyParser.parse(json, PolicyType.KEY_POLICY).orThrow();
    }

    // ---------------------------------------------------------------------------------------------------------
    // requests

    static final List<String> CALLERS = List.of("arn:aws:iam::" + A + ":root", "arn:aws:iam::" + B + ":root",
            "arn:aws:iam::" + FRESH + ":root", "arn:aws:sts::" + A + ":assumed-role/App/s1",
            "arn:aws:sts::" + A + ":assumed-role/App/s2", "arn:aws:sts::" + A + ":assumed-role/Other/x",
            "arn:aws:sts::" + B + ":assumed-role/Ext/y", "arn:aws:sts::" + B + ":assumed-role/App/z",
            "arn:aws:iam::" + A + ":user/alice", "arn:aws:iam::" + A + ":user/team/bob", "arn:aws:iam::" + B + ":user/alice",
            "arn:aws:sts::" + A + ":federated-user/fed1", "arn:aws:sts::" + FRESH + ":assumed-role/Zed/q",
            "cloudtrail.amazonaws.com", "logs.amazonaws.com");
    static final List<String> OPERATIONS = List.of("Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
            "ReEncryptFrom", "ReEncryptTo", "ReEncryptSame", "CreateGrant", "DescribeKey", "PutKeyPolicy",
            "ScheduleKeyDeletion", "GetKeyPolicy", "ListGrants", "RevokeGrant", "DisableKey", "Sign", "TagResource",
            "UntagResource");
    /** keySpec, keyUsage, multiRegion (PRIMARY/REPLICA or none). */
    static final List<List<String>> KEYS = List.of(List.of("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", ""),
            List.of("RSA_2048", "SIGN_VERIFY", ""), List.of("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "PRIMARY"),
            List.of("HMAC_256", "GENERATE_VERIFY_MAC", "REPLICA"), List.of("RSA_2048", "ENCRYPT_DECRYPT", ""));
    static final List<Map<String, String>> TAGS = List.of(Map.of(), Map.of("Project", "alpha"),
            Map.of("project", "beta"), Map.of("Team", "x", "Project", "alpha"), Map.of("Owner", "y"));
    static final List<Map<String, String>> CONTEXTS = List.of(Map.of(), Map.of("app", "orders"), Map.of("App", "orders"),
            Map.of("app", "secret1"), Map.of("tenant1", "x"), Map.of("app", "orders", "other", "y"), Map.of("APP", "ordX"));
    static final List<String> VIA = List.of("", "s3.us-east-1.amazonaws.com", "ec2.us-east-1.amazonaws.com",
            "s3.eu-west-1.amazonaws.com");
    static final List<String> IPS = List.of("", "10.1.2.3", "10.2.0.1", "192.168.1.1", "2001:db8::1", "::1");
    static final List<String> TIMES = List.of("2025-06-01T00:00:00Z", "2026-06-01T00:00:00Z", "2027-12-01T00:00:00Z");

    /** One concrete request in case form (without key policy and identity side). */
    record Request(String caller, String operation, Map<String, String> context, String via, String sourceArn,
                   String sourceAccount, String ip, boolean secure, String time, String org, String team,
                   boolean alias, int window, List<String> grantOps, String constraint, List<String> key,
                   Map<String, String> tags, String messageType) {}

    static Arbitrary<Request> request() {
        return request(Arbitraries.of(CALLERS), Arbitraries.of(OPERATIONS), Arbitraries.of("", "o-123", "o-999"));
    }

    static Arbitrary<Request> request(Arbitrary<String> callers, Arbitrary<String> operations, Arbitrary<String> orgs) {
        Arbitrary<String> sourceArns = Arbitraries.of("", "arn:aws:cloudtrail:us-east-1:" + A + ":trail/t",
                "arn:aws:cloudtrail:us-east-1:" + B + ":trail/t");
        Arbitrary<String> sourceAccounts = Arbitraries.of("", A, B);
        var first = Combinators.combine(callers, operations, Arbitraries.of(CONTEXTS), Arbitraries.of(VIA),
                sourceArns, sourceAccounts, Arbitraries.of(IPS), Arbitraries.of(true, false));
        var second = Combinators.combine(Arbitraries.of(TIMES), orgs, Arbitraries.of("", "red", "blue"),
                Arbitraries.of(true, false), Arbitraries.of(7, 10, 30),
                Arbitraries.of(List.of("Decrypt"), List.of("Decrypt", "Sign"), List.of("Encrypt", "Decrypt")),
                Arbitraries.of("EncryptionContextSubset", "EncryptionContextEquals"), Arbitraries.of(KEYS));
        var third = Combinators.combine(Arbitraries.of(TAGS), Arbitraries.of("RAW", "DIGEST"));
        return Combinators.combine(first.as(List::of), second.as(List::of), third.as(List::of)).as((x, y, z) -> new Request(
                (String) x.get(0), (String) x.get(1), cast(x.get(2)), (String) x.get(3), (String) x.get(4),
                (String) x.get(5), (String) x.get(6), (Boolean) x.get(7), (String) y.get(0), (String) y.get(1),
                (String) y.get(2), (Boolean) y.get(3), (Integer) y.get(4), cast(y.get(5)), (String) y.get(6),
                cast(y.get(7)), cast(z.get(0)), (String) z.get(1)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** The identity sides the analyzer's access levels are defined over. */
    enum World { NONE, BOUNDED, ALLOW_ALL }

    static ObjectNode toCase(Request r, Policy policy, World world) {
        ObjectNode c = F.objectNode();
        ObjectNode key = c.putObject("key");
        key.put("arn", KEY_ARN);
        key.set("policy", json(policy.text()));
        if (r.alias) key.putArray("aliases").add("alias/app");
        key.put("keySpec", r.key.get(0));
        key.put("keyUsage", r.key.get(1));
        if (!r.key.get(2).isEmpty()) {
            key.put("multiRegion", true);
            key.put("multiRegionKeyType", r.key.get(2));
        }
        boolean service = !r.caller.startsWith("arn:");
        String holder = service ? null : holder(r.caller);
        if (holder != null) {
            if (world == World.ALLOW_ALL) c.putObject("identityPolicies").putArray(holder).add(allowAll());
            if (world == World.BOUNDED) c.putObject("permissionsBoundaries").set(holder, json(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:ListAliases\",\"Resource\":\"*\"}]}"));
        }
        ObjectNode req = c.putObject("request");
        ObjectNode caller = req.putObject("caller");
        if (service) caller.put("service", r.caller);
        else {
            caller.put("arn", r.caller);
            if (!r.team.isEmpty()) caller.putObject("tags").put("team", r.team);
        }
        String keyId = r.alias ? "alias/app" : KEY_ARN;
        ObjectNode p = F.objectNode();
        String op = r.operation;
        switch (op) {
            case "ReEncryptFrom", "ReEncryptTo", "ReEncryptSame" -> {
                p.put("CiphertextBlob", "AQID");
                p.put("SourceKeyId", op.equals("ReEncryptTo") ? OTHER_KEY : keyId);
                p.put("DestinationKeyId", op.equals("ReEncryptFrom") ? OTHER_KEY : keyId);
                if (!r.context.isEmpty()) {
                    p.set("SourceEncryptionContext", JSON.valueToTree(r.context));
                    p.set("DestinationEncryptionContext", JSON.valueToTree(r.context));
                }
                op = "ReEncrypt";
            }
            case "CreateGrant" -> {
                p.put("KeyId", keyId);
                p.put("GranteePrincipal", "arn:aws:iam::" + A + ":role/Grantee");
                ArrayNode ops = p.putArray("Operations");
                r.grantOps.forEach(ops::add);
                if (!r.context.isEmpty()) p.putObject("Constraints").set(r.constraint, JSON.valueToTree(r.context));
            }
            default -> {
                p.put("KeyId", keyId);
                if (!r.context.isEmpty() && List.of("Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair").contains(op))
                    p.set("EncryptionContext", JSON.valueToTree(r.context));
                if (op.equals("GenerateDataKeyPair")) p.put("KeyPairSpec", "RSA_2048");
                if (op.equals("ScheduleKeyDeletion")) p.put("PendingWindowInDays", r.window);
                if (op.equals("Sign")) {
                    p.put("Message", "AQID");
                    p.put("MessageType", r.messageType);
                    p.put("SigningAlgorithm", "RSASSA_PSS_SHA_256");
                }
                if (op.equals("TagResource")) {
                    ArrayNode tags = p.putArray("Tags");
                    r.tags.forEach((k, v) -> tags.addObject().put("TagKey", k).put("TagValue", v));
                }
                if (op.equals("UntagResource")) {
                    ArrayNode keys = p.putArray("TagKeys");
                    r.tags.keySet().forEach(keys::add);
                }
            }
        }
        req.put("operation", op);
        req.set("parameters", p);
        if (!service && !r.via.isEmpty()) req.put("viaService", r.via);
        if (service && !r.sourceArn.isEmpty()) req.put("sourceArn", r.sourceArn);
        if (service && !r.sourceAccount.isEmpty()) req.put("sourceAccount", r.sourceAccount);
        if (!r.ip.isEmpty()) req.put("sourceIp", r.ip);
        req.put("secureTransport", r.secure);
        req.put("time", r.time);
        if (!r.org.isEmpty()) req.putObject("context").put("aws:PrincipalOrgID", r.org);
        return c;
    }

    private static String holder(String caller) {
        if (caller.endsWith(":root")) return null;
        if (caller.contains(":assumed-role/")) {
            String[] parts = caller.split(":", 6);
            String role = parts[5].substring(13, parts[5].lastIndexOf('/'));
            return "arn:aws:iam::" + parts[4] + ":role/" + role;
        }
        return caller;
    }

    private static ObjectNode allowAll() {
        return (ObjectNode) json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
    }

    static boolean allows(Request r, Policy policy, World world) {
        try {
            Decision d = Simulation.parse(toCase(r, policy, world)).decide();
            return d.allowed();
        } catch (Exception e) {
            throw new AssertionError("cannot simulate " + toCase(r, policy, world), e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A systematic sample: every caller with every operation, over a few context variants. */
    static List<Request> enumerated() {
        List<Request> out = new ArrayList<>();
        int i = 0;
        for (String caller : CALLERS) {
            for (String op : OPERATIONS) {
                Map<String, String> ctx = CONTEXTS.get(i % CONTEXTS.size());
                String via = VIA.get(i % VIA.size());
                String ip = IPS.get(i % IPS.size());
                out.add(new Request(caller, op, ctx, via, i % 2 == 0 ? "arn:aws:cloudtrail:us-east-1:" + A + ":trail/t" : "",
                        i % 3 == 0 ? B : "", ip, i % 5 != 0, TIMES.get(i % TIMES.size()), i % 4 == 0 ? "o-123" : "",
                        i % 3 == 1 ? "red" : "", i % 7 == 0, i % 2 == 0 ? 7 : 30,
                        i % 2 == 0 ? List.of("Decrypt", "Encrypt") : List.of("Sign"),
                        i % 2 == 0 ? "EncryptionContextEquals" : "EncryptionContextSubset", KEYS.get(i % KEYS.size()),
                        TAGS.get(i % TAGS.size()), i % 2 == 0 ? "RAW" : "DIGEST"));
                i++;
            }
        }
        return out;
    }
}
