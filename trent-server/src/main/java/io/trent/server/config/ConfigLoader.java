package io.trent.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trent.authz.NamedPolicy;
import io.trent.policy.CompiledPolicy;
import io.trent.policy.Diagnostic;
import io.trent.policy.ParseResult;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads trent.yaml. Strict: unknown fields, duplicates and invalid policies stop the start with a message naming
 * the file, line and field. Relative paths are resolved against the directory of the file.
 */
public final class ConfigLoader {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern IAM_PATH = Pattern.compile("/([\\x21-\\x2E\\x30-\\x7E]+/)*");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Za-z0-9_]{1,128}");
    private static final Pattern SERVICE_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final YamlTree tree;
    private final String fileName;
    private final Path baseDir;
    private final Set<String> accessKeyIds = new HashSet<>();

    private ConfigLoader(YamlTree tree, String fileName, Path baseDir) {
        this.tree = tree;
        this.fileName = fileName;
        this.baseDir = baseDir;
    }

    public static TrentConfig load(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            Path dir = file.toAbsolutePath().getParent();
            return new ConfigLoader(YamlTree.read(r, file.toString()), file.toString(), dir).config();
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses YAML text; relative paths resolve against {@code baseDir}. */
    public static TrentConfig parse(String yaml, String fileName, Path baseDir) {
        return new ConfigLoader(YamlTree.read(new StringReader(yaml), fileName), fileName, baseDir).config();
    }

    private TrentConfig config() {
        Obj root = new Obj(tree.root(), "", "server", "storage", "rootKey", "accounts", "services");
        String host = null;
        Integer port = null;
        TrentConfig.Tls tls = null;
        Obj server = root.object("server", "host", "port", "tls");
        if (server != null) {
            host = server.string("host", false);
            port = server.integer("port", 0, 65535);
            Obj t = server.object("tls", "cert", "key");
            if (t != null) tls = new TrentConfig.Tls(t.requiredPath("cert"), t.requiredPath("key"));
        }
        Path db = null, rootKey = null;
        Obj storage = root.object("storage", "type", "path");
        if (storage != null) {
            storage.oneOf("type", "sqlite");
            db = storage.path("path");
        }
        Obj key = root.object("rootKey", "type", "path");
        if (key != null) {
            key.oneOf("type", "file");
            rootKey = key.path("path");
        }
        List<TrentConfig.Account> accounts = new ArrayList<>();
        Set<String> accountIds = new HashSet<>();
        for (Obj a : root.objects("accounts", "id", "serviceControlPolicies", "rootAccessKeys", "users", "roles")) {
            TrentConfig.Account account = account(a);
            if (!accountIds.add(account.id())) throw a.fail("id", "account " + account.id() + " is configured twice");
            accounts.add(account);
        }
        List<TrentConfig.Service> services = new ArrayList<>();
        Set<String> serviceNames = new HashSet<>();
        for (Obj s : root.objects("services", "name", "accessKeys", "actsOnBehalfOfCallers")) {
            String name = s.matching("name", SERVICE_NAME, "a service principal name such as cloudtrail.amazonaws.com");
            if (!serviceNames.add(name)) throw s.fail("name", "service " + name + " is configured twice");
            Boolean fas = s.bool("actsOnBehalfOfCallers");
            services.add(new TrentConfig.Service(name, accessKeys(s, "accessKeys"), fas != null && fas));
        }
        return new TrentConfig(host, port, db, rootKey, tls, accounts, services);
    }

    private TrentConfig.Account account(Obj a) {
        String id = a.matching("id", ACCOUNT_ID, "a quoted 12-digit account id such as \"111122223333\"");
        List<NamedPolicy> scps = policies(a, "serviceControlPolicies", "service control policy " + id);
        List<TrentConfig.User> users = new ArrayList<>();
        Set<String> userNames = new HashSet<>();
        for (Obj u : a.objects("users", "name", "path", "accessKeys", "policies", "permissionsBoundary", "tags")) {
            String name = u.matching("name", IAM_NAME, "an IAM user name (letters, digits and +=,.@_-, at most 64)");
            String path = iamPath(u);
            if (!userNames.add(name.toLowerCase(Locale.ROOT)))
                throw u.fail("name", "user " + name + " is configured twice in account " + id);
            String arn = "arn:aws:iam::" + id + ":user" + path + name;
            users.add(new TrentConfig.User(path, name, accessKeys(u, "accessKeys"),
                    policies(u, "policies", "identity policy " + arn),
                    policy(u, "permissionsBoundary", "permissions boundary " + arn), tags(u)));
        }
        List<TrentConfig.Role> roles = new ArrayList<>();
        Set<String> roleNames = new HashSet<>();
        for (Obj r : a.objects("roles", "name", "path", "sessionName", "accessKeys", "policies",
                "permissionsBoundary", "tags")) {
            String name = r.matching("name", IAM_NAME, "an IAM role name (letters, digits and +=,.@_-, at most 64)");
            String path = iamPath(r);
            if (!roleNames.add(name.toLowerCase(Locale.ROOT)))
                throw r.fail("name", "role " + name + " is configured twice in account " + id);
            String session = r.has("sessionName")
                    ? r.matching("sessionName", SESSION_NAME, "a session name (2 to 64 of letters, digits, +=,.@_-)")
                    : "trent";
            String arn = "arn:aws:iam::" + id + ":role" + path + name;
            roles.add(new TrentConfig.Role(path, name, session, accessKeys(r, "accessKeys"),
                    policies(r, "policies", "identity policy " + arn),
                    policy(r, "permissionsBoundary", "permissions boundary " + arn), tags(r)));
        }
        return new TrentConfig.Account(id, scps, accessKeys(a, "rootAccessKeys"), users, roles);
    }

    private String iamPath(Obj o) {
        return o.has("path") ? o.matching("path", IAM_PATH, "an IAM path such as / or /engineering/") : "/";
    }

    private List<TrentConfig.AccessKey> accessKeys(Obj owner, String field) {
        List<TrentConfig.AccessKey> keys = new ArrayList<>();
        for (Obj k : owner.objects(field, "id", "secret")) {
            String id = k.matching("id", ACCESS_KEY_ID, "an access key id (letters, digits and _, at most 128)");
            String secret = k.string("secret", true);
            if (secret.isEmpty()) throw k.fail("secret", "must not be empty");
            if (!accessKeyIds.add(id)) throw k.fail("id", "access key " + id + " is configured twice");
            keys.add(new TrentConfig.AccessKey(id, secret));
        }
        return keys;
    }

    private Map<String, String> tags(Obj owner) {
        JsonNode node = owner.get("tags");
        if (node == null) return Map.of();
        String path = owner.child("tags");
        if (!node.isObject()) throw fail(path, "must be a mapping of tag keys to values");
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull())
                throw fail(path + "." + e.getKey(), "a tag value must be a string");
            tags.put(e.getKey(), e.getValue().asText());
        }
        return tags;
    }

    private List<NamedPolicy> policies(Obj owner, String field, String name) {
        JsonNode node = owner.get(field);
        if (node == null) return List.of();
        String path = owner.child(field);
        if (!node.isArray()) throw fail(path, "must be a list of policies");
        List<NamedPolicy> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++)
            out.add(compile(node.get(i), path + "[" + i + "]", name + "[" + i + "]"));
        return out;
    }

    private NamedPolicy policy(Obj owner, String field, String name) {
        JsonNode node = owner.get(field);
        return node == null ? null : compile(node, owner.child(field), name);
    }

    /** A policy written as a YAML mapping or as a JSON string, validated as an IAM identity-side policy. */
    private NamedPolicy compile(JsonNode node, String path, String name) {
        String text;
        if (node.isTextual()) {
            text = node.asText();
        } else if (node.isObject()) {
            try {
                text = JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw fail(path, "cannot be converted to JSON: " + e.getOriginalMessage());
            }
        } else {
            throw fail(path, "a policy must be a mapping or a JSON string");
        }
        ParseResult parsed = PolicyParser.parse(text, PolicyType.IDENTITY_POLICY);
        if (!parsed.ok()) {
            throw fail(path, "invalid policy: " + parsed.diagnostics().stream()
                    .map(Diagnostic::toString).collect(Collectors.joining("; ")));
        }
        return new NamedPolicy(name, CompiledPolicy.compile(parsed.policy()));
    }

    private ConfigException fail(String path, String message) {
        return new ConfigException(fileName + " line " + tree.line(path) + ": " + (path.isEmpty() ? "" : path + ": ")
                + message);
    }

    /** A mapping in the document, with typed accessors that fail with the field's line. */
    private final class Obj {
        private final JsonNode node;
        private final String path;

        Obj(JsonNode node, String path, String... allowed) {
            this.node = node;
            this.path = path;
            if (!node.isObject()) throw ConfigLoader.this.fail(path, "must be a mapping");
            Set<String> ok = Set.of(allowed);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!ok.contains(f)) throw fail(f, "unknown field (allowed here: " + String.join(", ", allowed) + ")");
            }
        }

        String child(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        ConfigException fail(String field, String message) {
            return ConfigLoader.this.fail(child(field), message);
        }

        boolean has(String field) {
            return get(field) != null;
        }

        JsonNode get(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v;
        }

        String string(String field, boolean required) {
            JsonNode v = get(field);
            if (v == null) {
                if (required) throw ConfigLoader.this.fail(path, "missing required field '" + field + "'");
                return null;
            }
            if (!v.isTextual()) throw fail(field, "must be a string");
            return v.asText();
        }

        String matching(String field, Pattern pattern, String expected) {
            JsonNode v = get(field);
            if (v != null && v.isNumber()) throw fail(field, "must be a quoted string: expected " + expected);
            String s = string(field, true);
            if (!pattern.matcher(s).matches()) throw fail(field, "'" + s + "' is not valid: expected " + expected);
            return s;
        }

        void oneOf(String field, String only) {
            String s = string(field, false);
            if (s != null && !s.equals(only)) throw fail(field, "'" + s + "' is not supported (only " + only + ")");
        }

        Integer integer(String field, int min, int max) {
            JsonNode v = get(field);
            if (v == null) return null;
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max)
                throw fail(field, "must be a whole number from " + min + " to " + max);
            return v.intValue();
        }

        Boolean bool(String field) {
            JsonNode v = get(field);
            if (v == null) return null;
            if (!v.isBoolean()) throw fail(field, "must be true or false");
            return v.booleanValue();
        }

        Path path(String field) {
            String s = string(field, false);
            if (s == null) return null;
            if (s.isBlank()) throw fail(field, "must not be empty");
            return baseDir.resolve(s).normalize();
        }

        Path requiredPath(String field) {
            string(field, true);
            return path(field);
        }

        Obj object(String field, String... allowed) {
            JsonNode v = get(field);
            return v == null ? null : new Obj(v, child(field), allowed);
        }

        List<Obj> objects(String field, String... allowed) {
            JsonNode v = get(field);
            if (v == null) return List.of();
            if (!v.isArray()) throw fail(field, "must be a list");
            List<Obj> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) out.add(new Obj(v.get(i), child(field) + "[" + i + "]", allowed));
            return out;
        }
    }
}
