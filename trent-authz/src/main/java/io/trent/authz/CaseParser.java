package io.trent.authz;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import io.trent.policy.Diagnostic;
import io.trent.policy.ParseResult;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a conformance case (shared/conformance/README.md) into a {@link Simulation}. Strict: unknown fields, wrong
 * types and policies that do not parse are errors, so that a typo can never turn into a silently different case.
 */
final class CaseParser {
    static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> CASE_FIELDS = Set.of("description", "source", "comment", "key",
            "identityPolicies", "permissionsBoundaries", "serviceControlPolicies", "grants", "request", "expect");
    private static final Set<String> KEY_FIELDS = Set.of("arn", "policy", "keySpec", "keyUsage", "origin",
            "multiRegion", "multiRegionKeyType", "tags", "aliases");
    private static final Set<String> REQUEST_FIELDS = Set.of("caller", "operation", "parameters", "viaService",
            "sourceArn", "sourceAccount", "sourceIp", "secureTransport", "time", "context");
    private static final Set<String> CALLER_FIELDS = Set.of("arn", "service", "tags");
    /** CreateGrant's parameters (KeyId is the case key's; GrantTokens play no part in authorization) plus GrantId. */
    private static final Set<String> GRANT_FIELDS = Set.of("GrantId", "KeyId", "Name", "GranteePrincipal",
            "RetiringPrincipal", "Operations", "Constraints", "GrantTokens", "IssuingAccount");

    private CaseParser() {}

    static Simulation load(Path file) throws SimulationException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SimulationException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new SimulationException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(root);
    }

    static Simulation parse(JsonNode root) throws SimulationException {
        if (root == null || !root.isObject()) throw new SimulationException("a case must be a JSON object");
        onlyFields(root, "$", CASE_FIELDS);
        JsonNode req = object(root, "request", true);
        onlyFields(req, "request", REQUEST_FIELDS);
        String operation = string(req, "operation", "request.operation", true);
        KmsOperation op = KmsOperation.of(operation);
        if (op == null) throw new SimulationException("request.operation: " + operation + " is not a KMS operation");

        JsonNode keyNode = object(root, "key", !op.identityOnly());
        KmsKey key = keyNode == null ? null : key(keyNode, grants(root.get("grants"), keyNode));

        JsonNode callerNode = object(req, "caller", true);
        onlyFields(callerNode, "request.caller", CALLER_FIELDS);
        Caller caller = caller(callerNode);
        Map<String, String> tags = stringMap(callerNode.get("tags"), "request.caller.tags");

        JsonNode parameters = req.path("parameters");
        if (parameters.isMissingNode()) parameters = JsonNodeFactory.instance.objectNode();
        else if (!parameters.isObject()) throw new SimulationException("request.parameters must be an object");

        KmsKey target = key, other = null, undescribed = null;
        if (op == KmsOperation.ReEncrypt && key != null) {
            String source = RequestContextBuilder.text(parameters.path("SourceKeyId"));
            String destination = RequestContextBuilder.text(parameters.path("DestinationKeyId"));
            if (source != null && !names(key, source) && (destination == null || names(key, destination))) {
                // the case key is only the destination: kms:ReEncryptTo is the one check decided on it (§5.2)
                target = undescribed = stub(key, source);
                other = key;
            } else if (destination != null && !names(key, destination)) {
                other = undescribed = stub(key, destination);
            }
        }
        Transport transport = new Transport(key != null ? key.region() : "us-east-1",
                string(req, "viaService", "request.viaService", false),
                string(req, "sourceArn", "request.sourceArn", false),
                string(req, "sourceAccount", "request.sourceAccount", false),
                string(req, "sourceIp", "request.sourceIp", false),
                bool(req, "secureTransport", true),
                time(req.get("time")),
                extraContext(req.get("context")));
        KmsRequest request = new KmsRequest(operation, parameters, caller, transport, target, other);
        Identities identities = new CaseIdentities(
                identityPolicies(root.get("identityPolicies")),
                boundaries(root.get("permissionsBoundaries")),
                scps(root.get("serviceControlPolicies")), tags);
        return new Simulation(text(root.get("description")), expected(root.get("expect")), request,
                caller instanceof Caller.Iam ? tags : Map.of(), identities, undescribed);
    }

    private static KmsKey key(JsonNode k, List<Grant> grants) throws SimulationException {
        onlyFields(k, "key", KEY_FIELDS);
        String arn = string(k, "arn", "key.arn", true);
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("kms") || parts[3].isEmpty()
                || !parts[4].matches("\\d{12}") || !parts[5].startsWith("key/") || parts[5].length() == 4)
            throw new SimulationException("key.arn: " + arn
                    + " is not a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)");
        if (!k.has("policy")) throw new SimulationException("key.policy is required");
        CompiledPolicy policy = policy(k.get("policy"), PolicyType.KEY_POLICY, "key.policy");
        boolean multiRegion = bool(k, "multiRegion", false);
        String mrType = string(k, "multiRegionKeyType", "key.multiRegionKeyType", false);
        List<String> aliases = new ArrayList<>();
        for (JsonNode a : array(k.get("aliases"), "key.aliases")) {
            if (!a.isTextual() || !a.textValue().startsWith("alias/"))
                throw new SimulationException("key.aliases: " + a + " is not an alias name (alias/NAME)");
            aliases.add(a.textValue());
        }
        return new KmsKey(arn, parts[5].substring(4), parts[4], parts[3], policy,
                orDefault(string(k, "keySpec", "key.keySpec", false), "SYMMETRIC_DEFAULT"),
                orDefault(string(k, "keyUsage", "key.keyUsage", false), "ENCRYPT_DECRYPT"),
                orDefault(string(k, "origin", "key.origin", false), "AWS_KMS"),
                multiRegion, multiRegion ? orDefault(mrType, "PRIMARY") : null,
                stringMap(k.get("tags"), "key.tags"), aliases, grants);
    }

    private static List<Grant> grants(JsonNode node, JsonNode keyNode) throws SimulationException {
        List<Grant> out = new ArrayList<>();
        String keyArn = keyNode.path("arn").asText(null);
        String account = keyArn == null ? null : RequestContextBuilder.arnAccount(keyArn);
        int i = 0;
        for (JsonNode g : array(node, "grants")) {
            String at = "grants[" + i + "]";
            if (!g.isObject()) throw new SimulationException(at + " must be an object");
            onlyFields(g, at, GRANT_FIELDS);
            List<String> ops = new ArrayList<>();
            for (JsonNode op : array(g.get("Operations"), at + ".Operations")) {
                if (!op.isTextual()) throw new SimulationException(at + ".Operations: " + op + " is not a string");
                ops.add(op.textValue());
            }
            if (ops.isEmpty()) throw new SimulationException(at + ".Operations must list at least one operation");
            JsonNode constraints = g.path("Constraints");
            out.add(new Grant(orDefault(string(g, "GrantId", at + ".GrantId", false), "grant-" + i),
                    string(g, "Name", at + ".Name", false), keyArn,
                    string(g, "GranteePrincipal", at + ".GranteePrincipal", true),
                    string(g, "RetiringPrincipal", at + ".RetiringPrincipal", false), ops,
                    constraint(constraints, "EncryptionContextSubset", at),
                    constraint(constraints, "EncryptionContextEquals", at),
                    orDefault(string(g, "IssuingAccount", at + ".IssuingAccount", false), account), null));
            i++;
        }
        return out;
    }

    private static Map<String, String> constraint(JsonNode constraints, String name, String at)
            throws SimulationException {
        return constraints.has(name) ? stringMap(constraints.get(name), at + ".Constraints." + name) : null;
    }

    private static Caller caller(JsonNode c) throws SimulationException {
        String arn = string(c, "arn", "request.caller.arn", false);
        String service = string(c, "service", "request.caller.service", false);
        if ((arn == null) == (service == null))
            throw new SimulationException("request.caller needs exactly one of arn (an IAM principal) and service");
        if (service != null) return new Caller.Service(service);
        try {
            return Caller.parseIam(arn);
        } catch (IllegalArgumentException e) {
            throw new SimulationException("request.caller.arn: " + e.getMessage());
        }
    }

    private static Map<String, List<NamedPolicy>> identityPolicies(JsonNode node) throws SimulationException {
        Map<String, List<NamedPolicy>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : members(node, "identityPolicies")) {
            String at = "identityPolicies." + e.getKey();
            principalArn(e.getKey(), "identityPolicies");
            List<JsonNode> docs = e.getValue().isArray() ? toList(e.getValue()) : List.of(e.getValue());
            List<NamedPolicy> policies =
                    out.computeIfAbsent(CaseIdentities.principalKey(e.getKey()), k -> new ArrayList<>());
            for (int i = 0; i < docs.size(); i++)
                policies.add(new NamedPolicy("identity policy " + e.getKey() + "[" + i + "]",
                        policy(docs.get(i), PolicyType.IDENTITY_POLICY, at + "[" + i + "]")));
        }
        return out;
    }

    private static Map<String, NamedPolicy> boundaries(JsonNode node) throws SimulationException {
        Map<String, NamedPolicy> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : members(node, "permissionsBoundaries")) {
            principalArn(e.getKey(), "permissionsBoundaries");
            out.put(CaseIdentities.principalKey(e.getKey()), new NamedPolicy("permissions boundary " + e.getKey(),
                    policy(e.getValue(), PolicyType.IDENTITY_POLICY, "permissionsBoundaries." + e.getKey())));
        }
        return out;
    }

    private static List<NamedPolicy> scps(JsonNode node) throws SimulationException {
        List<NamedPolicy> out = new ArrayList<>();
        int i = 0;
        for (JsonNode scp : array(node, "serviceControlPolicies")) {
            out.add(new NamedPolicy("service control policy [" + i + "]",
                    policy(scp, PolicyType.IDENTITY_POLICY, "serviceControlPolicies[" + i + "]")));
            i++;
        }
        return out;
    }

    private static CompiledPolicy policy(JsonNode doc, PolicyType type, String at) throws SimulationException {
        ParseResult r = doc != null && doc.isTextual() ? PolicyParser.parse(doc.textValue(), type)
                : PolicyParser.parse(doc, type);
        if (!r.ok())
            throw new SimulationException(at + " does not parse: "
                    + r.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("; ")));
        return CompiledPolicy.compile(r.policy());
    }

    private static void principalArn(String arn, String at) throws SimulationException {
        if (!arn.startsWith("arn:") || !(arn.contains(":user/") || arn.contains(":role/") || arn.endsWith(":root")
                || arn.contains(":federated-user/")))
            throw new SimulationException(at + ": " + arn + " is not an IAM user or role ARN");
    }

    /** True when the key identifier names the case key (key ID, key ARN, one of its alias names or alias ARNs). */
    private static boolean names(KmsKey key, String id) {
        if (id.equals(key.arn()) || id.equals(key.keyId())) return true;
        String alias = RequestContextBuilder.aliasName(id);
        return alias != null && key.aliases().contains(alias);
    }

    private static KmsKey stub(KmsKey like, String id) {
        String arn = id.startsWith("arn:") ? id : "arn:aws:kms:" + like.region() + ":" + like.account() + ":"
                + (id.startsWith("alias/") ? id : "key/" + id);
        return new KmsKey(arn, id, like.account(), like.region(), null, null, null, null, false, null, Map.of(),
                List.of(), List.of());
    }

    private static Outcome expected(JsonNode expect) throws SimulationException {
        if (expect == null) return null;
        String d = expect.path("decision").asText(null);
        if (d == null) return null;
        for (Outcome o : Outcome.values()) if (o.caseName().equals(d)) return o;
        throw new SimulationException("expect.decision: " + d + " is not Allow, ExplicitDeny or ImplicitDeny");
    }

    private static Instant time(JsonNode node) throws SimulationException {
        if (node == null || node.isNull()) return null;
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new SimulationException("request.time: " + node.asText()
                    + " is not an ISO-8601 time with a zone (2026-01-01T00:00:00Z)");
        }
    }

    private static Map<String, Object> extraContext(JsonNode node) throws SimulationException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : members(node, "request.context")) {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode x : v) values.add(scalar(x, "request.context." + e.getKey()));
                out.put(e.getKey(), values);
            } else {
                out.put(e.getKey(), scalar(v, "request.context." + e.getKey()));
            }
        }
        return out;
    }

    private static String scalar(JsonNode v, String at) throws SimulationException {
        String s = RequestContextBuilder.text(v);
        if (s == null) throw new SimulationException(at + ": " + v + " is not a string, number or boolean");
        return s;
    }

    private static Map<String, String> stringMap(JsonNode node, String at) throws SimulationException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : members(node, at))
            out.put(e.getKey(), scalar(e.getValue(), at + "." + e.getKey()));
        return out;
    }

    private static List<Map.Entry<String, JsonNode>> members(JsonNode node, String at) throws SimulationException {
        if (node == null || node.isNull()) return List.of();
        if (!node.isObject()) throw new SimulationException(at + " must be an object");
        return new ArrayList<>(node.properties());
    }

    private static List<JsonNode> array(JsonNode node, String at) throws SimulationException {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw new SimulationException(at + " must be an array");
        return toList(node);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    private static JsonNode object(JsonNode parent, String field, boolean required) throws SimulationException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) throw new SimulationException(field + " is required");
            return null;
        }
        if (!n.isObject()) throw new SimulationException(field + " must be an object");
        return n;
    }

    private static String string(JsonNode parent, String field, String at, boolean required)
            throws SimulationException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) throw new SimulationException(at + " is required");
            return null;
        }
        if (!n.isTextual()) throw new SimulationException(at + " must be a string");
        return n.textValue();
    }

    private static boolean bool(JsonNode parent, String field, boolean fallback) throws SimulationException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return fallback;
        if (!n.isBoolean()) throw new SimulationException(field + " must be true or false");
        return n.booleanValue();
    }

    private static void onlyFields(JsonNode node, String at, Set<String> known) throws SimulationException {
        for (Map.Entry<String, JsonNode> e : node.properties())
            if (!known.contains(e.getKey()))
                throw new SimulationException(at + ": unknown field " + e.getKey() + " (known: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
    }

    private static String text(JsonNode n) {
        return n == null || !n.isTextual() ? null : n.textValue();
    }

    private static String orDefault(String s, String fallback) {
        return s != null ? s : fallback;
    }
}
