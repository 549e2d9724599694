package io.trent.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trent.authz.Grant;
import io.trent.kms.AliasRecord;
import io.trent.kms.KeyMaterial;
import io.trent.kms.KeyRecord;
import io.trent.kms.KeySpec;
import io.trent.kms.KeyState;
import io.trent.kms.KeyUsage;
import io.trent.kms.KmsStore;
import io.trent.kms.Page;
import io.trent.kms.RotationSchedule;
import io.trent.kms.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One connection with its prepared statements, used by one thread at a time; it is the Reader/Writer handed to
 * transaction work.
 */
final class SqliteTx implements KmsStore.Writer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final String KEY_COLUMNS = "arn, key_id, account, region, creation_ms, description, key_spec, "
            + "key_usage, origin, multi_region, state, deletion_ms, pending_window_days, policy, revision, public_key";
    private static final String GRANT_COLUMNS = "key_arn, grant_id, name, grantee, retiring, operations, ec_subset, "
            + "ec_equals, issuing_account, creation_ms";
    private static final String ALIAS_COLUMNS = "arn, name, account, region, target_key_arn, creation_ms, updated_ms";

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqliteTx(Connection connection) {
        this.connection = connection;
    }

    /** Ends the transaction: commit, or roll back (also the way read transactions end). */
    void finish(boolean commit) {
        try {
            if (commit) connection.commit();
            else connection.rollback();
        } catch (SQLException e) {
            if (commit) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the commit failure is what matters
                }
            }
            throw new StoreException((commit ? "commit" : "rollback") + " failed: " + e.getMessage(), e);
        }
    }

    void close() {
        try {
            for (PreparedStatement ps : statements.values()) ps.close();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("closing the SQLite connection failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try {
            PreparedStatement ps = prepare(sql);
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("query failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private <T> T queryOne(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(sql, binder, mapper);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private int update(String sql, Binder binder) {
        try {
            PreparedStatement ps = prepare(sql);
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed (" + sql + "): " + e.getMessage(), e);
        }
    }

    private void updateExactlyOne(String what, String sql, Binder binder) {
        int n = update(sql, binder);
        if (n != 1) throw new StoreException(what + " does not exist");
    }

    private static <T> Page<T> page(List<T> rows, int limit) {
        return rows.size() > limit ? new Page<>(rows.subList(0, limit), true) : new Page<>(rows, false);
    }

    // ---- keys ----

    @Override
    public KeyRecord key(String keyArn) {
        return queryOne("SELECT " + KEY_COLUMNS + " FROM keys WHERE arn = ?", ps -> ps.setString(1, keyArn),
                SqliteTx::keyRow);
    }

    @Override
    public Page<KeyRecord> keys(String account, String region, String afterKeyId, int limit) {
        return page(query("SELECT " + KEY_COLUMNS + " FROM keys WHERE account = ? AND region = ? AND key_id > ? "
                + "ORDER BY key_id LIMIT ?", ps -> {
            ps.setString(1, account);
            ps.setString(2, region);
            ps.setString(3, afterKeyId == null ? "" : afterKeyId);
            ps.setInt(4, limit + 1);
        }, SqliteTx::keyRow), limit);
    }

    @Override
    public List<KeyRecord> keysDueForDeletion(Instant now, int limit) {
        return query("SELECT " + KEY_COLUMNS + " FROM keys WHERE deletion_ms IS NOT NULL AND deletion_ms <= ? "
                + "AND state = ? ORDER BY deletion_ms LIMIT ?", ps -> {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, KeyState.PENDING_DELETION.awsName());
            ps.setInt(3, limit);
        }, SqliteTx::keyRow);
    }

    private static KeyRecord keyRow(ResultSet rs) throws SQLException {
        long deletion = rs.getLong(12);
        Instant deletionDate = rs.wasNull() ? null : Instant.ofEpochMilli(deletion);
        int window = rs.getInt(13);
        Integer pendingWindow = rs.wasNull() ? null : window;
        return new KeyRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), KeySpec.valueOf(rs.getString(7)),
                KeyUsage.valueOf(rs.getString(8)), rs.getString(9), rs.getInt(10) != 0,
                KeyState.ofAwsName(rs.getString(11)), deletionDate, pendingWindow, rs.getString(14),
                rs.getLong(15), rs.getBytes(16));
    }

    @Override
    public void insertKey(KeyRecord key, KeyMaterial material, Map<String, String> tags) {
        update("INSERT INTO keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, key.arn());
            ps.setString(2, key.keyId());
            ps.setString(3, key.account());
            ps.setString(4, key.region());
            bindMutableKeyColumns(ps, key, 5);
        });
        if (material != null) insertMaterial(key.arn(), material);
        putTags(key.arn(), tags);
    }

    /** Binds creation_ms .. public_key starting at parameter {@code i}. */
    private static void bindMutableKeyColumns(PreparedStatement ps, KeyRecord key, int i) throws SQLException {
        ps.setLong(i++, key.creationDate().toEpochMilli());
        ps.setString(i++, key.description());
        ps.setString(i++, key.keySpec().name());
        ps.setString(i++, key.keyUsage().name());
        ps.setString(i++, key.origin());
        ps.setInt(i++, key.multiRegion() ? 1 : 0);
        ps.setString(i++, key.state().awsName());
        if (key.deletionDate() == null) ps.setNull(i++, Types.INTEGER);
        else ps.setLong(i++, key.deletionDate().toEpochMilli());
        if (key.pendingWindowInDays() == null) ps.setNull(i++, Types.INTEGER);
        else ps.setInt(i++, key.pendingWindowInDays());
        ps.setString(i++, key.policy());
        ps.setLong(i++, key.revision());
        byte[] publicKey = key.publicKey();
        if (publicKey == null) ps.setNull(i, Types.BLOB);
        else ps.setBytes(i, publicKey);
    }

    @Override
    public void updateKey(KeyRecord key) {
        updateExactlyOne("key " + key.arn(), "UPDATE keys SET creation_ms = ?, description = ?, key_spec = ?, "
                + "key_usage = ?, origin = ?, multi_region = ?, state = ?, deletion_ms = ?, pending_window_days = ?, "
                + "policy = ?, revision = ?, public_key = ? WHERE arn = ?", ps -> {
            bindMutableKeyColumns(ps, key, 1);
            ps.setString(13, key.arn());
        });
    }

    @Override
    public void deleteKey(String keyArn) {
        // aliases, tags, grants and material go with it (ON DELETE CASCADE)
        updateExactlyOne("key " + keyArn, "DELETE FROM keys WHERE arn = ?", ps -> ps.setString(1, keyArn));
    }

    // ---- material ----

    @Override
    public List<KeyMaterial> materials(String keyArn) {
        return query("SELECT version, wrapped, rotation_ms, rotation_type FROM key_material WHERE key_arn = ? "
                + "ORDER BY version", ps -> ps.setString(1, keyArn), rs -> {
            long rotation = rs.getLong(3);
            Instant rotationDate = rs.wasNull() ? null : Instant.ofEpochMilli(rotation);
            String type = rs.getString(4);
            return new KeyMaterial(rs.getInt(1), rs.getBytes(2), rotationDate,
                    type == null ? null : KeyMaterial.RotationType.valueOf(type));
        });
    }

    @Override
    public void insertMaterial(String keyArn, KeyMaterial material) {
        update("INSERT INTO key_material (key_arn, version, wrapped, rotation_ms, rotation_type) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, keyArn);
            ps.setInt(2, material.version());
            ps.setBytes(3, material.wrapped());
            if (material.rotationDate() == null) {
                ps.setNull(4, Types.INTEGER);
                ps.setNull(5, Types.VARCHAR);
            } else {
                ps.setLong(4, material.rotationDate().toEpochMilli());
                ps.setString(5, material.rotationType().name());
            }
        });
    }

    // ---- rotation schedules ----

    private static RotationSchedule rotationRow(ResultSet rs) throws SQLException {
        return new RotationSchedule(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)));
    }

    @Override
    public RotationSchedule rotation(String keyArn) {
        return queryOne("SELECT key_arn, period_days, next_ms FROM key_rotation WHERE key_arn = ?",
                ps -> ps.setString(1, keyArn), SqliteTx::rotationRow);
    }

    @Override
    public List<RotationSchedule> rotationsDue(Instant now, int limit) {
        return query("SELECT r.key_arn, r.period_days, r.next_ms FROM key_rotation r JOIN keys k ON k.arn = r.key_arn "
                + "WHERE r.next_ms <= ? AND k.state = ? ORDER BY r.next_ms, r.key_arn LIMIT ?", ps -> {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, KeyState.ENABLED.awsName());
            ps.setInt(3, limit);
        }, SqliteTx::rotationRow);
    }

    @Override
    public void putRotation(RotationSchedule r) {
        update("INSERT INTO key_rotation (key_arn, period_days, next_ms) VALUES (?, ?, ?) ON CONFLICT (key_arn) "
                + "DO UPDATE SET period_days = excluded.period_days, next_ms = excluded.next_ms", ps -> {
            ps.setString(1, r.keyArn());
            ps.setInt(2, r.periodInDays());
            ps.setLong(3, r.nextRotationDate().toEpochMilli());
        });
    }

    @Override
    public void deleteRotation(String keyArn) {
        update("DELETE FROM key_rotation WHERE key_arn = ?", ps -> ps.setString(1, keyArn));
    }

    // ---- tags ----

    @Override
    public Map<String, String> tags(String keyArn) {
        Map<String, String> out = new LinkedHashMap<>();
        query("SELECT tag_key, tag_value FROM tags WHERE key_arn = ? ORDER BY tag_key", ps -> ps.setString(1, keyArn),
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    @Override
    public void putTags(String keyArn, Map<String, String> tags) {
        for (Map.Entry<String, String> t : tags.entrySet())
            update("INSERT INTO tags (key_arn, tag_key, tag_value) VALUES (?, ?, ?) "
                    + "ON CONFLICT (key_arn, tag_key) DO UPDATE SET tag_value = excluded.tag_value", ps -> {
                ps.setString(1, keyArn);
                ps.setString(2, t.getKey());
                ps.setString(3, t.getValue());
            });
    }

    @Override
    public void removeTags(String keyArn, Collection<String> tagKeys) {
        for (String k : tagKeys)
            update("DELETE FROM tags WHERE key_arn = ? AND tag_key = ?", ps -> {
                ps.setString(1, keyArn);
                ps.setString(2, k);
            });
    }

    // ---- aliases ----

    private static AliasRecord aliasRow(ResultSet rs) throws SQLException {
        return new AliasRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)));
    }

    @Override
    public AliasRecord alias(String aliasArn) {
        return queryOne("SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE arn = ?", ps -> ps.setString(1, aliasArn),
                SqliteTx::aliasRow);
    }

    @Override
    public List<AliasRecord> aliasesOf(String keyArn) {
        return query("SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE target_key_arn = ? ORDER BY name",
                ps -> ps.setString(1, keyArn), SqliteTx::aliasRow);
    }

    @Override
    public Page<AliasRecord> aliases(String account, String region, String targetKeyArn, String afterName, int limit) {
        String sql = "SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE account = ? AND region = ? AND name > ? "
                + (targetKeyArn == null ? "" : "AND target_key_arn = ? ") + "ORDER BY name LIMIT ?";
        return page(query(sql, ps -> {
            int i = 1;
            ps.setString(i++, account);
            ps.setString(i++, region);
            ps.setString(i++, afterName == null ? "" : afterName);
            if (targetKeyArn != null) ps.setString(i++, targetKeyArn);
            ps.setInt(i, limit + 1);
        }, SqliteTx::aliasRow), limit);
    }

    @Override
    public void insertAlias(AliasRecord a) {
        update("INSERT INTO aliases (" + ALIAS_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, a.arn());
            ps.setString(2, a.name());
            ps.setString(3, a.account());
            ps.setString(4, a.region());
            ps.setString(5, a.targetKeyArn());
            ps.setLong(6, a.creationDate().toEpochMilli());
            ps.setLong(7, a.lastUpdatedDate().toEpochMilli());
        });
    }

    @Override
    public void updateAlias(AliasRecord a) {
        updateExactlyOne("alias " + a.arn(), "UPDATE aliases SET target_key_arn = ?, updated_ms = ? WHERE arn = ?",
                ps -> {
                    ps.setString(1, a.targetKeyArn());
                    ps.setLong(2, a.lastUpdatedDate().toEpochMilli());
                    ps.setString(3, a.arn());
                });
    }

    @Override
    public void deleteAlias(String aliasArn) {
        updateExactlyOne("alias " + aliasArn, "DELETE FROM aliases WHERE arn = ?", ps -> ps.setString(1, aliasArn));
    }

    // ---- grants ----

    private static Grant grantRow(ResultSet rs) throws SQLException {
        String ops = rs.getString(6);
        return new Grant(rs.getString(2), rs.getString(3), rs.getString(1), rs.getString(4), rs.getString(5),
                ops.isEmpty() ? List.of() : Arrays.asList(ops.split(",")), fromJson(rs.getString(7)),
                fromJson(rs.getString(8)), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)));
    }

    private static Map<String, String> fromJson(String json) {
        if (json == null) return null;
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored grant constraint is not a JSON object of strings", e);
        }
    }

    private static String toJson(Map<String, String> map) {
        if (map == null) return null;
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialize a grant constraint", e);
        }
    }

    @Override
    public Grant grant(String keyArn, String grantId) {
        return queryOne("SELECT " + GRANT_COLUMNS + " FROM grants WHERE key_arn = ? AND grant_id = ?", ps -> {
            ps.setString(1, keyArn);
            ps.setString(2, grantId);
        }, SqliteTx::grantRow);
    }

    @Override
    public List<Grant> grantsOf(String keyArn) {
        return query("SELECT " + GRANT_COLUMNS + " FROM grants WHERE key_arn = ? ORDER BY grant_id",
                ps -> ps.setString(1, keyArn), SqliteTx::grantRow);
    }

    @Override
    public int grantCount(String keyArn) {
        return queryOne("SELECT count(*) FROM grants WHERE key_arn = ?", ps -> ps.setString(1, keyArn),
                rs -> rs.getInt(1));
    }

    @Override
    public Page<Grant> grants(String keyArn, String grantId, String granteePrincipal, String afterGrantId, int limit) {
        String sql = "SELECT " + GRANT_COLUMNS + " FROM grants WHERE key_arn = ? AND grant_id > ? "
                + (grantId == null ? "" : "AND grant_id = ? ")
                + (granteePrincipal == null ? "" : "AND grantee = ? ") + "ORDER BY grant_id LIMIT ?";
        return page(query(sql, ps -> {
            int i = 1;
            ps.setString(i++, keyArn);
            ps.setString(i++, afterGrantId == null ? "" : afterGrantId);
            if (grantId != null) ps.setString(i++, grantId);
            if (granteePrincipal != null) ps.setString(i++, granteePrincipal);
            ps.setInt(i, limit + 1);
        }, SqliteTx::grantRow), limit);
    }

    @Override
    public Page<Grant> retirableGrants(String retiringPrincipal, String partition, String region, String afterKeyArn,
                                       String afterGrantId, int limit) {
        // the key ARNs of one partition and Region are those from "arn:P:kms:R:" (inclusive) to "arn:P:kms:R;"
        String from = "arn:" + partition + ":kms:" + region + ":";
        String to = from.substring(0, from.length() - 1) + ";";
        String afterKey = afterKeyArn == null ? "" : afterKeyArn;
        String afterGrant = afterGrantId == null ? "" : afterGrantId;
        return page(query("SELECT " + GRANT_COLUMNS + " FROM grants WHERE retiring = ? AND key_arn >= ? AND key_arn < ? "
                + "AND (key_arn > ? OR (key_arn = ? AND grant_id > ?)) ORDER BY key_arn, grant_id LIMIT ?", ps -> {
            ps.setString(1, retiringPrincipal);
            ps.setString(2, from);
            ps.setString(3, to);
            ps.setString(4, afterKey);
            ps.setString(5, afterKey);
            ps.setString(6, afterGrant);
            ps.setInt(7, limit + 1);
        }, SqliteTx::grantRow), limit);
    }

    @Override
    public void insertGrant(Grant g) {
        update("INSERT INTO grants (" + GRANT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, g.keyArn());
            ps.setString(2, g.grantId());
            ps.setString(3, g.name());
            ps.setString(4, g.granteePrincipal());
            ps.setString(5, g.retiringPrincipal());
            ps.setString(6, String.join(",", g.operations()));
            ps.setString(7, toJson(g.encryptionContextSubset()));
            ps.setString(8, toJson(g.encryptionContextEquals()));
            ps.setString(9, g.issuingAccount());
            ps.setLong(10, g.creationDate().toEpochMilli());
        });
    }

    @Override
    public void deleteGrant(String keyArn, String grantId) {
        updateExactlyOne("grant " + grantId + " of " + keyArn, "DELETE FROM grants WHERE key_arn = ? AND grant_id = ?",
                ps -> {
                    ps.setString(1, keyArn);
                    ps.setString(2, grantId);
                });
    }
}
