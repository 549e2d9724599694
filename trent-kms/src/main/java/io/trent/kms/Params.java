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
 * Typed, validated access to the members of one request body, with the errors AWS gives: a member of the wrong
 * JSON type is a SerializationException; a value outside the API model's constraints is a ValidationException
 * worded like AWS's ("1 validation error detected: Value 'x' at 'keyId' failed to satisfy constraint: ...").
 * JSON null counts as absent.
 */
final class Params {
    static final Pattern ALIAS_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    static final Pattern PRINCIPAL_ID = Pattern.compile("^[\\w+=,.@:/-]+$");
    static final Pattern GRANT_NAME = ALIAS_NAME;
    static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");
    static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]*");
    static final Pattern POLICY = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");

    private final JsonNode body;

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

    private JsonNode node(String name, boolean required) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            if (required) throw invalid("null", name, "Member must not be null");
            return null;
        }
        return n;
    }

    static KmsException.Validation invalid(String shownValue, String member, String constraint) {
        return new KmsException.Validation("1 validation error detected: Value " + shownValue + " at '"
                + camel(member) + "' failed to satisfy constraint: " + constraint);
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }

    /** AWS names members in lowerCamelCase in validation messages. */
    static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
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
        JsonNode n = node(name, required);
        if (n == null) return null;
        return checkLength(text(n, name), name, min, max);
    }

    static String checkLength(String s, String member, int min, int max) {
        int len = s.codePointCount(0, s.length());
        if (len < min)
            throw invalid(quoted(s), member, "Member must have length greater than or equal to " + min);
        if (len > max)
            throw invalid(quoted(s), member, "Member must have length less than or equal to " + max);
        return s;
    }

    String string(String name, int min, int max, Pattern pattern, boolean required) {
        String s = string(name, min, max, required);
        if (s != null) checkPattern(s, name, pattern);
        return s;
    }

    static void checkPattern(String s, String member, Pattern pattern) {
        if (!pattern.matcher(s).matches())
            throw invalid(quoted(s), member, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }

    /** A string that must be one of {@code allowed}. */
    String enumValue(String name, Collection<String> allowed, boolean required) {
        String s = string(name, 0, Integer.MAX_VALUE, required);
        if (s != null && !allowed.contains(s))
            throw invalid(quoted(s), name, "Member must satisfy enum value set: " + allowed);
        return s;
    }

    // ---- numbers and booleans ----

    Integer integer(String name, int min, int max, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw wrongType(name, n, "an integer");
        int v = n.intValue();
        if (v < min) throw invalid(quoted(Integer.toString(v)), name, "Member must have value greater than or equal to " + min);
        if (v > max) throw invalid(quoted(Integer.toString(v)), name, "Member must have value less than or equal to " + max);
        return v;
    }

    boolean bool(String name) {
        JsonNode n = node(name, false);
        if (n == null) return false;
        if (!n.isBoolean()) throw wrongType(name, n, "a boolean");
        return n.booleanValue();
    }

    // ---- blobs ----

    /** A base64 blob (the JSON protocol's encoding of binary members). The value is never echoed in errors. */
    byte[] blob(String name, int min, int max, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        byte[] b;
        try {
            b = Base64.getDecoder().decode(text(n, name));
        } catch (IllegalArgumentException e) {
            throw new KmsException.Serialization("Member " + name + " is not valid base64");
        }
        if (b.length < min) throw invalid("(blob)", name, "Member must have length greater than or equal to " + min);
        if (b.length > max) throw invalid("(blob)", name, "Member must have length less than or equal to " + max);
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

    /** A JSON array; null when absent. */
    List<JsonNode> list(String name, int min, int max, boolean required) {
        JsonNode n = node(name, required);
        if (n == null) return null;
        if (n.getNodeType() != JsonNodeType.ARRAY) throw wrongType(name, n, "a list");
        if (n.size() < min) throw invalid("'" + n + "'", name, "Member must have length greater than or equal to " + min);
        if (n.size() > max) throw invalid("'" + n + "'", name, "Member must have length less than or equal to " + max);
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }

    /** A list of strings, each within the given length; null when absent. */
    List<String> stringList(String name, int maxItems, int minLength, int maxLength, boolean required) {
        List<JsonNode> items = list(name, 0, maxItems, required);
        if (items == null) return null;
        List<String> out = new ArrayList<>(items.size());
        for (JsonNode item : items) out.add(checkLength(text(item, name), name, minLength, maxLength));
        return out;
    }
}
