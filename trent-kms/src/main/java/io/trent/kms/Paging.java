package io.trent.kms;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Limit/Marker of the List operations. A marker is an opaque base64url string holding the sort key of the last
 * item returned (one or more parts); anything else is an InvalidMarkerException.
 */
record Paging(int limit, String[] after) {
    static final int DEFAULT_LIMIT = 100;
    private static final char SEPARATOR = '\u0000';
    /** First part of every marker, so that strings this server did not issue are recognized. */
    private static final String MAGIC = "trent-marker-1";

    /** Reads Limit (1..1000, default 100) and Marker; {@code parts} is how many parts this listing's markers have. */
    static Paging read(Params params, int parts) {
        Integer limit = params.integer("Limit", 1, 1000, false);
        String marker = params.string("Marker", 1, 1024, Params.MARKER, false);
        String[] after = null;
        if (marker != null) {
            String decoded;
            try {
                decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
            String[] all = decoded.split(String.valueOf(SEPARATOR), -1);
            if (all.length != parts + 1 || !all[0].equals(MAGIC)) throw invalid();
            after = java.util.Arrays.copyOfRange(all, 1, all.length);
        }
        return new Paging(limit == null ? DEFAULT_LIMIT : limit, after);
    }

    /** Part {@code i} of the marker, or null on the first page. */
    String after(int i) {
        return after == null ? null : after[i];
    }

    /** Writes Truncated, and NextMarker pointing after {@code lastSortKey} when truncated. */
    static void finish(ObjectNode response, boolean truncated, String... lastSortKey) {
        response.put("Truncated", truncated);
        if (truncated)
            response.put("NextMarker", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (MAGIC + SEPARATOR + String.join(String.valueOf(SEPARATOR), lastSortKey))
                            .getBytes(StandardCharsets.UTF_8)));
    }

    private static KmsException.InvalidMarker invalid() {
        return new KmsException.InvalidMarker("The marker is not one this server returned");
    }
}
