package io.trent.policy;

/**
 * What one policy statement is matched against.
 *
 * @param action   the IAM action, e.g. "kms:Decrypt"
 * @param resource the resource ARN (key ARN, alias ARN, or "arn:aws:kms:REGION:ACCOUNT:*" for IAM-only actions)
 */
public record EvalRequest(Caller caller, String action, String resource, RequestContext context) {}
