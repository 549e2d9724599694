package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed access to the members of one request body, checked against the constraints of the API model the way AWS's
 * front end checks them. A member of the wrong JSON type is a SerializationException at once. A value outside the
 * model's constraints (required, length, range, pattern, enum) is recorded; {@link #validate()} then reports every
 * recorded violation in one ValidationException worded like AWS's ("2 validation errors detected: Value 'x' at
 * 'keyId' failed to satisfy constraint: ...; Value ..."). Handlers read all their members, call {@link #validate()},
 * and only then check the rules of the service and resolve keys. JSON null counts as absent; members the model does
 * not know are ignored, as the JSON protocol does.
 */
final class Params {
    static final Pattern ALIAS_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    static final Pattern PRINCIPAL_ID = Pattern.compile("^[\\w+=,.@:/-]+$");
    static final Pattern GRANT_NAME = ALIAS_NAME;
    static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");
    static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]*");
    static final Pattern POLICY = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final int KEY_ID_MAX = 2048;

    private final JsonNode body;
    /** Model violations found so far; null until the first (the common case allocates nothing). */
    private List<String> violations;

    Params(JsonNode body) {
        this.body = body;
    }

    /** The body as sent, for authorization (which reads request parameters itself). */
    JsonNode body() {
        return body;
    }

    boolean has(String name) {
        JsonNode n = body.get(name);
        return n != null && !n.isNull();
    }

    // ---- violations ----

    /**
     * Records that the value at {@code path} breaks {@code constraint}. {@code shownValue} is the value as AWS
     * prints it, already quoted, or null for members AWS never echoes (blobs).
     */
    void violation(String shownValue, String path, String constraint) {
        if (violations == null) violations = new ArrayList<>(2);
        violations.add("Value " + (shownValue == null ? "" : shownValue + " ") + "at '" + path
                + "' failed to satisfy constraint: " + constraint);
    }

    /** ValidationException listing every recorded violation, if there is any. */
    void validate() {
        if (violations == null) return;
        int n = violations.size();
        throw new KmsException.Validation(n + (n == 1 ? " validation error" : " validation errors") + " detected: "
                + String.join("; ", violations));
    }

    /** Members are named in lowerCamelCase in validation messages. */
    static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    static String quoted(String value) {
        return "'" + value + "'";
    }

    private JsonNode node(String name, boolean required) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            if (required) violation("null", camel(name), "Member must not be null");
            return null;
        }
        return n;
    }

    private static KmsException.Serialization wrongType(String member, JsonNode n, String expected) {
        return new KmsException.Serialization("Member " + member + " must be " + expected + ", not "
                + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    static String text(JsonNode n, String member) {
        if (!n.isTextual()) throw wrongType(member, n, "a string");
        return n.textValue();
    }

    // ---- strings ----

    String string(String name, int min, int max, boolean required) {
        return string(name, min, max, null, required);
    }

    /** A string member; a violated pattern is reported before a violated length, as AWS does. */
    String string(String name, int min, int max, Pattern pattern, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        String s = text(n, name);
        checkString(s, camel(name), min, max, pattern);
        return s;
    }

    /** A key identifier member (key id, key ARN, alias name or alias ARN). */
    String keyId(String name, boolean required) {
        return string(name, 1, KEY_ID_MAX, required);
    }

    void checkString(String s, String path, int min, int max, Pattern pattern) {
        if (pattern != null && !pattern.matcher(s).matches())
            violation(quoted(s), path, "Member must satisfy regular expression pattern: " + pattern.pattern());
        String length = lengthViolation(s.codePointCount(0, s.length()), min, max);
        if (length != null) violation(quoted(s), path, length);
    }

    private static String lengthViolation(int length, int min, int max) {
        if (length < min) return "Member must have length greater than or equal to " + min;
        if (length > max) return "Member must have length less than or equal to " + max;
        return null;
    }

    /** A string that must be one of {@code allowed}. */
    String enumValue(String name, Collection<String> allowed, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        String s = text(n, name);
        if (!allowed.contains(s)) violation(quoted(s), camel(name), enumConstraint(allowed));
        return s;
    }

    static String enumConstraint(Collection<String> allowed) {
        return "Member must satisfy enum value set: " + allowed;
    }

    // ---- numbers and booleans ----

    Integer integer(String name, int min, int max, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw wrongType(name, n, "an integer");
        int v = n.intValue();
        if (v < min) violation(quoted(Integer.toString(v)), camel(name), "Member must have value greater than or equal to " + min);
        if (v > max) violation(quoted(Integer.toString(v)), camel(name), "Member must have value less than or equal to " + max);
        return v;
    }

    boolean bool(String name) {
        JsonNode n = node(name, false);
        if (n == null) return false;
        if (!n.isBoolean()) throw wrongType(name, n, "a boolean");
        return n.booleanValue();
    }

    // ---- blobs ----

    /** A base64 blob (the JSON protocol's encoding of binary members). AWS never echoes a blob in its messages. */
    byte[] blob(String name, int min, int max, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        byte[] b;
        try {
            b = Base64.getDecoder().decode(text(n, name));
        } catch (IllegalArgumentException e) {
            throw new KmsException.Serialization("Member " + name + " is not valid base64");
        }
        String length = lengthViolation(b.length, min, max);
        if (length != null) violation(null, camel(name), length);
        return b;
    }

    // ---- collections ----

    /** A JSON object of strings, in document order; null when absent. */
    Map<String, String> stringMap(String name) {
        JsonNode n = node(name, false);
        if (n == null) return null;
        return stringMap(n, name);
    }

    static Map<String, String> stringMap(JsonNode n, String member) {
        if (!n.isObject()) throw wrongType(member, n, "an object");
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), text(e.getValue(), member + "." + e.getKey()));
        }
        return out;
    }

    /** A JSON array with at most {@code max} items; null when absent. */
    List<JsonNode> list(String name, int max, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        if (n.getNodeType() != JsonNodeType.ARRAY) throw wrongType(name, n, "a list");
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        if (out.size() > max)
            violation(quoted(render(out)), camel(name), "Member must have length less than or equal to " + max);
        return out;
    }

    /**
     * A list of strings of {@code minLength..maxLength} characters each; null when absent. AWS reports a bad item
     * as a violation of the whole list, naming every constraint on its items.
     */
    List<String> stringList(String name, int maxItems, int minLength, int maxLength, boolean required) {
        List<JsonNode> items = list(name, maxItems, required);
        if (items == null) return null;
        List<String> out = strings(items, name);
        for (String s : out)
            if (lengthViolation(s.codePointCount(0, s.length()), minLength, maxLength) != null) {
                violation(quoted(render(items)), camel(name), "Member must satisfy constraint: [Member must have "
                        + "length less than or equal to " + maxLength + ", Member must have length greater than or "
                        + "equal to " + minLength + "]");
                break;
            }
        return out;
    }

    /** A list whose items must each be one of {@code allowed}; null when absent. */
    List<String> enumList(String name, Collection<String> allowed, boolean required) {
        List<JsonNode> items = list(name, Integer.MAX_VALUE, required);
        if (items == null) return null;
        List<String> out = strings(items, name);
        if (!allowed.containsAll(out))
            violation(quoted(render(items)), camel(name),
                    "Member must satisfy constraint: [" + enumConstraint(allowed) + "]");
        return out;
    }

    private static List<String> strings(List<JsonNode> items, String name) {
        List<String> out = new ArrayList<>(items.size());
        for (JsonNode item : items) out.add(text(item, name));
        return out;
    }

    /** A list as AWS prints it: {@code [a, b]}. */
    private static String render(List<JsonNode> items) {
        StringBuilder s = new StringBuilder("[");
        for (JsonNode item : items) {
            if (s.length() > 1) s.append(", ");
            s.append(item.isTextual() ? item.textValue() : item.toString());
        }
        return s.append(']').toString();
    }
}
