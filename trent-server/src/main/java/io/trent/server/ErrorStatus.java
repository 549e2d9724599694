package io.trent.server;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.Map;

/**
 * The HTTP status of every error code the server sends — the one place that decides it. AWS KMS answers client
 * errors (access denied, not found, validation, key state, authentication, framing) with 400; the exceptions are
 * listed here.
 */
public final class ErrorStatus {
    private static final Map<String, HttpResponseStatus> NOT_400 = Map.of(
            "KMSInternalException", HttpResponseStatus.INTERNAL_SERVER_ERROR,
            "InternalFailure", HttpResponseStatus.INTERNAL_SERVER_ERROR,
            "DependencyTimeoutException", HttpResponseStatus.SERVICE_UNAVAILABLE,
            "ServiceUnavailableException", HttpResponseStatus.SERVICE_UNAVAILABLE,
            "RequestEntityTooLargeException", HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);

    private ErrorStatus() {}

    public static HttpResponseStatus of(String errorCode) {
        return NOT_400.getOrDefault(errorCode, HttpResponseStatus.BAD_REQUEST);
    }
}
