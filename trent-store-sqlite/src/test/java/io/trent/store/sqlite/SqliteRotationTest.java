package io.trent.store.sqlite;

import io.trent.kms.KmsStore;
import io.trent.kms.RotationSuite;

import java.nio.file.Path;

class SqliteRotationTest extends RotationSuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
