package io.trent.analyzer.lint;

import static io.trent.analyzer.lint.Severity.ERROR;
import static io.trent.analyzer.lint.Severity.SECURITY;
import static io.trent.analyzer.lint.Severity.SUGGESTION;
import static io.trent.analyzer.lint.Severity.WARNING;

/** The 38 checks of lint-catalog.md, in catalog order, with their severities. */
public enum LintCode {
    MALFORMED_POLICY(ERROR, false, "The document is not a well-formed key policy."),
    INVALID_VERSION(ERROR, false, "Version is neither 2012-10-17 nor 2008-10-17."),
    MISSING_VERSION(WARNING, false, "The document has no Version element."),
    POLICY_VARIABLE_WITHOUT_VERSION(ERROR, false, "A policy variable is used without Version 2012-10-17."),
    INVALID_PRINCIPAL(ERROR, false, "A Principal or NotPrincipal entry is not a valid key policy principal."),
    UNKNOWN_ACTION(ERROR, false, "A kms: action matches no KMS action."),
    NON_KMS_ACTION_IN_KEY_POLICY(WARNING, false, "An action of another service appears in a key policy."),
    IAM_ONLY_ACTION_IN_KEY_POLICY(WARNING, false, "An action that only IAM policies authorize appears in a key policy."),
    KEY_POLICY_RESOURCE_NOT_STAR(WARNING, false, "A key policy statement uses a Resource other than \"*\"."),
    UNKNOWN_CONDITION_KEY(ERROR, false, "A condition key never appears in a KMS request."),
    UNKNOWN_OPERATOR(ERROR, false, "A condition operator is outside the IAM grammar."),
    DUPLICATE_CONDITION_KEY(ERROR, false, "A condition key or JSON member appears twice in one object."),
    INVALID_CONDITION_VALUE(ERROR, false, "A condition value cannot be parsed by its operator."),
    OPERATOR_TYPE_MISMATCH(WARNING, false, "The condition operator does not fit the key's type."),
    ARN_OPERATOR_ON_NON_ARN_KEY(WARNING, false, "An ARN operator is used on a key that is not an ARN."),
    STRING_OPERATOR_ON_ARN_KEY(SUGGESTION, false, "A string operator is used on an ARN key."),
    WILDCARD_IN_EQUALS_OPERATOR(WARNING, false, "A wildcard in a StringEquals-family value is compared literally."),
    FORALLVALUES_ON_SINGLE_VALUED_KEY(SECURITY, false, "ForAllValues: on a single-valued key is true when the key is absent."),
    MISSING_SET_OPERATOR_ON_MULTIVALUED_KEY(WARNING, false, "A multi-valued key is tested without ForAnyValue:/ForAllValues:."),
    FORALLVALUES_MATCHES_EMPTY_SET(SECURITY, false, "ForAllValues: also matches requests where the key is absent or empty."),
    NEGATED_CONDITION_MATCHES_ABSENT_KEY(SECURITY, false, "A negated condition also matches requests without the key."),
    ENCRYPTION_CONTEXT_ON_UNSUPPORTED_ACTION(ERROR, false, "An encryption-context condition applies to an action that has no encryption context."),
    CONDITION_KEY_NOT_APPLICABLE_TO_ACTION(ERROR, false, "An operation-specific condition key applies to an action that never carries it."),
    VIA_SERVICE_INVALID_FORMAT(ERROR, false, "A kms:ViaService value can never equal a service.region.amazonaws.com name."),
    SERVICE_PRINCIPAL_WITHOUT_SOURCE_CONDITION(SECURITY, false, "A service principal is allowed without an aws:SourceArn/aws:SourceAccount condition."),
    SERVICE_PRINCIPAL_SOURCE_ACCOUNT_ONLY(SUGGESTION, false, "A service principal is bound by source account but not by aws:SourceArn."),
    SERVICE_PRINCIPAL_WITHOUT_ENCRYPTION_CONTEXT(SUGGESTION, false, "A service principal may use the key without an encryption-context condition."),
    SOURCE_CONDITION_ON_NON_SERVICE_PRINCIPAL(WARNING, false, "aws:SourceArn/aws:SourceAccount is required of principals that never carry it."),
    PUBLIC_KEY_ACCESS(SECURITY, true, "The policy allows requests from unknown parties."),
    ACCOUNT_WIDE_SENSITIVE_ACCESS(SECURITY, true, "Every identity of an account may perform a sensitive action without an IAM policy."),
    ALLOW_WITH_NOT_PRINCIPAL(SECURITY, false, "An Allow statement uses NotPrincipal."),
    ALLOW_WITH_NOT_ACTION(WARNING, false, "An Allow statement uses NotAction."),
    KMS_STAR_TO_NON_ROOT_PRINCIPAL(WARNING, false, "kms:* is granted to a principal other than an account."),
    CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT(SECURITY, false, "CreateGrant is allowed without restricting it to AWS services."),
    KEY_POLICY_LOCKOUT_RISK(ERROR, true, "Nobody but a service may call PutKeyPolicy."),
    UNSATISFIABLE_CONDITION(ERROR, true, "A statement's condition can never be true."),
    SHADOWED_ALLOW_STATEMENT(WARNING, true, "An Allow statement is entirely overridden by Deny statements."),
    REDUNDANT_STATEMENT(SUGGESTION, true, "A statement grants nothing the other statements do not.");

    private final Severity severity;
    private final boolean semantic;
    private final String title;

    LintCode(Severity severity, boolean semantic, String title) {
        this.severity = severity;
        this.semantic = semantic;
        this.title = title;
    }

    /** Check number in the catalog, 1 to 38. */
    public int number() { return ordinal() + 1; }

    public Severity severity() { return severity; }

    /** A [S] check, computed by {@link SemanticChecks} and skipped when MALFORMED_POLICY fires. */
    public boolean semantic() { return semantic; }

    /** One-sentence description of what the check reports. */
    public String title() { return title; }
}
