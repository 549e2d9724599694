package io.trent.analyzer.symbolic;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The analyzer and the engine disagree about a witness: a bug in one of them. Never turned into a finding; the
 * command fails loudly with the case attached.
 */
public final class DisagreementException extends RuntimeException {
    private final transient ObjectNode witness;

    public DisagreementException(String message, ObjectNode witness) {
        super(message);
        this.witness = witness;
    }

    public ObjectNode witness() {
        return witness;
    }
}
