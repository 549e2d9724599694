package io.trent.store.sqlite;

import io.trent.kms.KmsStore;
import io.trent.kms.PolicySuite;

import java.nio.file.Path;

class SqlitePolicyTest extends PolicySuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
