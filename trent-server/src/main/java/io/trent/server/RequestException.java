package io.trent.server;

/**
 * A request the server rejects before it reaches the KMS operations: authentication, framing and protocol errors,
 * with the AWS error code a client expects. Messages never contain secrets. Carries no stack trace (these are
 * expected outcomes, possibly frequent).
 */
public final class RequestException extends RuntimeException {
    private final String errorCode;

    private RequestException(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public static RequestException missingAuthenticationToken() {
        return new RequestException("MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    public static RequestException unrecognizedClient() {
        return new RequestException("UnrecognizedClientException",
                "The security token included in the request is invalid.");
    }

    public static RequestException signatureMismatch() {
        return invalidSignature("The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    public static RequestException invalidSignature(String message) {
        return new RequestException("InvalidSignatureException", message);
    }

    public static RequestException incompleteSignature(String message) {
        return new RequestException("IncompleteSignatureException", message);
    }

    public static RequestException accessDenied(String message) {
        return new RequestException("AccessDeniedException", message);
    }

    public static RequestException validation(String message) {
        return new RequestException("ValidationException", message);
    }

    public static RequestException unknownOperation(String message) {
        return new RequestException("UnknownOperationException", message);
    }

    public static RequestException serialization(String message) {
        return new RequestException("SerializationException", message);
    }

    public static RequestException tooLarge(int maxBytes) {
        return new RequestException("RequestEntityTooLargeException",
                "Request body is larger than " + maxBytes + " bytes");
    }

    @Override
    public String toString() {
        return errorCode + ": " + getMessage();
    }
}
