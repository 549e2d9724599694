package io.trent.store.sqlite;

import io.trent.kms.KeyAgreementSuite;
import io.trent.kms.KmsStore;

import java.nio.file.Path;

class SqliteKeyAgreementTest extends KeyAgreementSuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
