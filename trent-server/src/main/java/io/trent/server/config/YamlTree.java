package io.trent.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a Jackson tree, remembering the line of every element so that configuration errors
 * can name it. Paths look like {@code accounts[0].users[1].name}; the root is the empty path.
 */
final class YamlTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlTree(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Reads one document; syntax errors become a {@link ConfigException} naming {@code fileName} and the line. */
    static YamlTree read(Reader reader, String fileName) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YAML.createParser(reader)) {
            JsonToken first = p.nextToken();
            JsonNode root = first == null ? NODES.objectNode() : read(p, "", lines);
            if (p.nextToken() != null)
                throw new ConfigException(fileName + " line " + p.currentTokenLocation().getLineNr()
                        + ": only one YAML document is allowed");
            return new YamlTree(root, lines);
        } catch (JsonProcessingException e) {
            throw new ConfigException(fileName + " line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(fileName + ": cannot read: " + e.getMessage());
        }
    }

    private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    o.set(name, read(p, child, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) a.add(read(p, path + "[" + i + "]", lines));
                return a;
            }
            case VALUE_STRING -> { return NODES.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> { return NODES.numberNode(p.getBigIntegerValue()); }
            case VALUE_NUMBER_FLOAT -> { return NODES.numberNode(p.getDecimalValue()); }
            case VALUE_TRUE -> { return NODES.booleanNode(true); }
            case VALUE_FALSE -> { return NODES.booleanNode(false); }
            case VALUE_NULL -> { return NODES.nullNode(); }
            default -> throw new ConfigException("line " + p.currentTokenLocation().getLineNr()
                    + ": unsupported YAML element " + p.currentToken());
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line of the element at {@code path}, or of its closest ancestor that has one. */
    int line(String path) {
        for (String p = path; ; p = parent(p)) {
            Integer l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 1;
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
