package io.trent.store.sqlite;

import java.util.List;

/** The tables. Times are epoch milliseconds; text sorts by code point (SQLite BINARY on UTF-8). */
final class Schema {
    private Schema() {}

    /** A column added after the first schema: databases made before it get it by ALTER TABLE. */
    record AddedColumn(String table, String column, String type) {}

    /** Schema 2 (key rotation): the rotation that made each material version. */
    static final List<AddedColumn> ADDED_COLUMNS = List.of(
            new AddedColumn("key_material", "rotation_ms", "INTEGER"),
            new AddedColumn("key_material", "rotation_type", "TEXT"));

    static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS keys (
              arn TEXT PRIMARY KEY,
              key_id TEXT NOT NULL,
              account TEXT NOT NULL,
              region TEXT NOT NULL,
              creation_ms INTEGER NOT NULL,
              description TEXT NOT NULL,
              key_spec TEXT NOT NULL,
              key_usage TEXT NOT NULL,
              origin TEXT NOT NULL,
              multi_region INTEGER NOT NULL,
              state TEXT NOT NULL,
              deletion_ms INTEGER,
              pending_window_days INTEGER,
              policy TEXT NOT NULL,
              revision INTEGER NOT NULL,
              public_key BLOB
            ) WITHOUT ROWID""",
            "CREATE UNIQUE INDEX IF NOT EXISTS keys_by_account ON keys (account, region, key_id)",
            "CREATE INDEX IF NOT EXISTS keys_by_deletion ON keys (deletion_ms) WHERE deletion_ms IS NOT NULL",
            """
            CREATE TABLE IF NOT EXISTS key_material (
              key_arn TEXT NOT NULL REFERENCES keys (arn) ON DELETE CASCADE,
              version INTEGER NOT NULL,
              wrapped BLOB NOT NULL,
              rotation_ms INTEGER,
              rotation_type TEXT,
              PRIMARY KEY (key_arn, version)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE IF NOT EXISTS key_rotation (
              key_arn TEXT PRIMARY KEY REFERENCES keys (arn) ON DELETE CASCADE,
              period_days INTEGER NOT NULL,
              next_ms INTEGER NOT NULL
            ) WITHOUT ROWID""",
            "CREATE INDEX IF NOT EXISTS key_rotation_by_next ON key_rotation (next_ms)",
            """
            CREATE TABLE IF NOT EXISTS tags (
              key_arn TEXT NOT NULL REFERENCES keys (arn) ON DELETE CASCADE,
              tag_key TEXT NOT NULL,
              tag_value TEXT NOT NULL,
              PRIMARY KEY (key_arn, tag_key)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE IF NOT EXISTS aliases (
              arn TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              account TEXT NOT NULL,
              region TEXT NOT NULL,
              target_key_arn TEXT NOT NULL REFERENCES keys (arn) ON DELETE CASCADE,
              creation_ms INTEGER NOT NULL,
              updated_ms INTEGER NOT NULL
            ) WITHOUT ROWID""",
            "CREATE UNIQUE INDEX IF NOT EXISTS aliases_by_account ON aliases (account, region, name)",
            "CREATE INDEX IF NOT EXISTS aliases_by_target ON aliases (target_key_arn, name)",
            """
            CREATE TABLE IF NOT EXISTS grants (
              key_arn TEXT NOT NULL REFERENCES keys (arn) ON DELETE CASCADE,
              grant_id TEXT NOT NULL,
              name TEXT,
              grantee TEXT NOT NULL,
              retiring TEXT,
              operations TEXT NOT NULL,
              ec_subset TEXT,
              ec_equals TEXT,
              issuing_account TEXT NOT NULL,
              creation_ms INTEGER NOT NULL,
              PRIMARY KEY (key_arn, grant_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX IF NOT EXISTS grants_by_retiring ON grants (retiring, key_arn, grant_id) WHERE retiring IS NOT NULL");
}
