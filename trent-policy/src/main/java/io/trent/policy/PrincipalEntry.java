package io.trent.policy;

/** One entry of a Principal or NotPrincipal element, classified at parse time. */
public sealed interface PrincipalEntry {
    /** The entry exactly as written. */
    String raw();

    /** "*" or {"AWS": "*"}: every caller, service principals included. */
    record Everyone(String raw) implements PrincipalEntry {}

    /** An account id or arn:PARTITION:iam::ACCOUNT:root. Delegates to the account's IAM policies. */
    record Account(String raw, String partition, String accountId) implements PrincipalEntry {}

    /** arn:PARTITION:iam::ACCOUNT:user/PATH/NAME; {@code pathAndName} is everything after "user/". */
    record User(String raw, String partition, String accountId, String pathAndName) implements PrincipalEntry {}

    /** arn:PARTITION:iam::ACCOUNT:role/PATH/NAME; matches every session of the role (path ignored). */
    record Role(String raw, String partition, String accountId, String roleName) implements PrincipalEntry {}

    /** arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION: exactly that session. */
    record AssumedRole(String raw, String partition, String accountId, String roleName, String sessionName) implements PrincipalEntry {}

    /** arn:PARTITION:sts::ACCOUNT:federated-user/NAME. */
    record FederatedUser(String raw, String partition, String accountId, String name) implements PrincipalEntry {}

    /** {"Service": "name.amazonaws.com"}. */
    record Service(String raw) implements PrincipalEntry {}

    /** Accepted but never matches a KMS caller: Federated and CanonicalUser entries. */
    record Inert(String type, String raw) implements PrincipalEntry {}
}
