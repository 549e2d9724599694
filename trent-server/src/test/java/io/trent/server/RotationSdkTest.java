package io.trent.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key rotation through the AWS SDK for Java v2 against the real server. */
class RotationSdkTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static KmsClient alice;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, Fixtures.CONFIG, null);
        alice = Fixtures.client(server.endpoint(), "AKIAALICE", "alice-secret", Region.US_WEST_2);
    }

    @AfterAll
    static void stop() {
        alice.close();
        server.close();
    }

    @Test
    void rotationSettingsOnDemandRotationAndOldCiphertexts() {
        String keyId = alice.createKey(r -> { }).keyMetadata().keyId();
        SdkBytes plaintext = SdkBytes.fromString("rotated over HTTP", StandardCharsets.UTF_8);
        SdkBytes before = alice.encrypt(r -> r.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        String firstMaterial = alice.describeKey(r -> r.keyId(keyId)).keyMetadata().currentKeyMaterialId();

        Instant enabledAt = Instant.now();
        alice.enableKeyRotation(r -> r.keyId(keyId).rotationPeriodInDays(180));
        GetKeyRotationStatusResponse status = alice.getKeyRotationStatus(r -> r.keyId(keyId));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(180);
        assertThat(Duration.between(enabledAt, status.nextRotationDate()).toDays()).isBetween(179L, 180L);

        assertThat(alice.rotateKeyOnDemand(r -> r.keyId(keyId)).keyId()).endsWith(keyId);
        String secondMaterial = alice.describeKey(r -> r.keyId(keyId)).keyMetadata().currentKeyMaterialId();
        assertThat(secondMaterial).isNotEqualTo(firstMaterial);

        DecryptResponse old = alice.decrypt(r -> r.ciphertextBlob(before));
        assertThat(old.plaintext()).isEqualTo(plaintext);
        assertThat(old.keyMaterialId()).isEqualTo(firstMaterial);
        SdkBytes after = alice.encrypt(r -> r.keyId(keyId).plaintext(plaintext)).ciphertextBlob();
        assertThat(alice.decrypt(r -> r.ciphertextBlob(after)).keyMaterialId()).isEqualTo(secondMaterial);

        ListKeyRotationsResponse list = alice.listKeyRotations(r -> r.keyId(keyId));
        assertThat(list.rotations()).hasSize(1);
        RotationsListEntry entry = list.rotations().get(0);
        assertThat(entry.rotationType()).isEqualTo(RotationType.ON_DEMAND);
        assertThat(entry.keyMaterialId()).isEqualTo(secondMaterial);
        assertThat(entry.rotationDate()).isNotNull();
        assertThat(list.truncated()).isFalse();

        alice.disableKeyRotation(r -> r.keyId(keyId));
        assertThat(alice.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isFalse();

        String hmac = alice.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                .keyMetadata().keyId();
        assertThatThrownBy(() -> alice.enableKeyRotation(r -> r.keyId(hmac)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
