package io.trent.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The two forms of a request context: built tables and lazily derived keys. */
class RequestContextTest {
    @Test
    void builtContextsFoldKeysAndKeepTheLastValue() {
        RequestContext.Key via = RequestContext.Key.of("kms:ViaService");
        RequestContext ctx = RequestContext.builder()
                .put("kms:CallerAccount", "1")
                .put("KMS:CALLERACCOUNT", "2")
                .put(via, "ec2.us-east-1.amazonaws.com")
                .putMulti(RequestContext.Key.of("aws:TagKeys"), List.of("a", "b"))
                .put("aws:Dropped", null)
                .build();
        assertThat(ctx.get("kms:calleraccount").single()).isEqualTo("2");
        assertThat(ctx.getLower("kms:viaservice")).isEqualTo(new RequestContext.Values(List.of("ec2.us-east-1.amazonaws.com"), false));
        assertThat(ctx.get("AWS:TAGKEYS")).isEqualTo(new RequestContext.Values(List.of("a", "b"), true));
        assertThat(ctx.get("aws:dropped")).isNull();
        assertThat(ctx.asMap()).containsOnlyKeys("kms:calleraccount", "kms:viaservice", "aws:tagkeys");
        assertThat(via.lower()).isEqualTo("kms:viaservice");
    }

    @Test
    void tablesGrowAndRemovedKeysStayAbsent() {
        RequestContext.Builder b = RequestContext.builder();
        for (int i = 0; i < 500; i++) b.put("k" + i, "v" + i);
        b.remove("K7").remove("k499").remove("never-there");
        assertThat(b.has("k7")).isFalse();
        assertThat(b.has("K8")).isTrue();
        b.put("k499", "back");
        RequestContext ctx = b.build();
        for (int i = 0; i < 500; i++) {
            String expected = i == 7 ? null : i == 499 ? "back" : "v" + i;
            RequestContext.Values v = ctx.get("K" + i);
            assertThat(v == null ? null : v.single()).as("k" + i).isEqualTo(expected);
        }
        assertThat(ctx.asMap()).hasSize(499);
    }

    @Test
    void buildersCopyBeforeChangingWhatAContextHolds() {
        RequestContext.Builder b = RequestContext.builder().put("a", "1");
        RequestContext first = b.build();
        RequestContext second = b.put("a", "2").put("b", "3").build();
        RequestContext third = first.toBuilder().remove("a").put("c", "4").build();
        assertThat(first.asMap()).containsOnlyKeys("a");
        assertThat(first.get("a").single()).isEqualTo("1");
        assertThat(second.get("a").single()).isEqualTo("2");
        assertThat(third.asMap()).containsOnlyKeys("c");
        assertThat(RequestContext.empty().asMap()).isEmpty();
    }

    @Test
    void suffixedKeysFoldLikeTheWholeKey() {
        RequestContext.Key ec = RequestContext.Key.of("kms:EncryptionContext:");
        // a final sigma lower-cases by its context: the suffix must be folded together with the prefix
        for (String suffix : List.of("Tenant", "ΟΔΟΣ", "İd", "", "a:B/c")) {
            String whole = ("kms:EncryptionContext:" + suffix).toLowerCase(java.util.Locale.ROOT);
            RequestContext ctx = RequestContext.builder().put(ec, suffix, "v").build();
            assertThat(ctx.asMap()).as(suffix).containsOnlyKeys(whole);
            assertThat(ec.prefixes(suffix, whole)).as(suffix).isTrue();
            assertThat(ec.prefixes(suffix, whole + "x")).isFalse();
            assertThat(ec.prefixes(suffix + "x", whole)).isFalse();
        }
        assertThat(ec.prefixes("a", "kms:encryptioncontextkeys")).isFalse();
    }

    @Test
    void lazyContextsDeriveEachKeyOnceAndMaterializeForExplanations() {
        List<String> asked = new ArrayList<>();
        AtomicInteger materialized = new AtomicInteger();
        RequestContext ctx = RequestContext.lazy(new RequestContext.Source() {
            @Override
            public RequestContext.Values derive(String lowerKey) {
                asked.add(lowerKey);
                return switch (lowerKey) {
                    case "kms:calleraccount" -> new RequestContext.Values(List.of("111122223333"), false);
                    case "aws:tagkeys" -> new RequestContext.Values(List.of(), true);
                    default -> null;
                };
            }

            @Override
            public void putAll(RequestContext.Builder into) {
                materialized.incrementAndGet();
                into.put("kms:CallerAccount", "111122223333").putMulti("aws:TagKeys", List.of());
            }
        });
        assertThat(ctx.get("KMS:CallerAccount").single()).isEqualTo("111122223333");
        assertThat(ctx.getLower("kms:calleraccount").single()).isEqualTo("111122223333");
        assertThat(ctx.getLower("kms:viaservice")).isNull();
        assertThat(ctx.getLower("kms:viaservice")).isNull();
        assertThat(ctx.getLower("aws:tagkeys")).isEqualTo(new RequestContext.Values(List.of(), true));
        assertThat(asked).containsExactly("kms:calleraccount", "kms:viaservice", "aws:tagkeys");
        assertThat(ctx.asMap()).isEqualTo(Map.of("kms:calleraccount", new RequestContext.Values(List.of("111122223333"), false),
                "aws:tagkeys", new RequestContext.Values(List.of(), true)));
        assertThat(ctx.toBuilder().put("x", "y").build().asMap()).hasSize(3);
        assertThat(ctx.asMap()).hasSize(2);
        assertThat(materialized).hasValue(1);
    }

    @Test
    void conditionsReadLazyContextsLikeBuiltOnes() {
        CompiledStatement s = Fixtures.keyStatement("{'Effect':'Allow','Principal':'*','Action':'kms:*','Resource':'*',"
                + "'Condition':{'StringEquals':{'kms:CallerAccount':'111122223333'},'Null':{'kms:ViaService':'true'},"
                + "'ForAllValues:StringLike':{'aws:TagKeys':'a*'}}}");
        RequestContext built = RequestContext.builder().put("kms:CallerAccount", "111122223333")
                .putMulti("aws:TagKeys", List.of("ab", "ac")).build();
        RequestContext lazy = RequestContext.lazy(new RequestContext.Source() {
            @Override
            public RequestContext.Values derive(String lowerKey) {
                return built.getLower(lowerKey);
            }

            @Override
            public void putAll(RequestContext.Builder into) {
                built.asMap().forEach((k, v) -> {
                    if (v.multiValued()) into.putMulti(k, v.values());
                    else into.put(k, v.single());
                });
            }
        });
        for (RequestContext ctx : List.of(built, lazy))
            assertThat(Fixtures.evaluate(s, Fixtures.request(Fixtures.ALICE, "kms:Decrypt", Fixtures.KEY_ARN, ctx)))
                    .isEqualTo(PrincipalMatch.EVERYONE);
    }
}
