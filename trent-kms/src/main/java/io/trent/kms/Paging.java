package io.trent.kms;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Limit/Marker of the List operations. A marker is an opaque base64url string holding the sort key of the last
 * item returned (one or more parts); anything else is an InvalidMarkerException.
 *
 * <p>The model lets Limit be 1 to 1000 for every listing, but each operation documents its own maximum and default
 * (ListKeys and ListKeyPolicies 1000 and 100, ListAliases and the grant listings 100 and 50, ListResourceTags 50
 * and 50); a larger Limit is accepted and the page is capped, which the API allows ("it might return fewer").
 */
record Paging(int limit, String[] after) {
    private static final int MODEL_MAX_LIMIT = 1000;
    private static final char SEPARATOR = '\u0000';
    /** First part of every marker, so that strings this server did not issue are recognized. */
    private static final String MAGIC = "trent-marker-1";

    /** Limit and Marker as sent, before the marker is decoded. */
    record Request(int limit, String marker, int parts) {
        /** Decodes the marker: InvalidMarkerException when this server did not issue it. */
        Paging open() {
            if (marker == null) return new Paging(limit, null);
            String decoded;
            try {
                decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
            String[] all = decoded.split(String.valueOf(SEPARATOR), -1);
            if (all.length != parts + 1 || !all[0].equals(MAGIC)) throw invalid();
            return new Paging(limit, Arrays.copyOfRange(all, 1, all.length));
        }
    }

    /**
     * Reads Limit and Marker, recording model violations in {@code params}; {@code parts} is how many parts this
     * listing's markers have. Open the result once the request has been validated.
     */
    static Request read(Params params, int parts, int defaultLimit, int maxLimit) {
        Integer limit = params.integer("Limit", 1, MODEL_MAX_LIMIT, false);
        String marker = params.string("Marker", 1, 1024, Params.MARKER, false);
        return new Request(limit == null ? defaultLimit : Math.min(limit, maxLimit), marker, parts);
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

    static KmsException.InvalidMarker invalid() {
        return new KmsException.InvalidMarker("The marker is not one this server returned");
    }
}
