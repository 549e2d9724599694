package io.trent.store.sqlite;

import io.trent.kms.KmsStore;
import io.trent.kms.KmsStoreContractTest;

import java.nio.file.Path;

class SqliteStoreContractTest extends KmsStoreContractTest {
    @Override
    protected KmsStore open(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
