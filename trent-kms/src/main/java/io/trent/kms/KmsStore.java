package io.trent.kms;

import io.trent.authz.Grant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Durable storage of keys, key material (with its rotation history), rotation schedules, aliases, tags and
 * grants. Implementations must be safe for concurrent use by many threads, and every change acknowledged by
 * {@link #write} must survive a crash of the process (kill -9) or of the machine.
 *
 * <p>All work happens in transactions: {@link #read} sees one consistent snapshot, {@link #write} is atomic and
 * serializable with respect to other writes. An exception thrown by the work rolls the transaction back and
 * propagates unchanged; a failure of the store itself surfaces as {@link StoreException}.
 *
 * <p>Listings return pages in a fixed order and resume strictly after a cursor (the sort key of the last item of
 * the previous page, null for the first page). Keys sort by key id, aliases by name, tags by tag key, grants of a
 * key by grant id, retirable grants by key ARN and then grant id. String order is by Unicode code point.
 */
public interface KmsStore extends AutoCloseable {

    /** Runs {@code work} in a read-only transaction. */
    <T> T read(Function<Reader, T> work);

    /** Runs {@code work} in a write transaction; commits durably when it returns. */
    <T> T write(Function<Writer, T> work);

    @Override
    void close();

    /** The read side of a transaction. Lookups return null when the item does not exist. */
    interface Reader {
        KeyRecord key(String keyArn);

        /** Keys of one account and Region, ordered by key id, after {@code afterKeyId} (null: from the start). */
        Page<KeyRecord> keys(String account, String region, String afterKeyId, int limit);

        /** Keys pending deletion whose deletion date is at or before {@code now}, at most {@code limit}. */
        List<KeyRecord> keysDueForDeletion(Instant now, int limit);

        /** Every material version of the key, ascending by version. */
        List<KeyMaterial> materials(String keyArn);

        /** The automatic rotation of the key, or null when it is disabled. */
        RotationSchedule rotation(String keyArn);

        /**
         * Schedules of keys in the Enabled state whose next rotation is at or before {@code now}, at most
         * {@code limit}, earliest first.
         */
        List<RotationSchedule> rotationsDue(Instant now, int limit);

        /** Tags of the key, ordered by tag key. */
        Map<String, String> tags(String keyArn);

        AliasRecord alias(String aliasArn);

        /** Aliases pointing at the key, ordered by name. */
        List<AliasRecord> aliasesOf(String keyArn);

        /**
         * Aliases of one account and Region, optionally only those pointing at {@code targetKeyArn}, ordered by
         * name, after {@code afterName}.
         */
        Page<AliasRecord> aliases(String account, String region, String targetKeyArn, String afterName, int limit);

        Grant grant(String keyArn, String grantId);

        /** Every grant on the key, ordered by grant id. */
        List<Grant> grantsOf(String keyArn);

        int grantCount(String keyArn);

        /**
         * Grants on the key ordered by grant id after {@code afterGrantId}; {@code grantId} and
         * {@code granteePrincipal} filter when not null.
         */
        Page<Grant> grants(String keyArn, String grantId, String granteePrincipal, String afterGrantId, int limit);

        /**
         * Grants whose retiring principal is exactly {@code retiringPrincipal}, on the keys of every account in one
         * partition and Region, ordered by key ARN then grant id, after the cursor ({@code afterKeyArn},
         * {@code afterGrantId}), both null for the first page.
         */
        Page<Grant> retirableGrants(String retiringPrincipal, String partition, String region, String afterKeyArn,
                                    String afterGrantId, int limit);
    }

    /** The write side of a transaction. Mutations of items that do not exist throw {@link StoreException}. */
    interface Writer extends Reader {
        /** Inserts a new key with its first material version (null for a key awaiting imported material) and tags. */
        void insertKey(KeyRecord key, KeyMaterial material, Map<String, String> tags);

        /** Replaces the stored row of {@code key.arn()} (every field but arn, keyId, account, region). */
        void updateKey(KeyRecord key);

        /** Deletes the key with its material, tags, aliases and grants. */
        void deleteKey(String keyArn);

        void insertMaterial(String keyArn, KeyMaterial material);

        /** Enables automatic rotation of {@code schedule.keyArn()} or replaces its schedule. */
        void putRotation(RotationSchedule schedule);

        /** Disables automatic rotation; nothing happens when it is not enabled. */
        void deleteRotation(String keyArn);

        /** Adds or replaces tags. */
        void putTags(String keyArn, Map<String, String> tags);

        /** Removes tags; absent keys are ignored. */
        void removeTags(String keyArn, Collection<String> tagKeys);

        void insertAlias(AliasRecord alias);

        /** Replaces the target and last-updated date of an existing alias. */
        void updateAlias(AliasRecord alias);

        void deleteAlias(String aliasArn);

        void insertGrant(Grant grant);

        void deleteGrant(String keyArn, String grantId);
    }
}
