package io.trent.kms;

/** The states a key of this server can be in (AWS spelling via {@link #awsName()}). */
public enum KeyState {
    ENABLED("Enabled"), DISABLED("Disabled"), PENDING_DELETION("PendingDeletion"), PENDING_IMPORT("PendingImport");

    private final String awsName;

    KeyState(String awsName) { this.awsName = awsName; }

    public String awsName() { return awsName; }

    public static KeyState ofAwsName(String name) {
        for (KeyState s : values()) if (s.awsName.equals(name)) return s;
        throw new IllegalArgumentException("unknown key state " + name);
    }
}
