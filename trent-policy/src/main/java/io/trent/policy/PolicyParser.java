package io.trent.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses and validates policy documents (sections 1-4 of the authorization reference). Every problem is collected,
 * each with its JSON path, e.g. {@code $.Statement[2].Condition.NumericLessThan.kms:RotationPeriodInDays[0]}.
 */
public final class PolicyParser {
    /** Key policies larger than this many UTF-8 bytes are refused (LimitExceededException at the API). */
    public static final int MAX_KEY_POLICY_BYTES = 32_768;
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    /** Bounds the plain form of numbers such as 1e999999 before they are turned into strings. */
    private static final int MAX_NUMBER_SCALE = 1000;
    private static final Set<String> TOP_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Map<String, ConditionOperator> OPERATORS = new HashMap<>();
    static {
        for (ConditionOperator op : ConditionOperator.values()) OPERATORS.put(op.awsName().toLowerCase(Locale.ROOT), op);
    }

    private PolicyParser() {}

    /** Strict parse: the policy is null when there is any diagnostic. */
    public static ParseResult parse(String json, PolicyType type) {
        LenientParse r = parseLenient(json, type);
        return new ParseResult(r.policy(), r.diagnostics());
    }

    /**
     * Strict parse of a document already read as JSON (conformance cases embed policies as objects). Repeated member
     * names cannot be detected here; {@link Policy#text()} is the compact serialization of {@code json}.
     */
    public static ParseResult parse(JsonNode json, PolicyType type) {
        LenientParse r = parseLenient(json, type);
        return new ParseResult(r.policy(), r.diagnostics());
    }

    /** Lenient parse for tools: all diagnostics plus the statements that parsed cleanly. */
    public static LenientParse parseLenient(String json, PolicyType type) {
        if (json == null) return new Walk(type, "").fail("there is no policy document");
        JsonTreeReader.Result read = JsonTreeReader.read(json);
        Walk walk = new Walk(type, json);
        walk.checkSize();
        if (read.error() != null) return walk.fail("the policy is not valid JSON: " + read.error());
        return walk.document(read.root(), read.duplicates());
    }

    /** Lenient parse of a document already read as JSON. */
    public static LenientParse parseLenient(JsonNode json, PolicyType type) {
        if (json == null || json.isMissingNode()) return new Walk(type, "").fail("there is no policy document");
        Walk walk = new Walk(type, json.toString());
        walk.checkSize();
        return walk.document(json, List.of());
    }

    /** JSON path of member {@code name} of the object at {@code path}. */
    static String member(String path, String name) {
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c != '.' && c != '[' && c != ']' && c != '\'' && !Character.isWhitespace(c);
        }
        return plain ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
    }

    private record Item(String value, String path) {}

    private record Operator(ConditionOperator op, SetQualifier qualifier, boolean ifExists) {}

    /** One validation run over one document. */
    private static final class Walk {
        private final PolicyType type;
        private final boolean keyPolicy;
        private final String text;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Set<Integer> bad = new TreeSet<>();
        /** Index of the statement being read, -1 outside statements. */
        private int statement = -1;
        private boolean variables;
        private final List<Integer> notPermitted = new ArrayList<>();
        private final Set<String> notPermittedKeys = new LinkedHashSet<>();

        Walk(PolicyType type, String text) {
            this.type = type;
            this.keyPolicy = type == PolicyType.KEY_POLICY;
            this.text = text;
        }

        private void report(DiagnosticCode code, String path, String message, String expected) {
            diagnostics.add(new Diagnostic(code, path, message, expected));
            if (statement >= 0) bad.add(statement);
        }

        private void malformed(String path, String message, String expected) {
            report(DiagnosticCode.MALFORMED_POLICY, path, message, expected);
        }

        LenientParse fail(String message) {
            malformed("$", message, "a JSON object with a Statement element");
            return unusable();
        }

        private LenientParse unusable() {
            return new LenientParse(null, diagnostics, bad);
        }

        void checkSize() {
            if (!keyPolicy) return;
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_KEY_POLICY_BYTES)
                report(DiagnosticCode.SIZE_LIMIT_EXCEEDED, "$", "the key policy is " + bytes + " bytes long",
                        "at most " + MAX_KEY_POLICY_BYTES + " bytes");
        }

        LenientParse document(JsonNode root, List<JsonTreeReader.Duplicate> duplicates) {
            for (JsonTreeReader.Duplicate d : duplicates) {
                statement = statementOf(root, d.path());
                report(DiagnosticCode.DUPLICATE_KEY, d.path(), "the member " + d.name() + " appears more than once in one object",
                        "each member name once per object");
            }
            statement = -1;
            if (!root.isObject()) {
                malformed("$", "the policy document is not a JSON object", "a JSON object");
                return unusable();
            }
            String version = version(root.get("Version"));
            variables = VERSION_2012.equals(version);
            String id = null;
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!TOP_ELEMENTS.contains(name))
                    malformed(member("$", name), "unknown policy element " + name, "Version, Id or Statement");
            }
            JsonNode idNode = root.get("Id");
            if (idNode != null) {
                if (!keyPolicy) malformed("$.Id", "Id is not allowed in an identity policy", "no Id element");
                else if (!idNode.isTextual()) malformed("$.Id", "Id must be a string", "a string");
                else id = idNode.textValue();
            }
            JsonNode statements = root.get("Statement");
            List<Statement> parsed = new ArrayList<>();
            if (statements == null) {
                malformed("$", "the Statement element is missing", "a Statement object or array");
                return unusable();
            } else if (statements.isObject()) {
                statement(statements, "$.Statement", 0, parsed);
            } else if (statements.isArray()) {
                if (statements.isEmpty()) {
                    malformed("$.Statement", "the Statement array is empty", "at least one statement");
                    return unusable();
                }
                for (int i = 0; i < statements.size(); i++) statement(statements.get(i), "$.Statement[" + i + "]", i, parsed);
            } else {
                malformed("$.Statement", "Statement must be an object or an array of objects", "a Statement object or array");
                return unusable();
            }
            statement = -1;
            String keys = "These condition keys are not permitted in a key policy: " + String.join(", ", notPermittedKeys);
            for (int i : notPermitted) {
                Diagnostic d = diagnostics.get(i);
                diagnostics.set(i, new Diagnostic(d.code(), d.path(), keys, d.expected()));
            }
            return new LenientParse(new Policy(type, version, id, parsed, text), diagnostics, bad);
        }

        /** Statement index a repeated member belongs to, or -1 for document-level members. */
        private static int statementOf(JsonNode root, String path) {
            if (path.startsWith("$.Statement[")) {
                int end = path.indexOf(']');
                try {
                    return Integer.parseInt(path.substring(12, end));
                } catch (RuntimeException e) {
                    return -1;
                }
            }
            boolean single = root.isObject() && root.path("Statement").isObject();
            return single && (path.startsWith("$.Statement.") || path.startsWith("$.Statement['")) ? 0 : -1;
        }

        private String version(JsonNode node) {
            if (node == null) return null;
            if (node.isTextual() && (VERSION_2012.equals(node.textValue()) || VERSION_2008.equals(node.textValue())))
                return node.textValue();
            report(DiagnosticCode.INVALID_VERSION, "$.Version", "Version " + node + " is not a policy language version",
                    "\"" + VERSION_2012 + "\" or \"" + VERSION_2008 + "\"");
            return node.isTextual() ? node.textValue() : null;
        }

        private void statement(JsonNode node, String path, int index, List<Statement> out) {
            statement = index;
            if (!node.isObject()) {
                malformed(path, "a statement must be a JSON object", "a statement object");
                return;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!STATEMENT_ELEMENTS.contains(name))
                    malformed(member(path, name), "unknown statement element " + name,
                            "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource or Condition");
            }
            String sid = sid(node.get("Sid"), path + ".Sid");
            Effect effect = effect(node.get("Effect"), path);
            List<PrincipalEntry> principals = null;
            boolean notPrincipal = node.has("NotPrincipal");
            if (!keyPolicy) {
                for (String e : List.of("Principal", "NotPrincipal"))
                    if (node.has(e)) malformed(path + "." + e, e + " is not allowed in an identity policy", "no " + e + " element");
            } else if (node.has("Principal") && notPrincipal) {
                malformed(path, "the statement has both Principal and NotPrincipal", "exactly one of Principal and NotPrincipal");
            } else if (!node.has("Principal") && !notPrincipal) {
                malformed(path, "the statement has neither Principal nor NotPrincipal", "exactly one of Principal and NotPrincipal");
            } else {
                String e = notPrincipal ? "NotPrincipal" : "Principal";
                principals = principals(node.get(e), path + "." + e);
            }
            boolean notAction = node.has("NotAction");
            List<String> actions = actions(pair(node, path, "Action", "NotAction"));
            boolean notResource = node.has("NotResource");
            List<String> resources = resources(pair(node, path, "Resource", "NotResource"), notResource);
            List<Condition> conditions = conditions(node.get("Condition"), path + ".Condition");
            if (!bad.contains(index))
                out.add(new Statement(index, sid, effect, principals, notPrincipal, actions, notAction, resources, notResource, conditions));
        }

        private String sid(JsonNode node, String path) {
            if (node == null) return null;
            if (!node.isTextual()) {
                malformed(path, "Sid must be a string", "a string");
                return null;
            }
            String sid = node.textValue();
            if (!keyPolicy) {
                for (int i = 0; i < sid.length(); i++) {
                    char c = sid.charAt(i);
                    if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                        malformed(path, "Sid \"" + sid + "\" has characters other than letters and digits", "[A-Za-z0-9]*");
                        break;
                    }
                }
            }
            return sid;
        }

        private Effect effect(JsonNode node, String path) {
            if (node == null) {
                malformed(path, "the Effect element is missing", "\"Allow\" or \"Deny\"");
                return null;
            }
            if (node.isTextual() && node.textValue().equals("Allow")) return Effect.ALLOW;
            if (node.isTextual() && node.textValue().equals("Deny")) return Effect.DENY;
            malformed(path + ".Effect", "Effect " + node + " is neither Allow nor Deny", "\"Allow\" or \"Deny\" (case-sensitive)");
            return null;
        }

        /** Items of {@code e} or {@code notE}, whichever the statement has; null (reported) when neither or both. */
        private List<Item> pair(JsonNode node, String path, String e, String notE) {
            boolean has = node.has(e), hasNot = node.has(notE);
            if (has && hasNot) {
                malformed(path, "the statement has both " + e + " and " + notE, "exactly one of " + e + " and " + notE);
                return null;
            }
            if (!has && !hasNot) {
                malformed(path, "the statement has neither " + e + " nor " + notE, "exactly one of " + e + " and " + notE);
                return null;
            }
            String name = has ? e : notE;
            return strings(node.get(name), path + "." + name);
        }

        /** A string or a non-empty array of strings; null (reported) otherwise. */
        private List<Item> strings(JsonNode node, String path) {
            if (node.isTextual()) return List.of(new Item(node.textValue(), path));
            if (!node.isArray()) {
                malformed(path, "expected a string or an array of strings, found " + kind(node), "a string or an array of strings");
                return null;
            }
            if (node.isEmpty()) {
                malformed(path, "the array is empty", "at least one string");
                return null;
            }
            List<Item> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = node.get(i);
                String p = path + "[" + i + "]";
                if (v.isTextual()) items.add(new Item(v.textValue(), p));
                else malformed(p, "expected a string, found " + kind(v), "a string");
            }
            return items.size() == node.size() ? items : null;
        }

        private List<PrincipalEntry> principals(JsonNode node, String path) {
            if (node.isTextual()) {
                if (node.textValue().equals("*")) return List.of(new PrincipalEntry.Everyone("*"));
                report(DiagnosticCode.INVALID_PRINCIPAL, path, "a principal given as a string must be \"*\"",
                        "\"*\" or an object such as {\"AWS\": ...}");
                return null;
            }
            if (!node.isObject() || node.isEmpty()) {
                malformed(path, "expected \"*\" or a non-empty object of principals, found " + kind(node),
                        "\"*\" or an object with AWS, Service, Federated or CanonicalUser members");
                return null;
            }
            List<PrincipalEntry> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String typePath = member(path, f.getKey());
                if (!PRINCIPAL_TYPES.contains(f.getKey())) {
                    report(DiagnosticCode.INVALID_PRINCIPAL, typePath, "unknown principal type " + f.getKey(),
                            "AWS, Service, Federated or CanonicalUser");
                    continue;
                }
                List<Item> items = strings(f.getValue(), typePath);
                if (items == null) continue;
                for (Item item : items) {
                    try {
                        entries.add(Principals.parse(f.getKey(), item.value()));
                    } catch (IllegalArgumentException e) {
                        report(DiagnosticCode.INVALID_PRINCIPAL, item.path(), "invalid principal \"" + item.value() + "\": " + e.getMessage(),
                                f.getKey().equals("Service") ? Principals.EXPECTED_SERVICE : Principals.EXPECTED_AWS);
                    }
                }
            }
            return entries;
        }

        private List<String> actions(List<Item> items) {
            if (items == null) return List.of();
            List<String> out = new ArrayList<>(items.size());
            for (Item item : items) {
                if (!isAction(item.value()))
                    report(DiagnosticCode.INVALID_ACTION, item.path(), "\"" + item.value() + "\" is not an action",
                            "\"*\" or service:Action, wildcards * and ? allowed (e.g. kms:Decrypt, kms:Get*)");
                out.add(item.value());
            }
            return out;
        }

        private static boolean isAction(String a) {
            if (a.equals("*")) return true;
            int colon = a.indexOf(':');
            if (colon <= 0 || colon == a.length() - 1 || a.indexOf(':', colon + 1) >= 0) return false;
            for (int i = 0; i < a.length(); i++) {
                char c = a.charAt(i);
                if (i != colon && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "*?-_.".indexOf(c) >= 0))
                    return false;
            }
            return true;
        }

        private List<String> resources(List<Item> items, boolean not) {
            if (items == null) return List.of();
            List<String> out = new ArrayList<>(items.size());
            for (Item item : items) {
                String r = item.value();
                out.add(r);
                if (keyPolicy) {
                    if (not) report(DiagnosticCode.INVALID_RESOURCE, item.path(), "NotResource is not allowed in a key policy",
                            "\"Resource\": \"*\"");
                    else if (!r.equals("*")) report(DiagnosticCode.INVALID_RESOURCE, item.path(),
                            "a key policy Resource must be \"*\" (this key), found \"" + r + "\"", "\"*\"");
                    continue;
                }
                if (!r.equals("*") && !r.startsWith("arn:")) {
                    report(DiagnosticCode.INVALID_RESOURCE, item.path(), "\"" + r + "\" is neither \"*\" nor an ARN",
                            "\"*\" or an ARN pattern such as arn:aws:kms:*:111122223333:key/*");
                } else if (variables && Template.mentionsVariable(r)) {
                    int resourcePart = ArnPattern.resourcePartOffset(r);
                    if (resourcePart < 0 || r.indexOf("${") < resourcePart) {
                        report(DiagnosticCode.INVALID_RESOURCE, item.path(), "policy variables are allowed only in the resource part of an ARN",
                                "variables after the fifth colon, e.g. arn:aws:kms:*:*:alias/${aws:username}");
                    } else {
                        try {
                            Template.parse(r, true);
                        } catch (IllegalArgumentException e) {
                            report(DiagnosticCode.INVALID_RESOURCE, item.path(), e.getMessage(), "${key} or ${key, 'default'}");
                        }
                    }
                }
            }
            return out;
        }

        private List<Condition> conditions(JsonNode node, String path) {
            if (node == null) return List.of();
            if (!node.isObject()) {
                malformed(path, "Condition must be an object, found " + kind(node), "{ operator: { key: value(s) } }");
                return List.of();
            }
            List<Condition> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String opPath = member(path, op.getKey());
                Operator spec = operator(op.getKey(), opPath);
                JsonNode block = op.getValue();
                if (!block.isObject()) {
                    malformed(opPath, "a condition operator takes an object of condition keys, found " + kind(block), "{ key: value(s) }");
                    continue;
                }
                Set<String> seen = new HashSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> keys = block.fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> k = keys.next();
                    String key = k.getKey(), keyPath = member(opPath, key);
                    String lower = key.toLowerCase(Locale.ROOT);
                    if (key.isEmpty()) malformed(keyPath, "empty condition key", "a condition key such as kms:CallerAccount");
                    if (!seen.add(lower))
                        report(DiagnosticCode.DUPLICATE_KEY, keyPath, "condition key " + key + " repeats another key of "
                                + op.getKey() + " ignoring case (keys are case-insensitive)", "each condition key once per operator");
                    if (keyPolicy && (lower.startsWith("aws:resourcetag/") || lower.startsWith("kms:resourcetag/")
                            || lower.equals("kms:resourcealiases"))) {
                        notPermittedKeys.add(key);
                        notPermitted.add(diagnostics.size());
                        report(DiagnosticCode.CONDITION_KEY_NOT_PERMITTED, keyPath, "", "no aws:ResourceTag/*, kms:ResourceTag/* "
                                + "or kms:ResourceAliases in a key policy (use them in IAM policies)");
                    }
                    List<Item> values = conditionValues(k.getValue(), keyPath);
                    if (spec == null || values == null) continue;
                    if (keyPolicy && spec.qualifier() == SetQualifier.FOR_ALL_VALUES && lower.startsWith("kms:encryptioncontext:"))
                        report(DiagnosticCode.OVERLY_PERMISSIVE_CONDITION, keyPath, "OverlyPermissiveCondition: " + op.getKey()
                                + " with " + key + " is true for requests without an encryption context",
                                "StringEquals (or ForAnyValue:) on kms:EncryptionContext:<key>");
                    List<String> strings = new ArrayList<>(values.size());
                    for (Item v : values) {
                        checkValue(spec.op(), op.getKey(), v);
                        strings.add(v.value());
                    }
                    out.add(new Condition(op.getKey(), spec.op(), spec.qualifier(), spec.ifExists(), key, strings, keyPath));
                }
            }
            return out;
        }

        private Operator operator(String text, String path) {
            String rest = text;
            SetQualifier qualifier = SetQualifier.NONE;
            int colon = text.indexOf(':');
            if (colon >= 0) {
                String prefix = text.substring(0, colon);
                if (prefix.equalsIgnoreCase("ForAnyValue")) qualifier = SetQualifier.FOR_ANY_VALUE;
                else if (prefix.equalsIgnoreCase("ForAllValues")) qualifier = SetQualifier.FOR_ALL_VALUES;
                else return unknownOperator(path, "unknown set operator prefix " + prefix + ":");
                rest = text.substring(colon + 1);
            }
            boolean ifExists = rest.length() > 8 && rest.regionMatches(true, rest.length() - 8, "IfExists", 0, 8);
            ConditionOperator op = OPERATORS.get((ifExists ? rest.substring(0, rest.length() - 8) : rest).toLowerCase(Locale.ROOT));
            if (op == null) return unknownOperator(path, "unknown condition operator " + text);
            if (op == ConditionOperator.NULL && ifExists) return unknownOperator(path, "Null cannot take IfExists");
            if (op == ConditionOperator.NULL && qualifier != SetQualifier.NONE)
                return unknownOperator(path, "Null cannot take a ForAnyValue:/ForAllValues: prefix");
            return new Operator(op, qualifier, ifExists);
        }

        private Operator unknownOperator(String path, String message) {
            report(DiagnosticCode.UNKNOWN_OPERATOR, path, message,
                    "an operator such as StringEquals, optionally prefixed ForAnyValue:/ForAllValues: and suffixed IfExists (not on Null)");
            return null;
        }

        /**
         * Scalars become their canonical string (numbers in plain notation without trailing fraction zeros: 10, 2.5,
         * 1000 for 1e3); null, objects, nested arrays and empty lists are reported.
         */
        private List<Item> conditionValues(JsonNode node, String path) {
            if (!node.isArray()) {
                String v = scalar(node, path);
                return v == null ? null : List.of(new Item(v, path));
            }
            if (node.isEmpty()) {
                malformed(path, "the value list is empty", "at least one value");
                return null;
            }
            List<Item> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                String v = scalar(node.get(i), p);
                if (v != null) items.add(new Item(v, p));
            }
            return items.size() == node.size() ? items : null;
        }

        private String scalar(JsonNode v, String path) {
            if (v.isTextual()) return v.textValue();
            if (v.isBoolean()) return v.booleanValue() ? "true" : "false";
            if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
            if (v.isNumber() && (v.isBigDecimal() || Double.isFinite(v.doubleValue()))) {
                BigDecimal d = (v.isBigDecimal() ? v.decimalValue() : new BigDecimal(v.asText())).stripTrailingZeros();
                if (Math.abs(d.scale()) <= MAX_NUMBER_SCALE) return d.toPlainString();
                malformed(path, "the number " + v.asText() + " is out of range", "a number of at most " + MAX_NUMBER_SCALE + " digits");
                return null;
            }
            malformed(path, kind(v) + " is not a condition value", "a string, number or boolean");
            return null;
        }

        private void checkValue(ConditionOperator op, String opText, Item item) {
            String v = item.value();
            ConditionOperator.Family family = op.family();
            boolean variable = variables && Template.mentionsVariable(v);
            if (variable && (family == ConditionOperator.Family.STRING || family == ConditionOperator.Family.ARN
                    || family == ConditionOperator.Family.BOOL)) {
                try {
                    Template.parse(v, true);
                } catch (IllegalArgumentException e) {
                    report(DiagnosticCode.INVALID_CONDITION_VALUE, item.path(), e.getMessage(), "${key} or ${key, 'default'}");
                }
                return;
            }
            if (variable) {
                report(DiagnosticCode.INVALID_CONDITION_VALUE, item.path(), "policy variables are not allowed with " + opText,
                        expectedValue(family));
                return;
            }
            boolean valid = switch (family) {
                case STRING, ARN -> true;
                case BOOL, NULL -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
                case NUMERIC -> Decimals.isDecimal(v);
                case DATE -> Dates.parse(v) != null;
                case IP -> IpRange.parse(v) != null;
                case BINARY -> isBase64(v);
            };
            if (!valid)
                report(DiagnosticCode.INVALID_CONDITION_VALUE, item.path(), "\"" + v + "\" is not a valid value for " + opText,
                        expectedValue(family));
        }

        private static String expectedValue(ConditionOperator.Family family) {
            return switch (family) {
                case STRING, ARN -> "a string";
                case BOOL, NULL -> "true or false";
                case NUMERIC -> "a decimal number such as 10 or -2.5";
                case DATE -> "an ISO-8601 date such as 2026-01-01T00:00:00Z, or epoch seconds";
                case IP -> "an IPv4 or IPv6 address or CIDR block such as 203.0.113.0/24";
                case BINARY -> "base64-encoded bytes";
            };
        }

        private static boolean isBase64(String v) {
            try {
                Base64.getDecoder().decode(v);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String kind(JsonNode n) {
            if (n.isNull()) return "null";
            if (n.isObject()) return "an object";
            if (n.isArray()) return "an array";
            if (n.isNumber()) return "a number";
            if (n.isBoolean()) return "a boolean";
            if (n.isTextual()) return "a string";
            return n.getNodeType().toString().toLowerCase(Locale.ROOT);
        }
    }
}
