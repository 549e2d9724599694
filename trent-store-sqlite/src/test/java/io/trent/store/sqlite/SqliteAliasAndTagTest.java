package io.trent.store.sqlite;

import io.trent.kms.KmsStore;
import io.trent.kms.AliasAndTagSuite;

import java.nio.file.Path;

class SqliteAliasAndTagTest extends AliasAndTagSuite {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(dir.resolve("trent.db"));
    }
}
