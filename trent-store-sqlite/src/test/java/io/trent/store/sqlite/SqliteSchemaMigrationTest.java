package io.trent.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.kms.KmsServiceTestSupport;
import io.trent.kms.KmsStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A database written by the schema before key rotation (version 1) opens, keeps its keys, and gains rotation. */
class SqliteSchemaMigrationTest extends KmsServiceTestSupport {
    @Override
    protected KmsStore openStore(Path dir) {
        return SqliteStore.open(db());
    }

    private Path db() {
        return dir.resolve("trent.db");
    }

    private List<String> columns(Statement s, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) out.add(rs.getString("name"));
        }
        return out;
    }

    /** Turns the database back into the version 1 layout: no rotation table, no rotation columns. */
    private void downgradeToVersion1() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db().toAbsolutePath());
             Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE key_rotation");
            s.executeUpdate("ALTER TABLE key_material DROP COLUMN rotation_ms");
            s.executeUpdate("ALTER TABLE key_material DROP COLUMN rotation_type");
            s.executeUpdate("PRAGMA user_version = 1");
            assertThat(columns(s, "key_material")).containsExactly("key_arn", "version", "wrapped");
        }
    }

    @Test
    void aVersion1DatabaseOpensAndItsKeysRotate() throws SQLException {
        String keyId = createKey("{'Description':'from before rotation'}");
        JsonNode old = call("Encrypt", "{'KeyId':'" + keyId + "','Plaintext':'" + b64("old") + "'}");
        kms.close();
        downgradeToVersion1();

        start();
        assertThat(call("DescribeKey", "{'KeyId':'" + keyId + "'}").at("/KeyMetadata/Description").asText())
                .isEqualTo("from before rotation");
        assertThat(call("GetKeyRotationStatus", "{'KeyId':'" + keyId + "'}").get("KeyRotationEnabled").asBoolean())
                .isFalse();
        call("EnableKeyRotation", "{'KeyId':'" + keyId + "'}");
        call("RotateKeyOnDemand", "{'KeyId':'" + keyId + "'}");
        JsonNode plain = call("Decrypt", "{'CiphertextBlob':'" + old.get("CiphertextBlob").asText() + "'}");
        assertThat(new String(unb64(plain.get("Plaintext")))).isEqualTo("old");
        assertThat(call("ListKeyRotations", "{'KeyId':'" + keyId + "'}").at("/Rotations/0/RotationType").asText())
                .isEqualTo("ON_DEMAND");

        restart();
        assertThat(call("GetKeyRotationStatus", "{'KeyId':'" + keyId + "'}").get("KeyRotationEnabled").asBoolean())
                .isTrue();
        assertThat(call("ListKeyRotations", "{'KeyId':'" + keyId + "'}").get("Rotations")).hasSize(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db().toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }
}
