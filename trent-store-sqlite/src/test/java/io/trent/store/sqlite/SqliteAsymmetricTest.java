package io.trent.store.sqlite;

import io.trent.kms.AsymmetricSuite;
import io.trent.kms.KmsStore;

import java.nio.file.Path;

class SqliteAsymmetricTest extends AsymmetricSuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
