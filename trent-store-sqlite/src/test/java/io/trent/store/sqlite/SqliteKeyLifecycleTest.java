package io.trent.store.sqlite;

import io.trent.kms.KeyLifecycleSuite;
import io.trent.kms.KmsStore;

import java.nio.file.Path;

class SqliteKeyLifecycleTest extends KeyLifecycleSuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
