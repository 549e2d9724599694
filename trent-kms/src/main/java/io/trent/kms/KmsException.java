package io.trent.kms;

/**
 * The errors of the KMS API, one subclass per AWS error code. {@link #errorCode()} is the {@code __type} AWS sends;
 * {@link #getMessage()} is the client-facing message and never contains key material.
 *
 * <p>Client errors carry no stack trace (they are expected outcomes, created on hot paths); only
 * {@link Internal} keeps one, with its cause, for the server log.
 */
public abstract sealed class KmsException extends RuntimeException {
    private KmsException(String message) {
        super(message, null, false, false);
    }

    private KmsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The AWS error code, e.g. {@code NotFoundException}. */
    public abstract String errorCode();

    @Override
    public String toString() {
        return errorCode() + ": " + getMessage();
    }

    public static final class AccessDenied extends KmsException {
        public AccessDenied(String message) { super(message); }
        public String errorCode() { return "AccessDeniedException"; }
    }

    public static final class AlreadyExists extends KmsException {
        public AlreadyExists(String message) { super(message); }
        public String errorCode() { return "AlreadyExistsException"; }
    }

    public static final class Disabled extends KmsException {
        public Disabled(String message) { super(message); }
        public String errorCode() { return "DisabledException"; }
    }

    public static final class DryRunOperation extends KmsException {
        public DryRunOperation(String message) { super(message); }
        public String errorCode() { return "DryRunOperationException"; }
    }

    public static final class IncorrectKey extends KmsException {
        public IncorrectKey(String message) { super(message); }
        public String errorCode() { return "IncorrectKeyException"; }
    }

    public static final class InvalidAliasName extends KmsException {
        public InvalidAliasName(String message) { super(message); }
        public String errorCode() { return "InvalidAliasNameException"; }
    }

    public static final class InvalidArn extends KmsException {
        public InvalidArn(String message) { super(message); }
        public String errorCode() { return "InvalidArnException"; }
    }

    public static final class InvalidCiphertext extends KmsException {
        public InvalidCiphertext(String message) { super(message); }
        public String errorCode() { return "InvalidCiphertextException"; }
    }

    public static final class InvalidGrantId extends KmsException {
        public InvalidGrantId(String message) { super(message); }
        public String errorCode() { return "InvalidGrantIdException"; }
    }

    public static final class InvalidGrantToken extends KmsException {
        public InvalidGrantToken(String message) { super(message); }
        public String errorCode() { return "InvalidGrantTokenException"; }
    }

    public static final class InvalidKeyUsage extends KmsException {
        public InvalidKeyUsage(String message) { super(message); }
        public String errorCode() { return "InvalidKeyUsageException"; }
    }

    /** A MAC that does not verify (VerifyMac). */
    public static final class InvalidMac extends KmsException {
        public InvalidMac(String message) { super(message); }
        public String errorCode() { return "KMSInvalidMacException"; }
    }

    /** A signature that does not verify (Verify). */
    public static final class InvalidSignature extends KmsException {
        public InvalidSignature(String message) { super(message); }
        public String errorCode() { return "KMSInvalidSignatureException"; }
    }

    public static final class InvalidMarker extends KmsException {
        public InvalidMarker(String message) { super(message); }
        public String errorCode() { return "InvalidMarkerException"; }
    }

    public static final class InvalidState extends KmsException {
        public InvalidState(String message) { super(message); }
        public String errorCode() { return "KMSInvalidStateException"; }
    }

    public static final class LimitExceeded extends KmsException {
        public LimitExceeded(String message) { super(message); }
        public String errorCode() { return "LimitExceededException"; }
    }

    public static final class MalformedPolicyDocument extends KmsException {
        public MalformedPolicyDocument(String message) { super(message); }
        public String errorCode() { return "MalformedPolicyDocumentException"; }
    }

    public static final class NotFound extends KmsException {
        public NotFound(String message) { super(message); }
        public String errorCode() { return "NotFoundException"; }
    }

    /** A request member of the wrong JSON type (AWS answers these before any validation). */
    public static final class Serialization extends KmsException {
        public Serialization(String message) { super(message); }
        public String errorCode() { return "SerializationException"; }
    }

    public static final class CustomKeyStoreNotFound extends KmsException {
        public CustomKeyStoreNotFound(String message) { super(message); }
        public String errorCode() { return "CustomKeyStoreNotFoundException"; }
    }

    public static final class Tag extends KmsException {
        public Tag(String message) { super(message); }
        public String errorCode() { return "TagException"; }
    }

    public static final class UnsupportedOperation extends KmsException {
        public UnsupportedOperation(String message) { super(message); }
        public String errorCode() { return "UnsupportedOperationException"; }
    }

    public static final class Validation extends KmsException {
        public Validation(String message) { super(message); }
        public String errorCode() { return "ValidationException"; }
    }

    /** A failure of the server itself (storage, a bug). The message is generic; the cause is for the log only. */
    public static final class Internal extends KmsException {
        public Internal(String message, Throwable cause) { super(message, cause); }
        public String errorCode() { return "KMSInternalException"; }
    }
}
