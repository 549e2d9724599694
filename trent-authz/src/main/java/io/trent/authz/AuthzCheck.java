package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.policy.RequestContext;

/**
 * One authorization check of a request: an action on a resource with its condition keys. An operation needs one or
 * more (ReEncrypt: ReEncryptFrom on the source and ReEncryptTo on the destination; CreateAlias: the alias and the
 * key; ...); the request is allowed only when every check is.
 *
 * @param action            the IAM action, e.g. "kms:ReEncryptTo"
 * @param resource          what IAM-side policies are matched against: the key ARN, the alias ARN,
 *                          {@code arn:aws:kms:<region>:<caller-account>:*} or the retiring principal
 * @param key               the key whose policy and grants decide ({@link Scope#KEY}, {@link Scope#RETIRE_GRANT}),
 *                          else null
 * @param encryptionContext the encryption context this check carries (for grant constraints), or null
 * @param refusal           non-null when the check is refused whatever the policies say; the reason, for humans
 */
public record AuthzCheck(String action, String resource, KmsKey key, RequestContext context, Scope scope,
                         JsonNode encryptionContext, String refusal) {

    public enum Scope {
        /** Key policy, delegation to identity policies, grants (§5.2). */
        KEY,
        /** Identity policies only, on a resource that messages name (the alias of CreateAlias...). */
        ALIAS,
        /** Identity policies only, no resource in messages (§5.3). */
        IDENTITY,
        /** Decided by the grant being retired (§9.5). */
        RETIRE_GRANT
    }

    /** "kms:Decrypt on arn:aws:kms:...", as listed in {@link Decision#checks()}. */
    public String label() {
        return scope == Scope.IDENTITY ? action : action + " on " + resource;
    }
}
