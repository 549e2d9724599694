package io.trent.kms;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantTokensTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenNamesItsGrantAndEveryTokenIsNew() {
        String arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        String id = GrantTokens.newGrantId(random);
        assertThat(GrantTokens.isGrantId(id)).isTrue();
        String t1 = GrantTokens.token(arn, id, random), t2 = GrantTokens.token(arn, id, random);
        assertThat(t1).isNotEqualTo(t2);
        assertThat(GrantTokens.decode(t1)).isEqualTo(new GrantTokens.Decoded(arn, id));
        assertThat(GrantTokens.decode(t2)).isEqualTo(new GrantTokens.Decoded(arn, id));
    }

    @Test
    void anythingElseIsAnInvalidGrantToken() {
        String arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        String good = GrantTokens.token(arn, GrantTokens.newGrantId(random), random);
        for (String bad : new String[]{"", "x", "!!!", good.substring(0, good.length() - 3), good + "AAAA",
                "Ag" + good.substring(2), GrantTokens.token("arn:not-kms", GrantTokens.newGrantId(random), random)})
            assertThatThrownBy(() -> GrantTokens.decode(bad)).as(bad).isInstanceOf(KmsException.InvalidGrantToken.class);
        assertThat(GrantTokens.isGrantId("G".repeat(64))).isFalse();
    }
}
