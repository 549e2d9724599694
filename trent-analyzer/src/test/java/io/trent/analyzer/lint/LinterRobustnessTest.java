package io.trent.analyzer.lint;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The linter reads any text: it never throws, and a document cut short is always MALFORMED_POLICY. */
class LinterRobustnessTest {
    private static final List<String> POLICIES = examplePolicies();

    private static List<String> examplePolicies() {
        try {
            return LintExample.files(LintExamplesTest.examplesDir()).stream().map(f -> {
                try {
                    return LintExample.read(f).policyText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of(POLICIES);
    }

    @Property(tries = 300)
    void everyStrictPrefixOfAPolicyIsMalformedAndNeverThrows(@ForAll("policies") String policy,
                                                              @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        String prefix = policy.strip().substring(0, cut % policy.strip().length());

        assertThat(Linter.lint(prefix, LintMode.KEY_POLICY)).extracting(Finding::code).contains("MALFORMED_POLICY");
    }

    @Property(tries = 500)
    void mutatedPoliciesNeverThrow(@ForAll("policies") String policy, @ForAll @IntRange(min = 0, max = 10_000) int at,
                                   @ForAll char replacement) {
        char[] chars = policy.toCharArray();
        chars[at % chars.length] = replacement;
        String mutated = new String(chars);

        for (LintMode mode : LintMode.values()) {
            assertThat(Linter.lint(mutated, mode)).allSatisfy(f -> {
                assertThat(LintCode.valueOf(f.code()).severity()).isEqualTo(f.severity());
                assertThat(f.path()).startsWith("$");
                assertThat(f.message()).isNotBlank();
            });
        }
    }

    @Property(tries = 200)
    void jsonOfAnyShapeNeverThrows(@ForAll("json") String json) {
        assertThat(Linter.lint(json, LintMode.KEY_POLICY)).isNotNull();
        assertThat(Linter.lint("{\"Version\": \"2012-10-17\", \"Statement\": [" + json + "]}", LintMode.KEY_POLICY))
                .isNotNull();
    }

    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> scalars = Arbitraries.oneOf(Arbitraries.of("null", "true", "1.5e3", "-7", "\"*\"",
                "\"kms:*\"", "\"Allow\"", "\"arn:aws:iam::111122223333:root\"", "\"${aws:username}\""),
                Arbitraries.strings().ofMaxLength(8).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
        Arbitrary<String> names = Arbitraries.of("Effect", "Principal", "Action", "Resource", "Condition", "AWS",
                "Service", "StringEquals", "ForAllValues:StringLike", "Null", "kms:ViaService",
                "kms:EncryptionContext:a", "aws:SourceArn", "NotAction", "Statement", "Version", "x");
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                Arbitraries.maps(names, inner).ofMaxSize(4).map(m -> {
                    StringBuilder sb = new StringBuilder("{");
                    m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
                    return sb.append('}').toString();
                })), 4);
    }

}
