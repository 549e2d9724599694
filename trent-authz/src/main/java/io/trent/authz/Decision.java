package io.trent.authz;

import io.trent.policy.StatementResult;

import java.util.List;

/**
 * The answer for one request, with its reasons.
 *
 * @param outcome    Allow, ExplicitDeny or ImplicitDeny
 * @param reasons    statements (and grants) that decided: the allowing ones for Allow, the denying ones for
 *                   ExplicitDeny; empty for ImplicitDeny, except one "engine" reason when the request could not be
 *                   evaluated at all
 * @param notApplied for each statement that could have applied but did not, its first mismatch reason
 * @param message    the AccessDeniedException message in AWS's wording (null for Allow)
 * @param checks     one entry per authorization check the operation needs (ReEncrypt has two, ...), e.g.
 *                   "kms:ReEncryptFrom on arn:aws:kms:...: Allow"
 */
public record Decision(Outcome outcome, List<Reason> reasons, List<StatementResult> notApplied, String message,
                       List<String> checks) {
    public Decision {
        // explanations built by the Authorizer are computed on first access (LazyList), everything else is copied
        reasons = reasons instanceof LazyList ? reasons : List.copyOf(reasons);
        notApplied = notApplied instanceof LazyList ? notApplied : List.copyOf(notApplied);
        checks = checks instanceof LazyList ? checks : List.copyOf(checks);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * Why a statement or grant contributed.
     *
     * @param source      where it comes from: "key policy statement 'Sid'", "grant g-1", "service control policies"
     * @param description what it did, e.g. "allows kms:Decrypt on arn:... (account principal, delegated to identity
     *                    policies)"
     */
    public record Reason(String source, String description) {}
}
