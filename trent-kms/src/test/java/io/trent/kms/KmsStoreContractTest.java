package io.trent.kms;

import io.trent.authz.Grant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link KmsStore} must have. Store modules extend it and say how to open their store on a
 * directory; the suite opens it again on the same directory to check durability.
 */
public abstract class KmsStoreContractTest {
    protected static final String ACCOUNT = "111122223333";
    protected static final String REGION = "us-east-1";
    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05.678Z");

    @TempDir
    protected Path dir;
    protected KmsStore store;
    /** Runs each call in its own read transaction. */
    private KmsStore.Reader q;

    /** Opens the store kept in {@code dir}, creating it when empty. */
    protected abstract KmsStore open(Path dir);

    @BeforeEach
    void openStore() {
        store = open(dir);
        q = (KmsStore.Reader) Proxy.newProxyInstance(KmsStore.Reader.class.getClassLoader(),
                new Class<?>[]{KmsStore.Reader.class}, (proxy, method, args) -> store.read(r -> {
                    try {
                        return method.invoke(r, args);
                    } catch (InvocationTargetException e) {
                        throw (RuntimeException) e.getCause();
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static String keyArn(String account, String region, String keyId) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
    }

    protected static KeyRecord key(String account, String region, String keyId) {
        return new KeyRecord(keyArn(account, region, keyId), keyId, account, region, T0, "desc " + keyId,
                KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, "AWS_KMS", false, KeyState.ENABLED, null, null,
                "{\"Version\":\"2012-10-17\"}", 1, null);
    }

    private static KeyMaterial material(int version) {
        return new KeyMaterial(version, new byte[]{1, 2, 3, (byte) version});
    }

    private void insert(KeyRecord k) {
        store.write(w -> {
            w.insertKey(k, material(1), Map.of());
            return null;
        });
    }

    private static Grant grant(String keyArn, String grantId, String grantee, String retiring) {
        return new Grant(grantId, "name-" + grantId, keyArn, grantee, retiring, List.of("Decrypt", "Encrypt"),
                Map.of("Dept", "IT"), null, ACCOUNT, T0);
    }

    private static void assertSameKey(KeyRecord actual, KeyRecord expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    void keyRoundTripsEveryField() {
        KeyRecord k = new KeyRecord(keyArn(ACCOUNT, REGION, "mrk-0123"), "mrk-0123", ACCOUNT, REGION, T0,
                "unicode ✓ description", KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY, "EXTERNAL", true,
                KeyState.PENDING_DELETION, T0.plusSeconds(86_400 * 7), 7, "{\"p\":1}", 42, new byte[]{9, 8, 7});
        store.write(w -> {
            w.insertKey(k, material(1), Map.of("b", "2", "a", "1"));
            return null;
        });
        assertSameKey(q.key(k.arn()), k);
        assertThat(q.key(keyArn(ACCOUNT, REGION, "other"))).isNull();
        assertThat(q.tags(k.arn())).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void updateKeyReplacesMutableFieldsAndFailsForMissingKeys() {
        KeyRecord k = key(ACCOUNT, REGION, "k1");
        insert(k);
        KeyRecord changed = k.withDescription("new").withState(KeyState.DISABLED, null, null).withPolicy("{}");
        store.write(w -> {
            w.updateKey(changed);
            return null;
        });
        assertSameKey(q.key(k.arn()), changed);
        assertThat(changed.revision()).isEqualTo(4);
        assertThatThrownBy(() -> store.write(w -> {
            w.updateKey(key(ACCOUNT, REGION, "missing"));
            return null;
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void keysArePagedByKeyIdWithinOneAccountAndRegion() {
        for (String id : List.of("c", "a", "e", "b", "d")) insert(key(ACCOUNT, REGION, id));
        insert(key("444455556666", REGION, "x"));
        insert(key(ACCOUNT, "eu-west-1", "y"));
        Page<KeyRecord> first = q.keys(ACCOUNT, REGION, null, 2);
        assertThat(first.items()).extracting(KeyRecord::keyId).containsExactly("a", "b");
        assertThat(first.truncated()).isTrue();
        Page<KeyRecord> second = q.keys(ACCOUNT, REGION, "b", 2);
        assertThat(second.items()).extracting(KeyRecord::keyId).containsExactly("c", "d");
        Page<KeyRecord> last = q.keys(ACCOUNT, REGION, "d", 2);
        assertThat(last.items()).extracting(KeyRecord::keyId).containsExactly("e");
        assertThat(last.truncated()).isFalse();
        assertThat(q.keys(ACCOUNT, REGION, null, 5).truncated()).isFalse();
    }

    @Test
    void keysDueForDeletionAreThoseWhoseDateHasPassed() {
        KeyRecord due = key(ACCOUNT, REGION, "due").withState(KeyState.PENDING_DELETION, T0.minusSeconds(1), 7);
        KeyRecord later = key(ACCOUNT, REGION, "later").withState(KeyState.PENDING_DELETION, T0.plusSeconds(60), 7);
        insert(due);
        insert(later);
        insert(key(ACCOUNT, REGION, "live"));
        assertThat(q.keysDueForDeletion(T0, 10)).extracting(KeyRecord::keyId).containsExactly("due");
        assertThat(q.keysDueForDeletion(T0.plusSeconds(60), 10)).extracting(KeyRecord::keyId)
                .containsExactly("due", "later");
        assertThat(q.keysDueForDeletion(T0.plusSeconds(60), 1)).hasSize(1);
    }

    @Test
    void materialVersionsAccumulate() {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        insert(k);
        store.write(w -> {
            w.insertMaterial(k.arn(), material(2));
            return null;
        });
        List<KeyMaterial> m = q.materials(k.arn());
        assertThat(m).extracting(KeyMaterial::version).containsExactly(1, 2);
        assertThat(m.get(1).wrapped()).containsExactly(1, 2, 3, 2);
    }

    @Test
    void tagsArePutReplacedAndRemoved() {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        insert(k);
        store.write(w -> {
            w.putTags(k.arn(), Map.of("z", "1", "y", ""));
            w.putTags(k.arn(), Map.of("z", "2"));
            w.removeTags(k.arn(), List.of("y", "absent"));
            return null;
        });
        assertThat(q.tags(k.arn())).containsExactly(Map.entry("z", "2"));
    }

    @Test
    void aliasesAreListedFilteredPagedRetargetedAndDeleted() {
        KeyRecord k1 = key(ACCOUNT, REGION, "k1"), k2 = key(ACCOUNT, REGION, "k2");
        insert(k1);
        insert(k2);
        store.write(w -> {
            for (String n : List.of("alias/c", "alias/a", "alias/b"))
                w.insertAlias(new AliasRecord("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":" + n, n, ACCOUNT, REGION,
                        n.equals("alias/b") ? k2.arn() : k1.arn(), T0, T0));
            return null;
        });
        String aArn = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":alias/a";
        assertThat(q.alias(aArn).targetKeyArn()).isEqualTo(k1.arn());
        assertThat(q.aliasesOf(k1.arn())).extracting(AliasRecord::name)
                .containsExactly("alias/a", "alias/c");
        Page<AliasRecord> p = q.aliases(ACCOUNT, REGION, null, null, 2);
        assertThat(p.items()).extracting(AliasRecord::name).containsExactly("alias/a", "alias/b");
        assertThat(p.truncated()).isTrue();
        assertThat(q.aliases(ACCOUNT, REGION, null, "alias/b", 2).items())
                .extracting(AliasRecord::name).containsExactly("alias/c");
        assertThat(q.aliases(ACCOUNT, REGION, k2.arn(), null, 10).items())
                .extracting(AliasRecord::name).containsExactly("alias/b");
        assertThat(q.aliases(ACCOUNT, "eu-west-1", null, null, 10).items()).isEmpty();

        Instant later = T0.plusSeconds(5);
        store.write(w -> {
            w.updateAlias(w.alias(aArn).retarget(k2.arn(), later));
            return null;
        });
        AliasRecord moved = q.alias(aArn);
        assertThat(moved.targetKeyArn()).isEqualTo(k2.arn());
        assertThat(moved.lastUpdatedDate()).isEqualTo(later);
        assertThat(moved.creationDate()).isEqualTo(T0);

        store.write(w -> {
            w.deleteAlias(aArn);
            return null;
        });
        assertThat(q.alias(aArn)).isNull();
        assertThatThrownBy(() -> store.write(w -> {
            w.deleteAlias(aArn);
            return null;
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void grantsRoundTripAndAreFilteredAndPaged() {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        insert(k);
        Grant withEquals = new Grant("g2", null, k.arn(), "arn:aws:iam::111122223333:role/B", null,
                List.of("GenerateDataKey"), null, Map.of("a", "1", "b", "2"), ACCOUNT, T0);
        store.write(w -> {
            w.insertGrant(grant(k.arn(), "g3", "arn:aws:iam::111122223333:role/A", null));
            w.insertGrant(withEquals);
            w.insertGrant(grant(k.arn(), "g1", "arn:aws:iam::111122223333:role/A", null));
            return null;
        });
        assertThat(q.grant(k.arn(), "g2")).isEqualTo(withEquals);
        assertThat(q.grant(k.arn(), "g1")).isEqualTo(grant(k.arn(), "g1",
                "arn:aws:iam::111122223333:role/A", null));
        assertThat(q.grant(k.arn(), "nope")).isNull();
        assertThat(q.grantsOf(k.arn())).extracting(Grant::grantId).containsExactly("g1", "g2", "g3");
        assertThat(q.grantCount(k.arn())).isEqualTo(3);

        Page<Grant> p1 = q.grants(k.arn(), null, null, null, 2);
        assertThat(p1.items()).extracting(Grant::grantId).containsExactly("g1", "g2");
        assertThat(p1.truncated()).isTrue();
        assertThat(q.grants(k.arn(), null, null, "g2", 2).items()).extracting(Grant::grantId)
                .containsExactly("g3");
        assertThat(q.grants(k.arn(), null, "arn:aws:iam::111122223333:role/A", null, 10).items())
                .extracting(Grant::grantId).containsExactly("g1", "g3");
        assertThat(q.grants(k.arn(), "g3", null, null, 10).items()).extracting(Grant::grantId)
                .containsExactly("g3");

        store.write(w -> {
            w.deleteGrant(k.arn(), "g1");
            return null;
        });
        assertThat(q.grantsOf(k.arn())).extracting(Grant::grantId).containsExactly("g2", "g3");
    }

    @Test
    void retirableGrantsSpanKeysInKeyThenGrantOrder() {
        KeyRecord a = key(ACCOUNT, REGION, "a"), b = key(ACCOUNT, REGION, "b");
        insert(a);
        insert(b);
        String retiring = "arn:aws:iam::111122223333:user/ops";
        store.write(w -> {
            w.insertGrant(grant(b.arn(), "g1", "arn:aws:iam::111122223333:role/X", retiring));
            w.insertGrant(grant(a.arn(), "g2", "arn:aws:iam::111122223333:role/X", retiring));
            w.insertGrant(grant(a.arn(), "g1", "arn:aws:iam::111122223333:role/X", retiring));
            w.insertGrant(grant(a.arn(), "g0", "arn:aws:iam::111122223333:role/X", null));
            return null;
        });
        Page<Grant> p1 = q.retirableGrants(retiring, "aws", REGION, null, null, 2);
        assertThat(p1.items()).extracting(g -> g.keyArn() + "/" + g.grantId())
                .containsExactly(a.arn() + "/g1", a.arn() + "/g2");
        assertThat(p1.truncated()).isTrue();
        Page<Grant> p2 = q.retirableGrants(retiring, "aws", REGION, a.arn(), "g2", 2);
        assertThat(p2.items()).extracting(g -> g.keyArn() + "/" + g.grantId()).containsExactly(b.arn() + "/g1");
        assertThat(p2.truncated()).isFalse();
        assertThat(q.retirableGrants("arn:aws:iam::111122223333:user/other", "aws", REGION, null, null, 5).items())
                .isEmpty();
    }

    @Test
    void retirableGrantsAreThoseOfOnePartitionAndRegionInEveryAccount() {
        KeyRecord here = key(ACCOUNT, REGION, "a"), otherAccount = key("444455556666", REGION, "b"),
                otherRegion = key(ACCOUNT, "us-east-10", "c"), otherPartition = new KeyRecord(
                "arn:aws-cn:kms:" + REGION + ":" + ACCOUNT + ":key/d", "d", ACCOUNT, REGION, T0, "", KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, "AWS_KMS", false, KeyState.ENABLED, null, null, "{}", 1, null);
        String retiring = "arn:aws:iam::111122223333:user/ops";
        for (KeyRecord k : List.of(here, otherAccount, otherRegion, otherPartition)) {
            insert(k);
            store.write(w -> {
                w.insertGrant(grant(k.arn(), "g", "arn:aws:iam::111122223333:role/X", retiring));
                return null;
            });
        }
        assertThat(q.retirableGrants(retiring, "aws", REGION, null, null, 10).items()).extracting(Grant::keyArn)
                .containsExactly(here.arn(), otherAccount.arn());
        assertThat(q.retirableGrants(retiring, "aws", "us-east-10", null, null, 10).items()).extracting(Grant::keyArn)
                .containsExactly(otherRegion.arn());
    }

    @Test
    void deletingAKeyDeletesEverythingItOwns() {
        KeyRecord k = key(ACCOUNT, REGION, "k"), other = key(ACCOUNT, REGION, "other");
        insert(k);
        insert(other);
        String aliasArn = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":alias/x";
        store.write(w -> {
            w.putTags(k.arn(), Map.of("t", "v"));
            w.insertAlias(new AliasRecord(aliasArn, "alias/x", ACCOUNT, REGION, k.arn(), T0, T0));
            w.insertGrant(grant(k.arn(), "g", "arn:aws:iam::111122223333:role/A", "arn:aws:iam::111122223333:root"));
            w.insertGrant(grant(other.arn(), "g", "arn:aws:iam::111122223333:role/A", null));
            w.deleteKey(k.arn());
            return null;
        });
        assertThat(q.key(k.arn())).isNull();
        assertThat(q.materials(k.arn())).isEmpty();
        assertThat(q.tags(k.arn())).isEmpty();
        assertThat(q.alias(aliasArn)).isNull();
        assertThat(q.grantsOf(k.arn())).isEmpty();
        assertThat(q.retirableGrants("arn:aws:iam::111122223333:root", "aws", REGION, null, null, 5).items())
                .isEmpty();
        assertThat(q.grantsOf(other.arn())).hasSize(1);
    }

    @Test
    void aFailedWriteChangesNothing() {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        insert(k);
        assertThatThrownBy(() -> store.write(w -> {
            w.putTags(k.arn(), Map.of("t", "v"));
            w.updateKey(k.withDescription("changed"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(q.tags(k.arn())).isEmpty();
        assertThat(q.key(k.arn()).description()).isEqualTo(k.description());
        // the store is still usable after the rollback
        store.write(w -> {
            w.putTags(k.arn(), Map.of("t", "v"));
            return null;
        });
        assertThat(q.tags(k.arn())).containsEntry("t", "v");
    }

    @Test
    void aWriteSeesItsOwnChanges() {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        String seen = store.write(w -> {
            w.insertKey(k, material(1), Map.of("a", "b"));
            return w.key(k.arn()).description() + "|" + w.tags(k.arn());
        });
        assertThat(seen).isEqualTo(k.description() + "|{a=b}");
    }

    @Test
    void committedChangesSurviveReopening() {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        insert(k);
        store.write(w -> {
            w.putTags(k.arn(), Map.of("t", "v"));
            w.insertGrant(grant(k.arn(), "g", "arn:aws:iam::111122223333:role/A", null));
            return null;
        });
        store.close();
        openStore();
        assertSameKey(q.key(k.arn()), k);
        assertThat(q.tags(k.arn())).containsEntry("t", "v");
        assertThat(q.grantsOf(k.arn())).hasSize(1);
        assertThat(q.materials(k.arn())).hasSize(1);
    }

    @Test
    void concurrentWritersAndReadersLoseNothing() throws Exception {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        insert(k);
        int threads = 6, perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String tag = "t" + thread + "-" + i;
                        // read-modify-write of the revision: lost updates would show as a smaller final revision
                        store.write(w -> {
                            w.updateKey(w.key(k.arn()).withDescription(tag));
                            w.putTags(k.arn(), Map.of(tag, "x"));
                            return null;
                        });
                        Map<String, String> tags = q.tags(k.arn());
                        assertThat(tags).containsKey(tag);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(q.key(k.arn()).revision()).isEqualTo(1 + threads * perThread);
        assertThat(q.tags(k.arn())).hasSize(threads * perThread);
    }

    @Test
    void aReadTransactionSeesOneSnapshot() {
        KeyRecord k = key(ACCOUNT, REGION, "k");
        insert(k);
        Map<String, String> seen = new LinkedHashMap<>();
        store.read(r -> {
            seen.put("before", r.key(k.arn()).description());
            store.write(w -> {
                w.updateKey(w.key(k.arn()).withDescription("changed"));
                return null;
            });
            seen.put("after", r.key(k.arn()).description());
            return null;
        });
        assertThat(seen).containsEntry("before", k.description()).containsEntry("after", k.description());
        assertThat(q.key(k.arn()).description()).isEqualTo("changed");
    }
}
