package io.trent.store.sqlite;

import io.trent.kms.KeyMaterial;
import io.trent.kms.KeyRecord;
import io.trent.kms.KeySpec;
import io.trent.kms.KeyState;
import io.trent.kms.KeyUsage;
import io.trent.kms.KmsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write the store acknowledged survives kill -9 of the process: a child JVM inserts keys and prints an
 * acknowledgement after each commit; it is killed mid-stream, and every acknowledged key must be readable.
 */
class CrashDurabilityTest {
    @TempDir
    Path dir;

    /** The child: inserts keys until killed, printing "ACK n" after each commit returns. */
    public static void main(String[] args) {
        KmsStore store = SqliteStore.open(Path.of(args[0]));
        for (int i = 0; ; i++) {
            KeyRecord k = key(i);
            store.write(w -> {
                w.insertKey(k, new KeyMaterial(1, new byte[]{(byte) k.keyId().hashCode()}), Map.of("n", k.keyId()));
                return null;
            });
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }

    static KeyRecord key(int i) {
        String id = String.format("00000000-0000-4000-8000-%012d", i);
        return new KeyRecord("arn:aws:kms:us-east-1:111122223333:key/" + id, id, "111122223333", "us-east-1",
                Instant.EPOCH, "", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, "AWS_KMS", false,
                KeyState.ENABLED, null, null, "{}", 1, null);
    }

    @Test
    void acknowledgedWritesSurviveKillDashNine() throws Exception {
        Path db = dir.resolve("crash.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashDurabilityTest.class.getName(), db.toString()).redirectErrorStream(true).start();
        int acked = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) acked = Integer.parseInt(line.substring(4));
                if (acked >= 30) break;
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acked).as("the child acknowledged writes").isGreaterThanOrEqualTo(30);
        try (KmsStore store = SqliteStore.open(db)) {
            for (int i = 0; i <= acked; i++) {
                KeyRecord k = key(i);
                KeyRecord stored = store.read(r -> r.key(k.arn()));
                Map<String, String> tags = store.read(r -> r.tags(k.arn()));
                List<KeyMaterial> materials = store.read(r -> r.materials(k.arn()));
                assertThat(stored).as("key %d", i).isNotNull();
                assertThat(tags).containsEntry("n", k.keyId());
                assertThat(materials).hasSize(1);
            }
        }
    }
}
