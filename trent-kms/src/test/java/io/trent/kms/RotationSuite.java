package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand, ListKeyRotations, automatic
 * rotation, and the material versions that rotation leaves behind.
 */
public abstract class RotationSuite extends KmsServiceTestSupport {

    private static BigDecimal date(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli(), 3);
    }

    private JsonNode status(String keyId) {
        return call("GetKeyRotationStatus", "{'KeyId':'" + keyId + "'}");
    }

    private String key(String keyId) {
        return "{'KeyId':'" + keyId + "'}";
    }

    private JsonNode encrypt(String keyId, String text) {
        return call("Encrypt", "{'KeyId':'" + keyId + "','Plaintext':'" + b64(text) + "'}");
    }

    private JsonNode decrypt(JsonNode encrypted) {
        return call("Decrypt", "{'CiphertextBlob':'" + encrypted.get("CiphertextBlob").asText() + "'}");
    }

    private String currentMaterialId(String keyId) {
        return call("DescribeKey", key(keyId)).at("/KeyMetadata/CurrentKeyMaterialId").asText();
    }

    private List<JsonNode> rotations(String body) {
        List<JsonNode> out = new ArrayList<>();
        call("ListKeyRotations", body).get("Rotations").forEach(out::add);
        return out;
    }

    @Test
    void enablingSchedulesTheFirstRotationOnePeriodAheadAndDisablingStopsIt() {
        String keyId = createKey();
        JsonNode off = status(keyId);
        assertThat(off.get("KeyRotationEnabled").asBoolean()).isFalse();
        assertThat(off.get("KeyId").asText()).isEqualTo(keyArn(keyId));
        assertThat(off.has("NextRotationDate")).isFalse();

        assertThat(call("EnableKeyRotation", key(keyId)).size()).isZero();
        Instant enabled = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        JsonNode on = status(keyId);
        assertThat(on.get("KeyRotationEnabled").asBoolean()).isTrue();
        assertThat(on.get("RotationPeriodInDays").asInt()).isEqualTo(365);
        assertThat(on.get("NextRotationDate").decimalValue())
                .isEqualByComparingTo(date(enabled.plus(Duration.ofDays(365))));

        // a new period counts from the same starting point
        clock.advance(Duration.ofDays(10));
        call("EnableKeyRotation", "{'KeyId':'" + keyId + "','RotationPeriodInDays':90}");
        assertThat(status(keyId).get("RotationPeriodInDays").asInt()).isEqualTo(90);
        assertThat(status(keyId).get("NextRotationDate").decimalValue())
                .isEqualByComparingTo(date(enabled.plus(Duration.ofDays(90))));

        call("DisableKeyRotation", key(keyId));
        assertThat(status(keyId).get("KeyRotationEnabled").asBoolean()).isFalse();
        assertThat(status(keyId).has("RotationPeriodInDays")).isFalse();
        call("DisableKeyRotation", key(keyId)); // idempotent
    }

    @Test
    void rotationPeriodOutsideTheModelRangeIsAValidationError() {
        String keyId = createKey();
        assertThat(error("ValidationException", "EnableKeyRotation", "{'KeyId':'" + keyId + "','RotationPeriodInDays':89}"))
                .contains("rotationPeriodInDays").contains("greater than or equal to 90");
        assertThat(error("ValidationException", "EnableKeyRotation", "{'KeyId':'" + keyId + "','RotationPeriodInDays':2561}"))
                .contains("less than or equal to 2560");
        error("ValidationException", "EnableKeyRotation", "{}");
        call("EnableKeyRotation", "{'KeyId':'" + keyId + "','RotationPeriodInDays':2560}");
        assertThat(status(keyId).get("RotationPeriodInDays").asInt()).isEqualTo(2560);
        error("NotFoundException", "EnableKeyRotation", "{'KeyId':'00000000-0000-0000-0000-000000000000'}");
    }

    @Test
    void onlySymmetricEncryptionKeysWithKmsMaterialRotate() {
        String[] others = {
                createKey("{'KeySpec':'RSA_2048','KeyUsage':'ENCRYPT_DECRYPT'}"),
                createKey("{'KeySpec':'HMAC_256','KeyUsage':'GENERATE_VERIFY_MAC'}"),
                createKey("{'Origin':'EXTERNAL'}")};
        for (String keyId : others) {
            for (String op : List.of("EnableKeyRotation", "DisableKeyRotation", "RotateKeyOnDemand", "ListKeyRotations"))
                error("UnsupportedOperationException", op, key(keyId));
            assertThat(status(keyId).get("KeyRotationEnabled").asBoolean()).isFalse();
        }
    }

    @Test
    void keyStatesAreEnforced() {
        String keyId = createKey();
        call("EnableKeyRotation", key(keyId));
        call("DisableKey", key(keyId));
        error("DisabledException", "EnableKeyRotation", key(keyId));
        error("DisabledException", "DisableKeyRotation", key(keyId));
        error("DisabledException", "RotateKeyOnDemand", key(keyId));
        // a disabled key keeps its status
        assertThat(status(keyId).get("KeyRotationEnabled").asBoolean()).isTrue();
        call("EnableKey", key(keyId));

        call("ScheduleKeyDeletion", key(keyId));
        error("KMSInvalidStateException", "EnableKeyRotation", key(keyId));
        error("KMSInvalidStateException", "RotateKeyOnDemand", key(keyId));
        assertThat(status(keyId).get("KeyRotationEnabled").asBoolean()).isFalse();
        call("CancelKeyDeletion", key(keyId));
        assertThat(status(keyId).get("KeyRotationEnabled").asBoolean()).isTrue();
    }

    @Test
    void onDemandRotationEncryptsWithNewMaterialAndOldCiphertextsStillDecrypt() {
        String keyId = createKey();
        String firstMaterial = currentMaterialId(keyId);
        JsonNode before = encrypt(keyId, "before");
        JsonNode rotated = call("RotateKeyOnDemand", key(keyId));
        assertThat(rotated.get("KeyId").asText()).isEqualTo(keyArn(keyId));

        String secondMaterial = currentMaterialId(keyId);
        assertThat(secondMaterial).matches("[0-9a-f]{64}").isNotEqualTo(firstMaterial);
        JsonNode after = encrypt(keyId, "after");

        JsonNode oldPlain = decrypt(before);
        assertThat(new String(unb64(oldPlain.get("Plaintext")))).isEqualTo("before");
        assertThat(oldPlain.get("KeyMaterialId").asText()).isEqualTo(firstMaterial);
        JsonNode newPlain = decrypt(after);
        assertThat(new String(unb64(newPlain.get("Plaintext")))).isEqualTo("after");
        assertThat(newPlain.get("KeyMaterialId").asText()).isEqualTo(secondMaterial);
        assertThat(call("GenerateDataKey", "{'KeyId':'" + keyId + "','NumberOfBytes':32}").get("KeyMaterialId").asText())
                .isEqualTo(secondMaterial);

        List<JsonNode> list = rotations(key(keyId));
        assertThat(list).hasSize(1);
        JsonNode r = list.get(0);
        assertThat(r.get("KeyId").asText()).isEqualTo(keyArn(keyId));
        assertThat(r.get("KeyMaterialId").asText()).isEqualTo(secondMaterial);
        assertThat(r.get("KeyMaterialState").asText()).isEqualTo("CURRENT");
        assertThat(r.get("RotationType").asText()).isEqualTo("ON_DEMAND");
        assertThat(r.get("RotationDate").decimalValue()).isEqualByComparingTo(date(clock.instant()));
        // on-demand rotation does not enable or move automatic rotation
        assertThat(status(keyId).get("KeyRotationEnabled").asBoolean()).isFalse();
    }

    @Test
    void onDemandRotationsAreLimitedTo25PerKey() {
        String keyId = createKey();
        JsonNode first = encrypt(keyId, "v1");
        for (int i = 0; i < 25; i++) call("RotateKeyOnDemand", key(keyId));
        assertThat(error("LimitExceededException", "RotateKeyOnDemand", key(keyId))).contains("25");
        assertThat(new String(unb64(decrypt(first).get("Plaintext")))).isEqualTo("v1");
        assertThat(rotations(key(keyId))).hasSize(25);
    }

    @Test
    void listKeyRotationsPagesAndCanIncludeTheFirstMaterial() {
        String keyId = createKey();
        String original = currentMaterialId(keyId);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            call("RotateKeyOnDemand", key(keyId));
        }
        JsonNode page1 = call("ListKeyRotations", "{'KeyId':'" + keyId + "','Limit':2}");
        assertThat(page1.get("Rotations")).hasSize(2);
        assertThat(page1.get("Truncated").asBoolean()).isTrue();
        JsonNode page2 = call("ListKeyRotations", "{'KeyId':'" + keyId + "','Limit':2,'Marker':'"
                + page1.get("NextMarker").asText() + "'}");
        assertThat(page2.get("Rotations")).hasSize(1);
        assertThat(page2.get("Truncated").asBoolean()).isFalse();
        assertThat(page2.has("NextMarker")).isFalse();
        assertThat(page2.at("/Rotations/0/KeyMaterialState").asText()).isEqualTo("CURRENT");
        assertThat(page1.at("/Rotations/0/KeyMaterialState").asText()).isEqualTo("NON_CURRENT");
        assertThat(page1.at("/Rotations/0/RotationDate").decimalValue())
                .isLessThan(page1.at("/Rotations/1/RotationDate").decimalValue());

        List<JsonNode> all = rotations("{'KeyId':'" + keyId + "','IncludeKeyMaterial':'ALL_KEY_MATERIAL'}");
        assertThat(all).hasSize(4);
        assertThat(all.get(0).get("KeyMaterialId").asText()).isEqualTo(original);
        assertThat(all.get(0).has("RotationType")).isFalse();
        assertThat(all.get(0).get("KeyMaterialState").asText()).isEqualTo("NON_CURRENT");

        error("InvalidMarkerException", "ListKeyRotations", "{'KeyId':'" + keyId + "','Marker':'bogus'}");
        error("ValidationException", "ListKeyRotations", "{'KeyId':'" + keyId + "','IncludeKeyMaterial':'SOME'}");
        error("ValidationException", "ListKeyRotations", "{'KeyId':'" + keyId + "','Limit':0}");
        assertThat(rotations(key(createKey()))).isEmpty();
    }

    @Test
    void dueKeysRotateAutomaticallyOncePerPeriodAndOnlyWhileEnabled() {
        String keyId = createKey();
        String idle = createKey();
        JsonNode before = encrypt(keyId, "before");
        call("EnableKeyRotation", "{'KeyId':'" + keyId + "','RotationPeriodInDays':90}");
        assertThat(kms.rotateDueKeys()).isZero();
        clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(kms.rotateDueKeys()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(kms.rotateDueKeys()).isEqualTo(1);
        assertThat(kms.rotateDueKeys()).isZero();

        List<JsonNode> list = rotations(key(keyId));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("RotationType").asText()).isEqualTo("AUTOMATIC");
        assertThat(list.get(0).get("KeyMaterialId").asText()).isEqualTo(currentMaterialId(keyId));
        assertThat(status(keyId).get("NextRotationDate").decimalValue())
                .isEqualByComparingTo(date(clock.instant().plus(Duration.ofDays(90))));
        assertThat(rotations(key(idle))).isEmpty();
        assertThat(new String(unb64(decrypt(before).get("Plaintext")))).isEqualTo("before");
        assertThat(decrypt(encrypt(keyId, "x")).get("KeyMaterialId").asText()).isEqualTo(currentMaterialId(keyId));

        // a key that is disabled when its date passes rotates once it is enabled again
        call("DisableKey", key(keyId));
        clock.advance(Duration.ofDays(91));
        assertThat(kms.rotateDueKeys()).isZero();
        call("EnableKey", key(keyId));
        assertThat(kms.rotateDueKeys()).isEqualTo(1);
        assertThat(rotations(key(keyId))).hasSize(2);
    }

    @Test
    void rotationSettingsAndHistorySurviveARestart() {
        String keyId = createKey();
        JsonNode before = encrypt(keyId, "kept");
        call("EnableKeyRotation", "{'KeyId':'" + keyId + "','RotationPeriodInDays':180}");
        call("RotateKeyOnDemand", key(keyId));
        JsonNode statusBefore = status(keyId);
        List<JsonNode> listBefore = rotations("{'KeyId':'" + keyId + "','IncludeKeyMaterial':'ALL_KEY_MATERIAL'}");
        String current = currentMaterialId(keyId);

        restart();
        assertThat(status(keyId)).isEqualTo(statusBefore);
        assertThat(rotations("{'KeyId':'" + keyId + "','IncludeKeyMaterial':'ALL_KEY_MATERIAL'}")).isEqualTo(listBefore);
        assertThat(currentMaterialId(keyId)).isEqualTo(current);
        assertThat(new String(unb64(decrypt(before).get("Plaintext")))).isEqualTo("kept");
        assertThat(decrypt(encrypt(keyId, "new")).get("KeyMaterialId").asText()).isEqualTo(current);
    }

    @Test
    void rotationOperationsAreAuthorizedWithTheRotationPeriodConditionKey() {
        String keyId = createKey();
        errorAs(ALICE, "AccessDeniedException", "EnableKeyRotation", key(keyId));
        errorAs(ALICE, "AccessDeniedException", "RotateKeyOnDemand", key(keyId));
        errorAs(ALICE, "AccessDeniedException", "GetKeyRotationStatus", key(keyId));
        errorAs(ALICE, "AccessDeniedException", "ListKeyRotations", key(keyId));
        iamPolicies.computeIfAbsent(ALICE, k -> new ArrayList<>()).add("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:EnableKeyRotation",
                 "Resource":"*","Condition":{"NumericLessThanEquals":{"kms:RotationPeriodInDays":"180"}}}]}""");
        errorAs(ALICE, "AccessDeniedException", "EnableKeyRotation", "{'KeyId':'" + keyArn(keyId) + "','RotationPeriodInDays':365}");
        callAs(ALICE, "EnableKeyRotation", "{'KeyId':'" + keyArn(keyId) + "','RotationPeriodInDays':180}");
        assertThat(status(keyId).get("RotationPeriodInDays").asInt()).isEqualTo(180);
        // nothing changed for the denied attempts
        assertThat(rotations(key(keyId))).isEmpty();
    }
}
