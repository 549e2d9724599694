package io.trent.authz;

/** A conformance case that cannot be simulated: unreadable, malformed, or with a policy that does not parse. */
public final class SimulationException extends Exception {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }
}
