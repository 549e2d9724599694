package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tag validation (CreateKey, TagResource, UntagResource) and rendering. */
final class Tags {
    /** Letters, digits, white space and _ . : / = + - @ (the AWS tagging character set). */
    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private Tags() {}

    /** One item of a Tags member, as sent. */
    record Tag(String key, String value) {}

    /**
     * The Tags member (a list of {TagKey, TagValue}) in request order; empty when absent. Model violations go to
     * {@code params}, named like AWS names them ({@code tags.1.member.tagKey}).
     */
    static List<Tag> read(Params params, boolean required) {
        List<JsonNode> list = params.list("Tags", Integer.MAX_VALUE, required);
        if (list == null) return List.of();
        List<Tag> tags = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            if (!t.isObject()) throw new KmsException.Serialization("Member Tags must be a list of Tag structures");
            String path = "tags." + (i + 1) + ".member.";
            tags.add(new Tag(member(params, t, "TagKey", path + "tagKey", 1, 128),
                    member(params, t, "TagValue", path + "tagValue", 0, 256)));
        }
        return tags;
    }

    private static String member(Params params, JsonNode tag, String name, String path, int min, int max) {
        JsonNode n = tag.get(name);
        if (n == null || n.isNull()) {
            params.violation("null", path, "Member must not be null");
            return null;
        }
        String s = Params.text(n, name);
        params.checkString(s, path, min, max, null);
        return s;
    }

    /**
     * The rules of the service for the tags of a validated request (TagException): no repeated key, at most 50
     * tags, no reserved {@code aws:} prefix, only the tagging character set. The tags as a map in request order.
     */
    static Map<String, String> check(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag t : tags)
            if (map.put(t.key(), t.value()) != null) throw new KmsException.Tag("Duplicate tag keys");
        if (map.size() > Kms.MAX_TAGS_PER_KEY) throw new KmsException.Tag("Too many tags");
        for (Tag t : tags) {
            checkKey(t.key());
            if (!CHARACTERS.matcher(t.value()).matches())
                throw new KmsException.Tag("Tag value '" + t.value() + "' contains characters that are not allowed");
        }
        return map;
    }

    static void checkKey(String key) {
        if (key.regionMatches(true, 0, "aws:", 0, 4))
            throw new KmsException.Tag("Tags beginning with aws: are reserved");
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
