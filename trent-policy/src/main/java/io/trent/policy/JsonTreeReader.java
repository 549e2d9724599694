package io.trent.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON document into a Jackson tree while reporting every repeated member name (Jackson's own duplicate
 * detection stops at the first). The first occurrence of a repeated member is kept.
 */
final class JsonTreeReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** A member name seen twice in one object, with the JSON path of the repetition. */
    record Duplicate(String path, String name) {}

    /** Either {@code root} or {@code error} (not JSON) is set. */
    record Result(JsonNode root, List<Duplicate> duplicates, String error) {}

    private final List<Duplicate> duplicates = new ArrayList<>();

    private JsonTreeReader() {}

    static Result read(String text) {
        JsonTreeReader reader = new JsonTreeReader();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new Result(null, List.of(), "the document is empty");
            JsonNode root = reader.value(p, first, "$");
            if (p.nextToken() != null) return new Result(null, List.of(), "unexpected content after the JSON value" + at(p.currentLocation()));
            return new Result(root, reader.duplicates, null);
        } catch (JacksonException e) {
            return new Result(null, List.of(), e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            return new Result(null, List.of(), "unreadable document");
        }
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private JsonNode value(JsonParser p, JsonToken t, String path) throws IOException {
        return switch (t) {
            case START_OBJECT -> object(p, path);
            case START_ARRAY -> array(p, path);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected token " + t);
        };
    }

    private ObjectNode object(JsonParser p, String path) throws IOException {
        ObjectNode node = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            String memberPath = PolicyParser.member(path, name);
            JsonToken v = p.nextToken();
            if (node.has(name)) {
                duplicates.add(new Duplicate(memberPath, name));
                p.skipChildren();
            } else {
                node.set(name, value(p, v, memberPath));
            }
        }
        return node;
    }

    private ArrayNode array(JsonParser p, String path) throws IOException {
        ArrayNode node = NODES.arrayNode();
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) node.add(value(p, t, path + "[" + i++ + "]"));
        return node;
    }
}
