package io.trent.store.sqlite;

import io.trent.kms.KmsStore;
import io.trent.kms.GrantSuite;

import java.nio.file.Path;

class SqliteGrantTest extends GrantSuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
