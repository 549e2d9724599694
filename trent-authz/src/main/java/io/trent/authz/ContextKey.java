package io.trent.authz;

import io.trent.policy.RequestContext;

/**
 * Condition keys the engine derives, with their documented spelling (for humans) and the lower-case form the
 * request context stores (so that building a context does not fold case per request). Entries ending in ':' or
 * '/' are prefixes of per-request keys.
 */
enum ContextKey {
    // global keys, §8.1
    PRINCIPAL_ARN("aws:PrincipalArn"),
    PRINCIPAL_ACCOUNT("aws:PrincipalAccount"),
    PRINCIPAL_TYPE("aws:PrincipalType"),
    PRINCIPAL_IS_AWS_SERVICE("aws:PrincipalIsAWSService"),
    PRINCIPAL_SERVICE_NAME("aws:PrincipalServiceName"),
    PRINCIPAL_SERVICE_NAMES_LIST("aws:PrincipalServiceNamesList"),
    PRINCIPAL_TAG("aws:PrincipalTag/"),
    USERNAME("aws:username"),
    USERID("aws:userid"),
    VIA_AWS_SERVICE("aws:ViaAWSService"),
    CALLED_VIA("aws:CalledVia"),
    CALLED_VIA_FIRST("aws:CalledViaFirst"),
    CALLED_VIA_LAST("aws:CalledViaLast"),
    SOURCE_ARN("aws:SourceArn"),
    SOURCE_ACCOUNT("aws:SourceAccount"),
    SOURCE_IP("aws:SourceIp"),
    SECURE_TRANSPORT("aws:SecureTransport"),
    CURRENT_TIME("aws:CurrentTime"),
    EPOCH_TIME("aws:EpochTime"),
    REQUESTED_REGION("aws:RequestedRegion"),
    RESOURCE_ACCOUNT("aws:ResourceAccount"),
    RESOURCE_TAG("aws:ResourceTag/"),
    REQUEST_TAG("aws:RequestTag/"),
    TAG_KEYS("aws:TagKeys"),
    // KMS keys common to key resource operations
    CALLER_ACCOUNT("kms:CallerAccount"),
    VIA_SERVICE("kms:ViaService"),
    KEY_SPEC("kms:KeySpec"),
    KEY_USAGE("kms:KeyUsage"),
    CUSTOMER_MASTER_KEY_SPEC("kms:CustomerMasterKeySpec"),
    CUSTOMER_MASTER_KEY_USAGE("kms:CustomerMasterKeyUsage"),
    KEY_ORIGIN("kms:KeyOrigin"),
    MULTI_REGION("kms:MultiRegion"),
    MULTI_REGION_KEY_TYPE("kms:MultiRegionKeyType"),
    RESOURCE_ALIASES("kms:ResourceAliases"),
    // operation keys, §6.2
    BYPASS_POLICY_LOCKOUT_SAFETY_CHECK("kms:BypassPolicyLockoutSafetyCheck"),
    DATA_KEY_PAIR_SPEC("kms:DataKeyPairSpec"),
    ENCRYPTION_ALGORITHM("kms:EncryptionAlgorithm"),
    ENCRYPTION_CONTEXT("kms:EncryptionContext:"),
    ENCRYPTION_CONTEXT_KEYS("kms:EncryptionContextKeys"),
    EXPIRATION_MODEL("kms:ExpirationModel"),
    GRANT_CONSTRAINT_TYPE("kms:GrantConstraintType"),
    GRANT_IS_FOR_AWS_RESOURCE("kms:GrantIsForAWSResource"),
    GRANT_OPERATIONS("kms:GrantOperations"),
    GRANTEE_PRINCIPAL("kms:GranteePrincipal"),
    KEY_AGREEMENT_ALGORITHM("kms:KeyAgreementAlgorithm"),
    MAC_ALGORITHM("kms:MacAlgorithm"),
    MESSAGE_TYPE("kms:MessageType"),
    PRIMARY_REGION("kms:PrimaryRegion"),
    RE_ENCRYPT_ON_SAME_KEY("kms:ReEncryptOnSameKey"),
    RECIPIENT_ATTESTATION("kms:RecipientAttestation:"),
    REPLICA_REGION("kms:ReplicaRegion"),
    REQUEST_ALIAS("kms:RequestAlias"),
    RETIRING_PRINCIPAL("kms:RetiringPrincipal"),
    ROTATION_PERIOD_IN_DAYS("kms:RotationPeriodInDays"),
    SCHEDULE_KEY_DELETION_PENDING_WINDOW_IN_DAYS("kms:ScheduleKeyDeletionPendingWindowInDays"),
    SIGNING_ALGORITHM("kms:SigningAlgorithm"),
    VALID_TO("kms:ValidTo"),
    WRAPPING_ALGORITHM("kms:WrappingAlgorithm"),
    WRAPPING_KEY_SPEC("kms:WrappingKeySpec");

    final String spelling;
    final RequestContext.Key key;

    ContextKey(String spelling) {
        this.spelling = spelling;
        this.key = RequestContext.Key.of(spelling);
    }

    /** True for the prefixes of per-request keys (aws:ResourceTag/, kms:EncryptionContext:...). */
    boolean prefix() {
        return spelling.endsWith(":") || spelling.endsWith("/");
    }
}
