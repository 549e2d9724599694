package io.trent.kms;

import java.time.Instant;

/**
 * A KMS key as stored: its metadata and policy. Key material lives apart ({@link KeyMaterial}).
 *
 * @param arn                 {@code arn:PARTITION:kms:REGION:ACCOUNT:key/KEY_ID}, the primary identity
 * @param origin              {@code AWS_KMS} or {@code EXTERNAL}
 * @param deletionDate        when a key pending deletion is purged, else null
 * @param pendingWindowInDays the waiting period of a key pending deletion, else null
 * @param policy              the key policy document exactly as supplied (GetKeyPolicy returns it verbatim)
 * @param revision            incremented by every change of the key row (a change counter for audits and tests)
 * @param publicKey           DER SubjectPublicKeyInfo of an asymmetric key, else null (not secret)
 */
public record KeyRecord(String arn, String keyId, String account, String region, Instant creationDate,
                        String description, KeySpec keySpec, KeyUsage keyUsage, String origin, boolean multiRegion,
                        KeyState state, Instant deletionDate, Integer pendingWindowInDays, String policy,
                        long revision, byte[] publicKey) {
    public KeyRecord {
        publicKey = publicKey == null ? null : publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    public boolean enabled() {
        return state == KeyState.ENABLED;
    }

    /** "PRIMARY" for multi-Region keys (this server has no replicas), null otherwise. */
    public String multiRegionKeyType() {
        return multiRegion ? "PRIMARY" : null;
    }

    public KeyRecord withState(KeyState newState, Instant newDeletionDate, Integer newWindow) {
        return new KeyRecord(arn, keyId, account, region, creationDate, description, keySpec, keyUsage, origin,
                multiRegion, newState, newDeletionDate, newWindow, policy, revision + 1, publicKey);
    }

    public KeyRecord withDescription(String newDescription) {
        return new KeyRecord(arn, keyId, account, region, creationDate, newDescription, keySpec, keyUsage, origin,
                multiRegion, state, deletionDate, pendingWindowInDays, policy, revision + 1, publicKey);
    }

    public KeyRecord withPolicy(String newPolicy) {
        return new KeyRecord(arn, keyId, account, region, creationDate, description, keySpec, keyUsage, origin,
                multiRegion, state, deletionDate, pendingWindowInDays, newPolicy, revision + 1, publicKey);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + arn + ", " + keySpec + ", " + keyUsage + ", " + state.awsName() + ", rev " + revision + "]";
    }
}
