package io.trent.policy;

/** Which grammar a document is parsed and validated against. */
public enum PolicyType {
    /** A KMS key policy: Principal required, Resource must be "*". */
    KEY_POLICY,
    /** An IAM identity policy; also used for permissions boundaries, SCPs and session policies. */
    IDENTITY_POLICY
}
