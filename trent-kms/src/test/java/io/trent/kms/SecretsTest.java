package io.trent.kms;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key material never prints, and the root key seals material to one key. */
class SecretsTest {
    private static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void secretsAndRootKeysNeverPrintTheirBytes() {
        byte[] raw = {0x41, 0x42, 0x43, 0x44};
        Secret s = Secret.copyOf(raw);
        assertThat(s.toString()).doesNotContain("ABCD").doesNotContain("41424344").contains("redacted");
        assertThat(s).isEqualTo(Secret.copyOf(raw)).isNotEqualTo(Secret.copyOf(new byte[]{1}));
        raw[0] = 0;
        assertThat(s.bytes()[0]).isEqualTo((byte) 0x41);
        s.destroy();
        assertThat(s.bytes()).containsOnly(0);

        RootKey root = RootKey.generate(new SecureRandom());
        byte[] bytes = root.toBytes();
        assertThat(root.toString()).doesNotContain(HexFormat.of().formatHex(bytes))
                .doesNotContain(Base64.getEncoder().encodeToString(bytes)).isEqualTo("RootKey[redacted]");
        Secret material = KeyGeneration.generate(KeySpec.SYMMETRIC_DEFAULT, new SecureRandom()).material();
        KeyMaterial sealed = new KeyMaterial(1, root.wrap(material, ARN));
        assertThat(sealed.toString()).doesNotContain(HexFormat.of().formatHex(material.bytes()));
    }

    @Test
    void theRootKeySealsMaterialForOneKeyArn() {
        RootKey root = RootKey.generate(new SecureRandom());
        Secret material = Secret.copyOf(new byte[]{1, 2, 3, 4, 5});
        byte[] wrapped = root.wrap(material, ARN);
        assertThat(wrapped).hasSize(1 + 12 + 5 + 16);
        assertThat(root.unwrap(wrapped, ARN)).isEqualTo(material);
        assertThat(RootKey.fromBytes(root.toBytes()).unwrap(wrapped, ARN)).isEqualTo(material);
        assertThatThrownBy(() -> root.unwrap(wrapped, ARN.replace("1234abcd", "9999abcd")))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("\u0001\u0002");
        assertThatThrownBy(() -> RootKey.generate(new SecureRandom()).unwrap(wrapped, ARN))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RootKey.fromBytes(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.wrap(material, ARN)).isNotEqualTo(wrapped);
    }
}
