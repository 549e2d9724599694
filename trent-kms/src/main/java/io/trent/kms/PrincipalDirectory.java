package io.trent.kms;

/**
 * Which IAM users and roles exist. Key policies naming unknown ones are rejected (row 5 of §1.5 of the reference).
 * Accounts the server does not configure (e.g. the --dev account) accept any principal.
 */
@FunctionalInterface
public interface PrincipalDirectory {
    /** @param principalArn a user or role ARN ({@code arn:aws:iam::111122223333:role/Name}) */
    boolean exists(String principalArn);

    PrincipalDirectory ANY = arn -> true;
}
