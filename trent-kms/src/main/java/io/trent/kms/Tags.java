package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tag validation (CreateKey, TagResource, UntagResource) and rendering. */
final class Tags {
    /** Letters, digits, white space and _ . : / = + - @ (the AWS tagging character set). */
    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private Tags() {}

    /** The Tags member (a list of {TagKey, TagValue}) as a map in request order; empty when absent. */
    static Map<String, String> read(Params params, boolean required) {
        List<JsonNode> list = params.list("Tags", 0, Integer.MAX_VALUE, required);
        Map<String, String> tags = new LinkedHashMap<>();
        if (list == null) return tags;
        for (JsonNode t : list) {
            if (!t.isObject()) throw new KmsException.Serialization("Member Tags must be a list of Tag structures");
            JsonNode k = t.get("TagKey"), v = t.get("TagValue");
            if (k == null || k.isNull()) throw Params.invalid("null", "Tags.member.tagKey", "Member must not be null");
            if (v == null || v.isNull()) throw Params.invalid("null", "Tags.member.tagValue", "Member must not be null");
            String key = Params.checkLength(Params.text(k, "TagKey"), "Tags.member.tagKey", 1, 128);
            String value = Params.checkLength(Params.text(v, "TagValue"), "Tags.member.tagValue", 0, 256);
            checkKey(key);
            if (!CHARACTERS.matcher(value).matches())
                throw new KmsException.Tag("Tag value '" + value + "' contains characters that are not allowed");
            if (tags.put(key, value) != null) throw new KmsException.Tag("Duplicate tag keys: " + key);
        }
        return tags;
    }

    static void checkKey(String key) {
        if (key.regionMatches(true, 0, "aws:", 0, 4))
            throw new KmsException.Tag("Tag keys beginning with aws: are reserved: " + key);
        if (!CHARACTERS.matcher(key).matches())
            throw new KmsException.Tag("Tag key '" + key + "' contains characters that are not allowed");
    }

    /** LimitExceededException when the key would have more than 50 tags. */
    static void checkCount(Map<String, String> existing, Map<String, String> added) {
        int total = existing.size();
        for (String k : added.keySet()) if (!existing.containsKey(k)) total++;
        if (total > Kms.MAX_TAGS_PER_KEY)
            throw new KmsException.LimitExceeded("A KMS key can have at most " + Kms.MAX_TAGS_PER_KEY
                    + " tags; this request would give it " + total);
    }

    static ArrayNode render(Map<String, String> tags) {
        ArrayNode a = Json.array();
        tags.forEach((k, v) -> a.addObject().put("TagKey", k).put("TagValue", v));
        return a;
    }
}
