package io.trent.analyzer.symbolic;

import io.trent.policy.Policy;
import io.trent.policy.catalog.KmsAction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer against the engine, on random policies over a small vocabulary: a PASS is checked on enumerated and
 * random requests (none may contradict it), a FAIL comes with witnesses the analyzer has already replayed through the
 * engine (a disagreement throws).
 */
class DifferentialProperties {
    private static final Mode MODE = Mode.engine(Vocabulary.A);
    private static final int RANDOM_REQUESTS = 60;

    @Provide
    Arbitrary<Policy> policies() {
        return Vocabulary.policy();
    }

    @Property(tries = 60)
    void diffPassHasNoCounterexample(@ForAll("policies") Policy previous, @ForAll("policies") Policy next,
                                     @ForAll Random random) {
        Analyzer.Result r = Analyzer.diff(previous, next, MODE);
        Statistics.label("diff").collect(r.verdict());
        assertThat(r.verdict()).isNotEqualTo(Analyzer.Verdict.UNKNOWN);
        if (r.verdict() == Analyzer.Verdict.FAIL) {
            assertThat(r.findings()).isNotEmpty();
            return;
        }
        for (Vocabulary.Request req : requests(random)) {
            for (Vocabulary.World w : Vocabulary.World.values()) {
                if (Vocabulary.allows(req, next, w))
                    assertThat(Vocabulary.allows(req, previous, w))
                            .as("diff said no new access, but %s is allowed only by the new policy",
                                    Vocabulary.toCase(req, next, w))
                            .isTrue();
            }
        }
    }

    /** Nearby pairs: the new policy is the old one plus a statement, or minus one. */
    @Property(tries = 80)
    void diffOfNearbyPoliciesHasNoCounterexample(@ForAll("policies") Policy base, @ForAll("statements") String extra,
                                                 @ForAll boolean add, @ForAll Random random) {
        Policy larger = Vocabulary.withStatement(base, extra);
        Policy previous = add ? base : larger, next = add ? larger : base;
        diffPassHasNoCounterexample(previous, next, random);
    }

    @Provide
    Arbitrary<String> statements() {
        return Vocabulary.statement();
    }

    @Property(tries = 60)
    void diffOfAPolicyWithItselfPasses(@ForAll("policies") Policy policy) {
        assertThat(Analyzer.diff(policy, policy, MODE).verdict()).isEqualTo(Analyzer.Verdict.PASS);
    }

    @Property(tries = 60)
    void publicPassHasNoCounterexample(@ForAll("policies") Policy policy, @ForAll Random random) {
        Analyzer.Result r = Analyzer.publicAccess(policy, MODE);
        Statistics.label("public").collect(r.verdict());
        assertThat(r.verdict()).isNotEqualTo(Analyzer.Verdict.UNKNOWN);
        if (r.verdict() == Analyzer.Verdict.FAIL) return;
        var unknown = Vocabulary.request(Arbitraries.of("arn:aws:iam::" + Vocabulary.FRESH + ":root",
                        "arn:aws:sts::" + Vocabulary.FRESH + ":assumed-role/Zed/q", "arn:aws:iam::" + Vocabulary.FRESH + ":user/zoe"),
                Arbitraries.of(Vocabulary.OPERATIONS), Arbitraries.of("", "o-999"))
                .filter(q -> !q.ip().startsWith("10.") && !q.ip().startsWith("2001:db8"));
        for (int i = 0; i < RANDOM_REQUESTS; i++) {
            Vocabulary.Request req = unknown.generator(100).next(random).value();
            assertThat(Vocabulary.allows(req, policy, Vocabulary.World.ALLOW_ALL))
                    .as("public said PASS, but an unknown party is allowed: %s", Vocabulary.toCase(req, policy, Vocabulary.World.ALLOW_ALL))
                    .isFalse();
        }
    }

    @Property(tries = 60)
    void notGrantedPassHasNoCounterexample(@ForAll("policies") Policy policy, @ForAll Random random) {
        List<String> ops = List.of("Decrypt", "CreateGrant", "PutKeyPolicy", "ReEncryptTo", "DescribeKey");
        String op = ops.get(random.nextInt(ops.size()));
        KmsAction action = KmsAction.of(op).orElseThrow();
        String principal = random.nextBoolean() ? null : Vocabulary.CALLERS.get(random.nextInt(Vocabulary.CALLERS.size()));
        Analyzer.Result r = Analyzer.notGranted(policy, EnumSet.of(action), principal, MODE);
        Statistics.label("not-granted").collect(r.verdict());
        assertThat(r.verdict()).isNotEqualTo(Analyzer.Verdict.UNKNOWN);
        if (r.verdict() == Analyzer.Verdict.FAIL) return;
        var reqs = Vocabulary.request(principal == null ? Arbitraries.of(Vocabulary.CALLERS) : Arbitraries.just(principal),
                Arbitraries.just(op), Arbitraries.of("", "o-123", "o-999"));
        for (int i = 0; i < RANDOM_REQUESTS; i++) {
            Vocabulary.Request req = reqs.generator(100).next(random).value();
            assertThat(Vocabulary.allows(req, policy, Vocabulary.World.ALLOW_ALL))
                    .as("not-granted said PASS, but %s is allowed", Vocabulary.toCase(req, policy, Vocabulary.World.ALLOW_ALL))
                    .isFalse();
        }
    }

    private static List<Vocabulary.Request> requests(Random random) {
        List<Vocabulary.Request> out = new java.util.ArrayList<>(Vocabulary.enumerated());
        var gen = Vocabulary.request().generator(100);
        for (int i = 0; i < RANDOM_REQUESTS; i++) out.add(gen.next(random).value());
        return out;
    }
}
