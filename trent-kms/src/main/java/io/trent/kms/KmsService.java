package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.authz.Authorizer;
import io.trent.authz.Identities;
import io.trent.authz.KmsOperation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The KMS API: validates a request, resolves its keys, authorizes it through the {@link Authorizer} (the only
 * access-decision path, consulted before key-state checks and before any cryptography) and runs it.
 * Thread-safe; one instance serves the whole server, and it must be the only writer of its store.
 */
public final class KmsService implements AutoCloseable {
    /** Keys (with their compiled policy and unwrapped material) kept in memory; the rest is loaded on demand. */
    static final int CACHE_SIZE = 4096;
    /** Keys handled per read by the periodic purge and rotation. */
    private static final int PURGE_BATCH = 100;

    private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            Map.entry("CreateKey", new CreateKeyHandler()),
            Map.entry("DescribeKey", new DescribeKeyHandler()),
            Map.entry("ListKeys", new ListKeysHandler()),
            Map.entry("UpdateKeyDescription", new UpdateKeyDescriptionHandler()),
            Map.entry("EnableKey", new EnableKeyHandler()),
            Map.entry("DisableKey", new DisableKeyHandler()),
            Map.entry("ScheduleKeyDeletion", new ScheduleKeyDeletionHandler()),
            Map.entry("CancelKeyDeletion", new CancelKeyDeletionHandler()),
            Map.entry("CreateAlias", new CreateAliasHandler()),
            Map.entry("UpdateAlias", new UpdateAliasHandler()),
            Map.entry("DeleteAlias", new DeleteAliasHandler()),
            Map.entry("ListAliases", new ListAliasesHandler()),
            Map.entry("TagResource", new TagResourceHandler()),
            Map.entry("UntagResource", new UntagResourceHandler()),
            Map.entry("ListResourceTags", new ListResourceTagsHandler()),
            Map.entry("GetKeyPolicy", new GetKeyPolicyHandler()),
            Map.entry("PutKeyPolicy", new PutKeyPolicyHandler()),
            Map.entry("ListKeyPolicies", new ListKeyPoliciesHandler()),
            Map.entry("Encrypt", new EncryptHandler()),
            Map.entry("Decrypt", new DecryptHandler()),
            Map.entry("ReEncrypt", new ReEncryptHandler()),
            Map.entry("GenerateDataKey", new GenerateDataKeyHandler()),
            Map.entry("GenerateDataKeyWithoutPlaintext", new GenerateDataKeyWithoutPlaintextHandler()),
            Map.entry("GenerateDataKeyPair", new GenerateDataKeyPairHandler()),
            Map.entry("GenerateDataKeyPairWithoutPlaintext", new GenerateDataKeyPairWithoutPlaintextHandler()),
            Map.entry("GenerateRandom", new GenerateRandomHandler()),
            Map.entry("GetPublicKey", new GetPublicKeyHandler()),
            Map.entry("Sign", new SignHandler()),
            Map.entry("Verify", new VerifyHandler()),
            Map.entry("GenerateMac", new GenerateMacHandler()),
            Map.entry("VerifyMac", new VerifyMacHandler()),
            Map.entry("CreateGrant", new CreateGrantHandler()),
            Map.entry("ListGrants", new ListGrantsHandler()),
            Map.entry("ListRetirableGrants", new ListRetirableGrantsHandler()),
            Map.entry("RetireGrant", new RetireGrantHandler()),
            Map.entry("RevokeGrant", new RevokeGrantHandler()),
            Map.entry("EnableKeyRotation", new EnableKeyRotationHandler()),
            Map.entry("DisableKeyRotation", new DisableKeyRotationHandler()),
            Map.entry("GetKeyRotationStatus", new GetKeyRotationStatusHandler()),
            Map.entry("RotateKeyOnDemand", new RotateKeyOnDemandHandler()),
            Map.entry("ListKeyRotations", new ListKeyRotationsHandler()),
            Map.entry("DeriveSharedSecret", new DeriveSharedSecretHandler()));

    private final Kms kms;

    public KmsService(KmsStore store, RootKey rootKey, Identities identities, PrincipalDirectory principals,
                      Clock clock) {
        this.kms = new Kms(store, rootKey, new Authorizer(identities), principals, clock, new SecureRandom(),
                CACHE_SIZE);
    }

    /**
     * Runs one KMS API operation. {@code request} is the parsed JSON body (an object). Returns the JSON response
     * body. Throws {@link KmsException} (never anything else for bad input), UnsupportedOperationException (the KMS
     * error) for operations not implemented.
     */
    public JsonNode call(String operation, JsonNode request, Invocation invocation) {
        Operation op = OPERATIONS.get(operation);
        if (op == null)
            throw new KmsException.UnsupportedOperation(KmsOperation.of(operation) != null
                    ? operation + " is not supported by this server"
                    : operation + " is not an operation of the KMS API");
        if (request == null || !request.isObject())
            throw new KmsException.Serialization("The request body must be a JSON object");
        Call call = new Call(operation, new Params(request), invocation, Scope.of(invocation));
        try {
            return op.run(call, kms);
        } catch (KmsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KmsException.Internal("The server could not complete " + operation + " (request "
                    + invocation.requestId() + ")", e);
        }
    }

    /** Deletes keys whose deletion window has ended, with their aliases, tags and grants; returns how many. */
    public int purgeExpiredKeys() {
        int purged = 0;
        while (true) {
            List<KeyRecord> due = kms.store.read(r -> r.keysDueForDeletion(kms.now(), PURGE_BATCH));
            int before = purged;
            for (KeyRecord k : due) {
                List<AliasRecord> aliases = kms.store.read(r -> r.aliasesOf(k.arn()));
                boolean deleted = kms.write(w -> {
                    KeyRecord current = w.key(k.arn());
                    if (current == null || !kms.deleted(current)) return false;
                    w.deleteKey(k.arn());
                    return true;
                });
                kms.invalidateKey(k.arn());
                aliases.forEach(a -> kms.invalidateAlias(a.arn()));
                if (deleted) purged++;
            }
            if (due.size() < PURGE_BATCH || purged == before) return purged;
        }
    }

    /**
     * Rotates the Enabled keys whose next automatic rotation is due, each to a new material version, and schedules
     * their next rotation one period from now; returns how many. Keys that are disabled or pending deletion when
     * their date passes rotate once they are Enabled again.
     */
    public int rotateDueKeys() {
        int rotated = 0;
        while (true) {
            java.time.Instant now = kms.now();
            List<RotationSchedule> due = kms.store.read(r -> r.rotationsDue(now, PURGE_BATCH));
            int before = rotated;
            for (RotationSchedule s : due) {
                boolean done;
                try {
                    done = kms.updateKey(s.keyArn(), (w, k) -> {
                        RotationSchedule current = w.rotation(k.arn());
                        if (current == null || current.nextRotationDate().isAfter(now) || !k.enabled()) return false;
                        Rotation.addVersion(kms, w, k, w.materials(k.arn()).size() + 1,
                                KeyMaterial.RotationType.AUTOMATIC, now);
                        w.putRotation(new RotationSchedule(k.arn(), current.periodInDays(),
                                Rotation.after(now, current.periodInDays())));
                        return true;
                    });
                } catch (KmsException.NotFound gone) {
                    done = false;
                }
                if (done) rotated++;
            }
            if (due.size() < PURGE_BATCH || rotated == before) return rotated;
        }
    }

    /** Closes the store. */
    @Override
    public void close() {
        kms.store.close();
    }
}
