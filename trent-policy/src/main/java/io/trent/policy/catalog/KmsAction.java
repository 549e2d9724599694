package io.trent.policy.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The KMS actions of the Service Authorization Reference, each with the classes the lint catalog
 * (lint-catalog.md section 1) and the authorization reference (section 6.1) give it.
 *
 * <p>Sets of actions are available as constants of {@link KmsActions}; action patterns with {@code *} and
 * {@code ?} expand through {@link KmsActions#expand(String)}.
 */
public enum KmsAction {
    CANCEL_KEY_DELETION("CancelKeyDeletion", Scope.KEY, false, true),
    CONNECT_CUSTOM_KEY_STORE("ConnectCustomKeyStore", Scope.IAM, false, false),
    CREATE_ALIAS("CreateAlias", Scope.KEY, false, true),
    CREATE_CUSTOM_KEY_STORE("CreateCustomKeyStore", Scope.IAM, false, false),
    CREATE_GRANT("CreateGrant", Scope.KEY, true, true),
    CREATE_KEY("CreateKey", Scope.IAM, false, false),
    DECRYPT("Decrypt", Scope.KEY, true, true),
    DELETE_ALIAS("DeleteAlias", Scope.KEY, false, true),
    DELETE_CUSTOM_KEY_STORE("DeleteCustomKeyStore", Scope.IAM, false, false),
    DELETE_IMPORTED_KEY_MATERIAL("DeleteImportedKeyMaterial", Scope.KEY, false, true),
    DERIVE_SHARED_SECRET("DeriveSharedSecret", Scope.KEY, false, false),
    DESCRIBE_CUSTOM_KEY_STORES("DescribeCustomKeyStores", Scope.IAM, false, false),
    DESCRIBE_KEY("DescribeKey", Scope.KEY, false, false),
    DISABLE_KEY("DisableKey", Scope.KEY, false, true),
    DISABLE_KEY_ROTATION("DisableKeyRotation", Scope.KEY, false, true),
    DISCONNECT_CUSTOM_KEY_STORE("DisconnectCustomKeyStore", Scope.IAM, false, false),
    ENABLE_KEY("EnableKey", Scope.KEY, false, true),
    ENABLE_KEY_ROTATION("EnableKeyRotation", Scope.KEY, false, true),
    ENCRYPT("Encrypt", Scope.KEY, true, false),
    GENERATE_DATA_KEY("GenerateDataKey", Scope.KEY, true, false),
    GENERATE_DATA_KEY_PAIR("GenerateDataKeyPair", Scope.KEY, true, false),
    GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT("GenerateDataKeyPairWithoutPlaintext", Scope.KEY, true, false),
    GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("GenerateDataKeyWithoutPlaintext", Scope.KEY, true, false),
    GENERATE_MAC("GenerateMac", Scope.KEY, false, false),
    GENERATE_RANDOM("GenerateRandom", Scope.IAM, false, false),
    /** Newer than the lint catalog's list; authorization.md 6.1 has it, and kms:Get* must cover it. */
    GET_KEY_LAST_USAGE("GetKeyLastUsage", Scope.KEY, false, false),
    GET_KEY_POLICY("GetKeyPolicy", Scope.KEY, false, false),
    GET_KEY_ROTATION_STATUS("GetKeyRotationStatus", Scope.KEY, false, false),
    GET_PARAMETERS_FOR_IMPORT("GetParametersForImport", Scope.KEY, false, false),
    GET_PUBLIC_KEY("GetPublicKey", Scope.KEY, false, false),
    IMPORT_KEY_MATERIAL("ImportKeyMaterial", Scope.KEY, false, true),
    LIST_ALIASES("ListAliases", Scope.IAM, false, false),
    LIST_GRANTS("ListGrants", Scope.KEY, false, false),
    LIST_KEY_POLICIES("ListKeyPolicies", Scope.KEY, false, false),
    LIST_KEY_ROTATIONS("ListKeyRotations", Scope.KEY, false, false),
    LIST_KEYS("ListKeys", Scope.IAM, false, false),
    LIST_RESOURCE_TAGS("ListResourceTags", Scope.KEY, false, false),
    LIST_RETIRABLE_GRANTS("ListRetirableGrants", Scope.IAM, false, false),
    PUT_KEY_POLICY("PutKeyPolicy", Scope.KEY, false, true),
    RE_ENCRYPT_FROM("ReEncryptFrom", Scope.KEY, true, true),
    RE_ENCRYPT_TO("ReEncryptTo", Scope.KEY, true, false),
    REPLICATE_KEY("ReplicateKey", Scope.KEY, false, true),
    RETIRE_GRANT("RetireGrant", Scope.KEY, false, false),
    REVOKE_GRANT("RevokeGrant", Scope.KEY, false, true),
    ROTATE_KEY_ON_DEMAND("RotateKeyOnDemand", Scope.KEY, false, true),
    SCHEDULE_KEY_DELETION("ScheduleKeyDeletion", Scope.KEY, false, true),
    SIGN("Sign", Scope.KEY, false, false),
    SYNCHRONIZE_MULTI_REGION_KEY("SynchronizeMultiRegionKey", Scope.KEY, false, true),
    TAG_RESOURCE("TagResource", Scope.KEY, false, true),
    UNTAG_RESOURCE("UntagResource", Scope.KEY, false, true),
    UPDATE_ALIAS("UpdateAlias", Scope.KEY, false, true),
    UPDATE_CUSTOM_KEY_STORE("UpdateCustomKeyStore", Scope.IAM, false, false),
    UPDATE_KEY_DESCRIPTION("UpdateKeyDescription", Scope.KEY, false, true),
    UPDATE_PRIMARY_REGION("UpdatePrimaryRegion", Scope.KEY, false, true),
    VERIFY("Verify", Scope.KEY, false, false),
    VERIFY_MAC("VerifyMac", Scope.KEY, false, false);

    private enum Scope { KEY, IAM }

    private static final Map<String, KmsAction> BY_LOWER_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(a -> a.actionName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String actionName;
    private final String iamName;
    private final Scope scope;
    private final boolean encryptionContext;
    private final boolean sensitive;

    KmsAction(String actionName, Scope scope, boolean encryptionContext, boolean sensitive) {
        this.actionName = actionName;
        this.iamName = "kms:" + actionName;
        this.scope = scope;
        this.encryptionContext = encryptionContext;
        this.sensitive = sensitive;
    }

    /** The action name without service prefix, e.g. {@code Decrypt}. */
    public String actionName() { return actionName; }

    /** The name as written in policies, e.g. {@code kms:Decrypt}. */
    public String iamName() { return iamName; }

    /** Authorized by the key policy (a key-resource action). */
    public boolean keyResource() { return scope == Scope.KEY; }

    /** Authorized by IAM policies only; never by a key policy. */
    public boolean iamOnly() { return scope == Scope.IAM; }

    /** In EC_OPS: the request takes an {@code EncryptionContext} (for CreateGrant: in its constraints). */
    public boolean takesEncryptionContext() { return encryptionContext; }

    /** In SENSITIVE: decryption, grant management or key administration. */
    public boolean sensitive() { return sensitive; }

    /**
     * The action with this exact name (no wildcards), case-insensitively, with or without the {@code kms:} prefix:
     * {@code of("kms:decrypt")} and {@code of("Decrypt")} both give {@link #DECRYPT}.
     */
    public static Optional<KmsAction> of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("kms:")) lower = lower.substring(4);
        return Optional.ofNullable(BY_LOWER_NAME.get(lower));
    }

    @Override
    public String toString() { return iamName; }
}
