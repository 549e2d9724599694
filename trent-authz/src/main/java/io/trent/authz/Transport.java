package io.trent.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Facts about how a request arrived, beyond its body.
 *
 * @param region          the region of the request (SigV4 credential scope) = aws:RequestedRegion
 * @param viaService      the integrated service that made a forward-access call for the caller, or null
 * @param sourceArn       aws:SourceArn sent by a service principal, or null
 * @param sourceAccount   aws:SourceAccount sent by a service principal, or null
 * @param sourceIp        aws:SourceIp, or null when unknown
 * @param secureTransport aws:SecureTransport
 * @param time            aws:CurrentTime / aws:EpochTime
 * @param extraContext    further global keys verbatim (List values are multi-valued)
 */
public record Transport(String region, String viaService, String sourceArn, String sourceAccount, String sourceIp,
                        boolean secureTransport, Instant time, Map<String, Object> extraContext) {
    public Transport {
        extraContext = extraContext == null ? Map.of() : Map.copyOf(extraContext);
    }

    public static Transport direct(String region, Instant time) {
        return new Transport(region, null, null, null, null, true, time, Map.of());
    }
}
