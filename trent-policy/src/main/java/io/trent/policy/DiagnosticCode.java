package io.trent.policy;

/** Codes of parse diagnostics. All of them make a document unusable for evaluation. */
public enum DiagnosticCode {
    /** Not JSON, wrong JSON type, missing/unknown/duplicate element, bad Effect, empty Statement... */
    MALFORMED_POLICY,
    INVALID_VERSION,
    INVALID_PRINCIPAL,
    INVALID_ACTION,
    INVALID_RESOURCE,
    UNKNOWN_OPERATOR,
    INVALID_CONDITION_VALUE,
    /** The same JSON member twice in one object, or condition keys equal ignoring case. */
    DUPLICATE_KEY,
    /** ForAllValues: with kms:EncryptionContext:* (KMS says OverlyPermissiveCondition). */
    OVERLY_PERMISSIVE_CONDITION,
    /** aws:ResourceTag/*, kms:ResourceAliases, kms:ResourceTag/* inside a key policy. */
    CONDITION_KEY_NOT_PERMITTED,
    /** Document larger than 32 KB (key policy) or other size limits. */
    SIZE_LIMIT_EXCEEDED
}
