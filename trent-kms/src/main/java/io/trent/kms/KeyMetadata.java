package io.trent.kms;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The KeyMetadata structure of CreateKey and DescribeKey. Members AWS sends only for features this server does not
 * have are absent: ExpirationModel and ValidTo (imported material), CustomKeyStoreId, CloudHsmClusterId and
 * XksKeyConfiguration (custom key stores), and PendingDeletionWindowInDays, which AWS reports only for a primary
 * key in the PendingReplicaDeletion state.
 */
final class KeyMetadata {
    private KeyMetadata() {}

    /** CustomerMasterKeySpec (for key specs that have one) and KeySpec, as DescribeKey and GetPublicKey send them. */
    static void putKeySpec(ObjectNode out, KeySpec spec) {
        if (spec.hasCustomerMasterKeySpec()) out.put("CustomerMasterKeySpec", spec.name());
        out.put("KeySpec", spec.name());
    }

    /** The algorithms of the key's usage, in the member that lists them for it (DescribeKey, GetPublicKey). */
    static void putAlgorithms(ObjectNode out, KeyRecord k) {
        String member = switch (k.keyUsage()) {
            case ENCRYPT_DECRYPT -> "EncryptionAlgorithms";
            case SIGN_VERIFY -> "SigningAlgorithms";
            case GENERATE_VERIFY_MAC -> "MacAlgorithms";
            case KEY_AGREEMENT -> "KeyAgreementAlgorithms";
        };
        out.set(member, Json.strings(k.keySpec().algorithms(k.keyUsage())));
    }

    /** @param currentMaterialId the KeyMaterialId of a symmetric encryption key's current material, else null */
    static ObjectNode of(KeyRecord k, String currentMaterialId) {
        ObjectNode m = Json.object();
        m.put("AWSAccountId", k.account());
        m.put("KeyId", k.keyId());
        m.put("Arn", k.arn());
        m.set("CreationDate", Json.timestamp(k.creationDate()));
        m.put("Enabled", k.enabled());
        m.put("Description", k.description());
        m.put("KeyUsage", k.keyUsage().name());
        m.put("KeyState", k.state().awsName());
        if (k.deletionDate() != null) m.set("DeletionDate", Json.timestamp(k.deletionDate()));
        m.put("Origin", k.origin());
        m.put("KeyManager", "CUSTOMER");
        putKeySpec(m, k.keySpec());
        putAlgorithms(m, k);
        m.put("MultiRegion", k.multiRegion());
        if (k.multiRegion()) {
            ObjectNode primary = Json.object().put("Arn", k.arn()).put("Region", k.region());
            m.set("MultiRegionConfiguration", Json.object().put("MultiRegionKeyType", k.multiRegionKeyType())
                    .<ObjectNode>set("PrimaryKey", primary).set("ReplicaKeys", Json.array()));
        }
        if (currentMaterialId != null) m.put("CurrentKeyMaterialId", currentMaterialId);
        return m;
    }
}
