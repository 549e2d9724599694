package io.trent.authz;

public enum Outcome {
    ALLOW("Allow"), EXPLICIT_DENY("ExplicitDeny"), IMPLICIT_DENY("ImplicitDeny");

    private final String caseName;

    Outcome(String caseName) { this.caseName = caseName; }

    /** The spelling used by conformance cases and `trent simulate --json`. */
    public String caseName() { return caseName; }
}
