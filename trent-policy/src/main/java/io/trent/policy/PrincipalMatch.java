package io.trent.policy;

/** How a statement's Principal element matched the caller (section 2.2 of the reference). */
public enum PrincipalMatch {
    /** Not matched. */
    NONE,
    /** "*" / {"AWS":"*"}, or a NotPrincipal that does not except the caller. */
    EVERYONE,
    /** The caller's user, session, federated-user ARN or service principal is named. */
    DIRECT,
    /** The caller's role ARN is named (limited by permissions boundary and session policy). */
    ROLE,
    /** The caller's account is named: delegation to the account's IAM policies (direct only for the root user). */
    ACCOUNT,
    /** The statement has no Principal element (identity policies): it applies to the policy's holder. */
    IMPLICIT
}
