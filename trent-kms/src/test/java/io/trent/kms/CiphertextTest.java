package io.trent.kms;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CiphertextTest {
    private static final String ACCOUNT = "111122223333";
    private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");

    @Test
    void theBlobDescribesItsKeyAndDecryptsWithItsContext() {
        byte[] blob = Ciphertext.seal(key, ACCOUNT, KEY_ID, 3, bytes("hello"), Map.of("a", "1"), random);
        Ciphertext.Header h = Ciphertext.header(blob);
        assertThat(h.account()).isEqualTo(ACCOUNT);
        assertThat(h.keyId()).isEqualTo(KEY_ID);
        assertThat(h.materialVersion()).isEqualTo(3);
        assertThat(blob).hasSize(h.headerLength() + 12 + 5 + 16);
        assertThat(blob[0]).isEqualTo(Ciphertext.VERSION);
        assertThat(Ciphertext.open(key, blob, h, Map.of("a", "1"))).isEqualTo(bytes("hello"));
        assertThatThrownBy(() -> Ciphertext.open(key, blob, h, Map.of("a", "2")))
                .isInstanceOf(KmsException.InvalidCiphertext.class);
        assertThatThrownBy(() -> Ciphertext.open(new SecretKeySpec(new byte[32], 0, 32, "AES") {
            @Override
            public byte[] getEncoded() {
                byte[] b = super.getEncoded();
                b[0] = 1;
                return b;
            }
        }, blob, h, Map.of("a", "1"))).isInstanceOf(KmsException.InvalidCiphertext.class);
    }

    @Test
    void headersThatAreNotOursAreInvalid() {
        assertThat(Ciphertext.header(new byte[10])).isNull();
        byte[] blob = Ciphertext.seal(key, ACCOUNT, KEY_ID, 1, bytes("x"), Map.of(), random);
        byte[] badVersion = blob.clone();
        badVersion[0] = 9;
        assertThat(Ciphertext.header(badVersion)).isNull();
        byte[] badAccount = blob.clone();
        badAccount[3] = 'x';
        assertThat(Ciphertext.header(badAccount)).isNull();
        byte[] badLength = blob.clone();
        badLength[13] = (byte) 200;
        assertThat(Ciphertext.header(badLength)).isNull();
    }

    @Test
    void theCanonicalContextIgnoresOrderAndSeparatesKeysFromValues() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(EncryptionContext.canonical(ab)).isEqualTo(EncryptionContext.canonical(ba));
        assertThat(EncryptionContext.canonical(Map.of("ab", "c"))).isNotEqualTo(EncryptionContext.canonical(Map.of("a", "bc")));
        assertThat(EncryptionContext.canonical(Map.of())).containsExactly(0, 0, 0, 0);
        assertThat(EncryptionContext.canonical(Map.of("k", "v"))).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 'k', 0, 0, 0, 1, 'v');
    }

    @Test
    void contextKeysSortByCodePoint() {
        // U+FF61 sorts before U+1F600 by code point, though its UTF-16 unit is larger than the surrogate's
        assertThat(EncryptionContext.compareCodePoints("\uFF61", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(EncryptionContext.compareCodePoints("a", "ab")).isNegative();
        assertThat(EncryptionContext.compareCodePoints("b", "b")).isZero();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
