package io.trent.authz;

import io.trent.policy.StatementResult;

import java.util.List;

/**
 * The answer for one request, with its reasons.
 *
 * @param outcome    Allow, ExplicitDeny or ImplicitDeny
 * @param reasons    statements (and grants) that decided: the allowing ones for Allow, the denying ones for
 *                   ExplicitDeny; empty for ImplicitDeny
 * @param notApplied for each statement that could have applied but did not, its first mismatch reason
 * @param message    the AccessDeniedException message in AWS's wording (null for Allow)
 * @param checks     one entry per authorization check the operation needs (ReEncrypt has two, ...)
 */
public record Decision(Outcome outcome, List<Reason> reasons, List<StatementResult> notApplied, String message,
                       List<String> checks) {
    public Decision {
        reasons = List.copyOf(reasons);
        notApplied = List.copyOf(notApplied);
        checks = List.copyOf(checks);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /** Why a statement or grant contributed. */
    public record Reason(String source, String description) {}
}
