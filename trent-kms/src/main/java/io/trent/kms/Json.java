package io.trent.kms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/** Building response bodies in the JSON 1.1 protocol's conventions. */
final class Json {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {}

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode array() {
        return F.arrayNode();
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode o = F.objectNode();
        map.forEach(o::put);
        return o;
    }

    /** Timestamps are epoch seconds as a JSON number with a fraction (millisecond precision). */
    static DecimalNode timestamp(Instant t) {
        return DecimalNode.valueOf(BigDecimal.valueOf(t.toEpochMilli(), 3));
    }

    /** Blobs are base64 strings. */
    static String blob(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
