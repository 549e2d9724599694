package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.authz.Authorizer;
import io.trent.authz.Decision;
import io.trent.authz.KmsKey;
import io.trent.authz.KmsRequest;
import io.trent.policy.CompiledPolicy;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The machinery the operation handlers share: key resolution through the caches, authorization, key-state rules,
 * and transactional writes that keep the caches coherent. Thread-safe.
 *
 * <p>Caches: loaded keys (record, authorization view with the compiled policy, unwrapped key material) and alias
 * targets, both bounded LRUs invalidated after every committed change; compiled policies are kept apart, keyed by
 * the policy text, so tag, alias and grant changes do not recompile them and keys with the same policy (such as
 * the default policy of one account) share one compiled copy.
 */
final class Kms {
    static final int MAX_ALIASES_PER_KEY = 50;
    static final int MAX_TAGS_PER_KEY = 50;
    static final int MAX_GRANTS_PER_KEY = 50_000;

    final KmsStore store;
    final RootKey rootKey;
    final Authorizer authorizer;
    final PrincipalDirectory principals;
    final SecureRandom random;
    private final Clock clock;
    private final Lru<String, LoadedKey> keys;
    private final Lru<String, String> aliasTargets;
    private final Lru<String, CompiledPolicy> policies;

    Kms(KmsStore store, RootKey rootKey, Authorizer authorizer, PrincipalDirectory principals, Clock clock,
        SecureRandom random, int cacheSize) {
        this.store = store;
        this.rootKey = rootKey;
        this.authorizer = authorizer;
        this.principals = principals;
        this.clock = clock;
        this.random = random;
        this.keys = new Lru<>(cacheSize);
        this.aliasTargets = new Lru<>(cacheSize);
        this.policies = new Lru<>(cacheSize);
    }

    /** Now, at the millisecond precision of stored dates. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- resolution ----

    /**
     * The key named by {@code identifier} in any of the four forms: NotFoundException when the identifier is
     * malformed, names another Region, or names no key.
     */
    LoadedKey resolve(String identifier, Scope scope) {
        KeyIds.Ref ref = KeyIds.parse(identifier, scope);
        KeyIds.Arn arn = ref.parts();
        String keyArn = ref.arn();
        if (ref.alias()) {
            if (!inScope(arn, scope)) throw KeyIds.aliasNotFound(ref.arn());
            keyArn = aliasTargets.get(ref.arn(), a -> store.read(r -> {
                AliasRecord alias = r.alias(a);
                return alias == null ? null : alias.targetKeyArn();
            }));
            if (keyArn == null) throw KeyIds.aliasNotFound(ref.arn());
        } else if (!inScope(arn, scope)) {
            throw arn.partition().equals(scope.partition()) ? KeyIds.otherRegion(arn) : KeyIds.keyNotFound(keyArn);
        }
        LoadedKey key = loaded(keyArn);
        if (key == null) throw KeyIds.keyNotFound(keyArn);
        return key;
    }

    /** Keys live in one partition and Region; a request in another Region does not see them. */
    static boolean inScope(KeyIds.Arn arn, Scope scope) {
        return arn.partition().equals(scope.partition()) && arn.region().equals(scope.region());
    }

    /** The key, or null when it does not exist or its deletion date has passed. */
    LoadedKey loaded(String keyArn) {
        LoadedKey key = keys.get(keyArn, this::load);
        return key == null || deleted(key.record()) ? null : key;
    }

    /** A key pending deletion whose waiting period is over is gone, even before the purge removes its rows. */
    boolean deleted(KeyRecord k) {
        return k.state() == KeyState.PENDING_DELETION && k.deletionDate() != null && !k.deletionDate().isAfter(now());
    }

    private record Snapshot(KeyRecord record, Map<String, String> tags, List<AliasRecord> aliases,
                            List<io.trent.authz.Grant> grants, List<KeyMaterial> materials) {}

    private LoadedKey load(String keyArn) {
        Snapshot s = store.read(r -> {
            KeyRecord k = r.key(keyArn);
            if (k == null) return null;
            return new Snapshot(k, r.tags(keyArn), r.aliasesOf(keyArn), r.grantsOf(keyArn), r.materials(keyArn));
        });
        if (s == null) return null;
        KeyRecord k = s.record();
        List<String> aliasNames = new ArrayList<>(s.aliases().size());
        for (AliasRecord a : s.aliases()) aliasNames.add(a.name());
        KmsKey view = new KmsKey(k.arn(), k.keyId(), k.account(), k.region(), compiledPolicy(k), k.keySpec().name(),
                k.keyUsage().name(), k.origin(), k.multiRegion(), k.multiRegionKeyType(), s.tags(), aliasNames,
                s.grants());
        if (!k.keySpec().isSymmetricEncryption()) {
            if (s.materials().isEmpty()) return new LoadedKey(k, view, List.of(), List.of(), null, null);
            Secret material = rootKey.unwrap(s.materials().get(s.materials().size() - 1).wrapped(), keyArn);
            try {
                return new LoadedKey(k, view, List.of(), List.of(), KeyGeneration.usableKey(k.keySpec(), material),
                        KeyGeneration.publicKey(k.keySpec(), k.publicKey()));
            } finally {
                material.destroy();
            }
        }
        List<SecretKey> aes = new ArrayList<>(s.materials().size());
        List<String> materialIds = new ArrayList<>(s.materials().size());
        for (KeyMaterial m : s.materials()) {
            if (m.version() != aes.size() + 1)
                throw new StoreException("key material versions of " + keyArn + " are not consecutive");
            Secret material = rootKey.unwrap(m.wrapped(), keyArn);
            aes.add(new SecretKeySpec(material.unsafeBytes(), "AES"));
            material.destroy();
            materialIds.add(KeyMaterial.id(keyArn, m.version()));
        }
        return new LoadedKey(k, view, List.copyOf(aes), List.copyOf(materialIds), null, null);
    }

    /** Null when the stored text no longer parses: such a key denies every request. */
    private CompiledPolicy compiledPolicy(KeyRecord k) {
        return policies.get(k.policy(), PolicyValidation::compileStored);
    }

    // ---- authorization ----

    /**
     * The key named by {@code keyId}, once the caller is authorized for this request on it: how handlers of
     * single-key operations get their key, so that authorization comes before any state check or cryptography.
     */
    LoadedKey authorizedKey(Call call, String keyId) {
        LoadedKey key = resolve(keyId, call.scope());
        authorize(call, key, null);
        return key;
    }

    /** Runs the Authorizer; AccessDeniedException with its message unless allowed. */
    void authorize(Call call, LoadedKey key, LoadedKey otherKey) {
        authorize(call, call.params().body(), key == null ? null : key.view(), otherKey == null ? null : otherKey.view());
    }

    void authorize(Call call, JsonNode parameters, KmsKey key, KmsKey otherKey) {
        Invocation inv = call.invocation();
        Decision d = authorizer.authorize(new KmsRequest(call.operation(), parameters, inv.caller(), inv.transport(),
                key, otherKey));
        if (!d.allowed())
            throw new KmsException.AccessDenied(d.message() != null ? d.message()
                    : "User: " + inv.caller().arn() + " is not authorized to perform: kms:" + call.operation());
    }

    /**
     * The policy lockout safety check (§10.2): would {@code policy}, as the key policy of {@code key}, still let
     * this caller call PutKeyPolicy? MalformedPolicyDocumentException if not.
     */
    void lockoutCheck(Call call, KmsKey key, CompiledPolicy policy) {
        Invocation inv = call.invocation();
        KmsRequest live = new KmsRequest(call.operation(), call.params().body(), inv.caller(), inv.transport(), key,
                null);
        if (!authorizer.lockoutCheck(live, key, policy).allowed())
            throw new KmsException.MalformedPolicyDocument(PolicyValidation.LOCKOUT);
    }

    /** Once every check of a request with {@code DryRun: true} has passed, instead of doing the work. */
    static void dryRun(boolean requested) {
        if (requested)
            throw new KmsException.DryRunOperation("The request would have succeeded, but the DryRun option is set.");
    }

    // ---- key states (§ key state table of the developer guide) ----

    /** Cryptographic use and CreateGrant: only Enabled keys. */
    static void requireEnabled(KeyRecord k) {
        switch (k.state()) {
            case DISABLED -> throw new KmsException.Disabled(k.arn() + " is disabled.");
            case PENDING_DELETION -> throw pendingDeletion(k);
            case PENDING_IMPORT -> throw new KmsException.InvalidState(k.arn() + " is pending import.");
            case ENABLED -> { }
        }
    }

    static void requireNotPendingDeletion(KeyRecord k) {
        if (k.state() == KeyState.PENDING_DELETION) throw pendingDeletion(k);
    }

    static KmsException.InvalidState pendingDeletion(KeyRecord k) {
        return new KmsException.InvalidState(k.arn() + " is pending deletion.");
    }

    /**
     * The key must have key usage {@code usage} (InvalidKeyUsageException naming {@code operation}) and, when an
     * {@code algorithm} is named, its key spec must offer it for that usage (InvalidKeyUsageException).
     */
    static void requireUsage(KeyRecord k, KeyUsage usage, String algorithm, String operation) {
        if (k.keyUsage() != usage)
            throw new KmsException.InvalidKeyUsage(k.arn() + " key usage is " + k.keyUsage()
                    + " which is not valid for " + operation + ".");
        if (algorithm != null && !k.keySpec().algorithms(usage).contains(algorithm))
            throw new KmsException.InvalidKeyUsage("Algorithm " + algorithm + " is incompatible with key spec "
                    + k.keySpec() + ".");
    }

    // ---- writes ----

    /**
     * Runs {@code work} in a write transaction on the current stored state of the key, then drops the key from the
     * cache. NotFoundException when the key is gone by now.
     */
    <T> T updateKey(String keyArn, java.util.function.BiFunction<KmsStore.Writer, KeyRecord, T> work) {
        try {
            return store.write(w -> {
                KeyRecord current = w.key(keyArn);
                if (current == null || deleted(current)) throw KeyIds.keyNotFound(keyArn);
                return work.apply(w, current);
            });
        } finally {
            invalidateKey(keyArn);
        }
    }

    <T> T write(Function<KmsStore.Writer, T> work) {
        return store.write(work);
    }

    void invalidateKey(String keyArn) {
        keys.invalidate(keyArn);
    }

    void invalidateAlias(String aliasArn) {
        aliasTargets.invalidate(aliasArn);
    }

    /** The AES key a symmetric key currently encrypts with. */
    static SecretKey currentAes(LoadedKey key) {
        SecretKey aes = key.aes(key.currentVersion());
        if (aes == null) throw new KmsException.InvalidState(key.arn() + " has no key material.");
        return aes;
    }
}
