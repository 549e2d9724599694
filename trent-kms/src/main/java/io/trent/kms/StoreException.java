package io.trent.kms;

/**
 * A failure of the storage layer (I/O, corruption, a broken invariant such as updating a missing row). The service
 * turns it into KMSInternalException; the message is for the server log.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
