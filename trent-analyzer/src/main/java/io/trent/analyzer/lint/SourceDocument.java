package io.trent.analyzer.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read for linting: a Jackson tree (a repeated member keeps its last value, as in Jackson), the
 * members that were repeated verbatim, the source position of every path, and the syntax error if the text is not
 * JSON. On a syntax error the tree keeps everything read before it except the statement being read, so that
 * checks can still run on the complete statements.
 */
public final class SourceDocument {
    /** A 1-based position in the source text. */
    public record Location(int line, int column) {}

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String STATEMENT_PATH = JsonPaths.member(JsonPaths.ROOT, "Statement");

    private final JsonNode root;
    private final Map<String, Location> locations;
    private final List<String> duplicateMembers;
    private final String syntaxError;
    private final Location syntaxErrorLocation;

    private SourceDocument(JsonNode root, Map<String, Location> locations, List<String> duplicateMembers,
                           String syntaxError, Location syntaxErrorLocation) {
        this.root = root;
        this.locations = Map.copyOf(locations);
        this.duplicateMembers = List.copyOf(duplicateMembers);
        this.syntaxError = syntaxError;
        this.syntaxErrorLocation = syntaxErrorLocation;
    }

    /** Reads {@code text}; never throws. */
    public static SourceDocument parse(String text) {
        return new Reader().read(text);
    }

    /** The tree, or null when not even the start of a JSON value could be read. */
    public JsonNode root() { return root; }

    /** Paths of members whose name already occurred verbatim in the same object. */
    public List<String> duplicateMembers() { return duplicateMembers; }

    /** The JSON syntax error, or null when the text is one well-formed JSON value. */
    public String syntaxError() { return syntaxError; }

    public Location syntaxErrorLocation() { return syntaxErrorLocation; }

    /**
     * Where {@code path} starts in the source: a member at its name, an array element at its value. A path that
     * does not exist (a missing element) resolves to its nearest existing ancestor; line 1, column 1 as a last resort.
     */
    public Location locate(String path) {
        String p = path;
        while (true) {
            Location l = locations.get(p);
            if (l != null) return l;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) return new Location(1, 1);
            p = p.substring(0, cut);
        }
    }

    private static Location location(JsonLocation l) {
        return new Location(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** Streams tokens into a tree, recording the location of every path on the way. */
    private static final class Reader {
        private final Map<String, Location> locations = new HashMap<>();
        private final List<String> duplicates = new ArrayList<>();
        private final Deque<Frame> open = new ArrayDeque<>();
        private JsonNode root;

        private static final class Frame {
            final ContainerNode<?> node;
            final String path;
            String pendingName;

            Frame(ContainerNode<?> node, String path) {
                this.node = node;
                this.path = path;
            }
        }

        SourceDocument read(String text) {
            try (JsonParser p = FACTORY.createParser(text)) {
                JsonToken t = p.nextToken();
                if (t == null) return done("the document is empty", new Location(1, 1));
                do {
                    step(p, t);
                } while (!open.isEmpty() && (t = p.nextToken()) != null);
                if (!open.isEmpty()) return done("unexpected end of the document", location(p.currentLocation()));
                if (p.nextToken() != null) {
                    return done("unexpected content after the JSON value", location(p.currentTokenLocation()));
                }
                return done(null, null);
            } catch (JsonProcessingException e) {
                return done(e.getOriginalMessage(), e.getLocation() == null ? new Location(1, 1) : location(e.getLocation()));
            } catch (IOException e) {
                return done(e.getMessage(), new Location(1, 1));
            }
        }

        private void step(JsonParser p, JsonToken t) throws IOException {
            Location at = location(p.currentTokenLocation());
            switch (t) {
                case FIELD_NAME -> {
                    Frame f = open.peek();
                    f.pendingName = p.currentName();
                    String path = JsonPaths.member(f.path, f.pendingName);
                    if (((ObjectNode) f.node).has(f.pendingName)) duplicates.add(path);
                    locations.put(path, at);
                }
                case START_OBJECT -> push(NODES.objectNode(), at);
                case START_ARRAY -> push(NODES.arrayNode(), at);
                case END_OBJECT, END_ARRAY -> open.pop();
                case VALUE_STRING -> attach(NODES.textNode(p.getText()), at);
                case VALUE_NUMBER_INT -> attach(switch (p.getNumberType()) {
                    case INT, LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                }, at);
                case VALUE_NUMBER_FLOAT -> attach(NODES.numberNode(p.getDecimalValue()), at);
                case VALUE_TRUE -> attach(NODES.booleanNode(true), at);
                case VALUE_FALSE -> attach(NODES.booleanNode(false), at);
                case VALUE_NULL -> attach(NODES.nullNode(), at);
                default -> throw new IllegalStateException("unexpected token " + t);
            }
        }

        private void push(ContainerNode<?> node, Location at) {
            String path = attach(node, at);
            open.push(new Frame(node, path));
        }

        /** Adds {@code node} to the innermost open container and returns its path. */
        private String attach(JsonNode node, Location at) {
            Frame f = open.peek();
            if (f == null) {
                root = node;
                locations.put(JsonPaths.ROOT, at);
                return JsonPaths.ROOT;
            }
            if (f.node instanceof ObjectNode o) {
                o.set(f.pendingName, node);
                return JsonPaths.member(f.path, f.pendingName);
            }
            ArrayNode a = (ArrayNode) f.node;
            String path = JsonPaths.element(f.path, a.size());
            a.add(node);
            locations.put(path, at);
            return path;
        }

        private SourceDocument done(String error, Location errorAt) {
            if (error != null) dropOpenStatement();
            return new SourceDocument(root, locations, duplicates, error, errorAt);
        }

        /** After a syntax error, forget the statement that was being read: it is incomplete. */
        private void dropOpenStatement() {
            List<Frame> frames = new ArrayList<>();
            for (Iterator<Frame> it = open.descendingIterator(); it.hasNext(); ) frames.add(it.next());
            if (frames.size() < 2 || !frames.get(1).path.equals(STATEMENT_PATH)) return;
            if (frames.get(1).node instanceof ArrayNode statements) {
                if (frames.size() > 2) statements.remove(statements.size() - 1);
            } else {
                ((ObjectNode) frames.get(0).node).remove("Statement");
            }
        }
    }
}
