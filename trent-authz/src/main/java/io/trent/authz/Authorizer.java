package io.trent.authz;

/**
 * The one entry point that decides KMS requests, used by the server, the simulator and the analyzer.
 * Never throws for any request; anything it cannot decide denies.
 */
public final class Authorizer {
    private final Identities identities;

    public Authorizer(Identities identities) {
        this.identities = identities;
    }

    public Decision authorize(KmsRequest request) {
        throw new UnsupportedOperationException("TODO");
    }
}
