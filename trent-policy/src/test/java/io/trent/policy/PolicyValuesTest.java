package io.trent.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public reading of condition values for tools agrees with what the evaluator uses. */
class PolicyValuesTest {
    @Test
    void globTokensKeepEscapesLiteral() {
        assertThat(PolicyValues.glob("a*${*}?", true)).containsExactly('a', PolicyValues.STAR, '*', PolicyValues.QMARK);
        assertThat(PolicyValues.glob("a${*}", false)).containsExactly('a', '$', '{', PolicyValues.STAR, '}');
        assertThat(PolicyValues.glob("${aws:username}", true)).isNull();
        assertThat(PolicyValues.text("${$}x", true)).isEqualTo("$x");
        assertThatThrownBy(() -> PolicyValues.text("${aws:username", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionPatternsMatchAsTheEvaluatorDoes() {
        assertThat(PolicyValues.actionPattern("KMS:GenerateDataKey*").test("kms:generatedatakeypair")).isTrue();
        assertThat(PolicyValues.actionPattern("kms:?ncrypt").test("kms:Encrypt")).isTrue();
        assertThat(PolicyValues.actionPattern("kms:?ncrypt").test("kms:ReEncrypt")).isFalse();
        assertThat(PolicyValues.actionPattern("*").test("")).isTrue();
        assertThat(PolicyValues.actionPattern("kms:Decrypt").test("kms:DecryptX")).isFalse();
    }

    @Test
    void datesAndNumbers() {
        assertThat(PolicyValues.date("2026-01-01")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(PolicyValues.date("1767225600")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(PolicyValues.date("soon")).isNull();
        assertThat(PolicyValues.decimal("-2.50")).isEqualByComparingTo(new BigDecimal("-2.5"));
        assertThat(PolicyValues.decimal("1e3")).isNull();
    }

    @Test
    void ipBlocks() {
        assertThat(PolicyValues.ip("10.1.2.3/8")).isEqualTo(new PolicyValues.IpBlock(true, BigInteger.valueOf(0x0a00_0000L),
                BigInteger.valueOf(0x0aff_ffffL)));
        assertThat(PolicyValues.ip("::ffff:10.0.0.1")).isEqualTo(new PolicyValues.IpBlock(true, BigInteger.valueOf(0x0a00_0001L),
                BigInteger.valueOf(0x0a00_0001L)));
        PolicyValues.IpBlock v6 = PolicyValues.ip("2001:db8::/32");
        assertThat(v6.v4()).isFalse();
        assertThat(v6.first()).isEqualTo(new BigInteger("20010db8000000000000000000000000", 16));
        assertThat(v6.last()).isEqualTo(new BigInteger("20010db8ffffffffffffffffffffffff", 16));
        assertThat(PolicyValues.ip("0.0.0.0/0").last()).isEqualTo(BigInteger.valueOf(0xffff_ffffL));
        assertThat(PolicyValues.ip("::/0").last()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
        assertThat(PolicyValues.ip("host.example")).isNull();
    }
}
