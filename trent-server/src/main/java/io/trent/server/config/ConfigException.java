package io.trent.server.config;

/** A configuration problem, naming the file, line and field so that the operator can fix it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
