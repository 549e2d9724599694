package io.trent.store.sqlite;

import io.trent.kms.KmsStore;
import io.trent.kms.CryptoSuite;

import java.nio.file.Path;

class SqliteCryptoTest extends CryptoSuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
