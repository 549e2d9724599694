package io.trent.authz;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 54 operations of KMS API version 2014-11-01 with how each is authorized (§6.1 of the reference).
 */
public enum KmsOperation {
    CancelKeyDeletion(Shape.KEY),
    ConnectCustomKeyStore(Shape.CUSTOM_KEY_STORE),
    CreateAlias(Shape.ALIAS),
    CreateCustomKeyStore(Shape.CUSTOM_KEY_STORE),
    CreateGrant(Shape.KEY, Flag.XA),
    CreateKey(Shape.CREATE_KEY),
    Decrypt(Shape.KEY, Flag.XA, Flag.EA_PARAM, Flag.EC, Flag.RA, Flag.ATT),
    DeleteAlias(Shape.ALIAS),
    DeleteCustomKeyStore(Shape.CUSTOM_KEY_STORE),
    DeleteImportedKeyMaterial(Shape.KEY),
    DeriveSharedSecret(Shape.KEY, Flag.XA, Flag.RA, Flag.ATT),
    DescribeCustomKeyStores(Shape.CUSTOM_KEY_STORE),
    DescribeKey(Shape.KEY, Flag.XA, Flag.RA),
    DisableKey(Shape.KEY),
    DisableKeyRotation(Shape.KEY),
    DisconnectCustomKeyStore(Shape.CUSTOM_KEY_STORE),
    EnableKey(Shape.KEY),
    EnableKeyRotation(Shape.KEY),
    Encrypt(Shape.KEY, Flag.XA, Flag.EA_PARAM, Flag.EC, Flag.RA),
    GenerateDataKey(Shape.KEY, Flag.XA, Flag.EA_DEFAULT, Flag.EC, Flag.RA, Flag.ATT),
    GenerateDataKeyPair(Shape.KEY, Flag.XA, Flag.EA_DEFAULT, Flag.EC, Flag.RA, Flag.ATT),
    GenerateDataKeyPairWithoutPlaintext(Shape.KEY, Flag.XA, Flag.EA_DEFAULT, Flag.EC, Flag.RA),
    GenerateDataKeyWithoutPlaintext(Shape.KEY, Flag.XA, Flag.EA_DEFAULT, Flag.EC, Flag.RA),
    GenerateMac(Shape.KEY, Flag.XA, Flag.RA),
    GenerateRandom(Shape.IDENTITY, Flag.ATT),
    GetKeyLastUsage(Shape.KEY),
    GetKeyPolicy(Shape.KEY),
    GetKeyRotationStatus(Shape.KEY, Flag.XA),
    GetParametersForImport(Shape.KEY),
    GetPublicKey(Shape.KEY, Flag.XA, Flag.RA),
    ImportKeyMaterial(Shape.KEY),
    ListAliases(Shape.IDENTITY),
    ListGrants(Shape.KEY, Flag.XA),
    ListKeyPolicies(Shape.KEY),
    ListKeyRotations(Shape.KEY),
    ListKeys(Shape.IDENTITY),
    ListResourceTags(Shape.KEY),
    ListRetirableGrants(Shape.LIST_RETIRABLE_GRANTS),
    PutKeyPolicy(Shape.KEY),
    ReEncrypt(Shape.RE_ENCRYPT, Flag.XA, Flag.EA_PARAM, Flag.EC, Flag.RA),
    ReplicateKey(Shape.REPLICATE_KEY),
    RetireGrant(Shape.RETIRE_GRANT, Flag.XA),
    RevokeGrant(Shape.KEY, Flag.XA),
    RotateKeyOnDemand(Shape.KEY),
    ScheduleKeyDeletion(Shape.KEY),
    Sign(Shape.KEY, Flag.XA, Flag.RA),
    TagResource(Shape.KEY),
    UntagResource(Shape.KEY),
    UpdateAlias(Shape.UPDATE_ALIAS),
    UpdateCustomKeyStore(Shape.CUSTOM_KEY_STORE),
    UpdateKeyDescription(Shape.KEY),
    UpdatePrimaryRegion(Shape.TWO_KEYS),
    Verify(Shape.KEY, Flag.XA, Flag.RA),
    VerifyMac(Shape.KEY, Flag.XA, Flag.RA);

    /** Which authorization checks an operation needs. */
    enum Shape {
        /** Key policy (+ delegation, grants) on the one key. */
        KEY,
        /** Identity policies only, no resource. */
        IDENTITY,
        /** Identity policies only; kms:CallerAccount is its only KMS condition key (§6.1). */
        CUSTOM_KEY_STORE,
        CREATE_KEY,
        /** Identity policies on the alias, key policy on the key. */
        ALIAS,
        /** Identity policies on the alias, key policy on the current and on the new target. */
        UPDATE_ALIAS,
        /** Key policy on the primary and on the replica. */
        TWO_KEYS,
        RE_ENCRYPT,
        REPLICATE_KEY,
        RETIRE_GRANT,
        LIST_RETIRABLE_GRANTS
    }

    enum Flag {
        /** Can target a key of another account (§5.5). */
        XA,
        /** kms:EncryptionAlgorithm from the EncryptionAlgorithm parameter, default SYMMETRIC_DEFAULT. */
        EA_PARAM,
        /** kms:EncryptionAlgorithm is always SYMMETRIC_DEFAULT (the algorithm that protects the data key). */
        EA_DEFAULT,
        /** kms:EncryptionContext:* and kms:EncryptionContextKeys from EncryptionContext. */
        EC,
        /** kms:RequestAlias from KeyId. */
        RA,
        /** kms:RecipientAttestation:* from Recipient. */
        ATT
    }

    private static final Map<String, KmsOperation> BY_NAME = new HashMap<>();

    static {
        for (KmsOperation op : values()) BY_NAME.put(op.name(), op);
    }

    private final Shape shape;
    private final boolean crossAccount, eaParam, eaDefault, ec, requestAlias, attestation;
    private final String action;

    KmsOperation(Shape shape, Flag... flags) {
        this.shape = shape;
        Set<Flag> set = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(List.of(flags));
        this.crossAccount = set.contains(Flag.XA);
        this.eaParam = set.contains(Flag.EA_PARAM);
        this.eaDefault = set.contains(Flag.EA_DEFAULT);
        this.ec = set.contains(Flag.EC);
        this.requestAlias = set.contains(Flag.RA);
        this.attestation = set.contains(Flag.ATT);
        this.action = "kms:" + name();
    }

    /** The operation with this exact API name, or null. */
    public static KmsOperation of(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    /** The IAM action, {@code kms:<Operation>} (ReEncrypt is authorized as ReEncryptFrom and ReEncryptTo). */
    public String action() { return action; }

    /** True when a caller of another account can use this operation on a key (§5.5). */
    public boolean crossAccount() { return crossAccount; }

    /** True when the operation never consults a key policy (§5.3). */
    public boolean identityOnly() {
        return shape == Shape.IDENTITY || shape == Shape.CUSTOM_KEY_STORE || shape == Shape.CREATE_KEY
                || shape == Shape.LIST_RETIRABLE_GRANTS;
    }

    Shape shape() { return shape; }
    boolean eaParam() { return eaParam; }
    boolean eaDefault() { return eaDefault; }
    boolean encryptionContext() { return ec; }
    boolean requestAlias() { return requestAlias; }
    boolean attestation() { return attestation; }
}
