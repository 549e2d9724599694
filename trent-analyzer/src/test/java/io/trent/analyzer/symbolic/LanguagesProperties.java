package io.trent.analyzer.symbolic;

import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import io.trent.policy.EvalRequest;
import io.trent.policy.Policy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import io.trent.policy.PrincipalMatch;
import io.trent.policy.RequestContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzer's reading of string conditions (globs, ARN patterns, case folding, variable escapes, set operators)
 * against the engine's condition matcher: for a random condition and a random request value, the condition is
 * satisfiable together with "the key has this value" exactly when the engine says it matches.
 */
class LanguagesProperties {
    private static final Caller CALLER = Caller.parseIam("arn:aws:iam::111122223333:user/alice");

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "StringEqualsIgnoreCase",
                "StringNotEqualsIgnoreCase", "ArnLike", "ArnNotLike", "ArnEquals", "ForAnyValue:StringLike",
                "ForAllValues:StringNotLike", "StringLikeIfExists");
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "A", ":", "*", "?", "/", "k", "\u00e9", "${*}", "${?}", "${$}", "\u00c9");
        return piece.list().ofMaxSize(9).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "A", ":", "*", "?", "/", "K", "k", "\u212a", "\u00e9", "\u00c9", "$",
                "\ud83d\ude00", "B");
        return piece.list().ofMaxSize(9).map(l -> String.join("", l));
    }

    private static final List<String> PIECES = List.of("a", "b", "A", ":", "*", "?", "/", "K", "k", "\u212a", "\u00e9",
            "\u00c9", "$", "\ud83d\ude00", "B");

    /** A value the pattern would match as a glob (escapes literal), with random case changes and mistakes. */
    private static String instantiate(String pattern, java.util.Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.startsWith("${", i) && i + 3 < pattern.length() && pattern.charAt(i + 3) == '}') {
                out.append(pattern.charAt(i + 2));
                i += 3;
                continue;
            }
            char c = pattern.charAt(i);
            if (c == '*') for (int n = random.nextInt(3); n > 0; n--) out.append(PIECES.get(random.nextInt(PIECES.size())));
            else if (c == '?') out.append(PIECES.get(random.nextInt(PIECES.size())));
            else out.append(random.nextInt(6) == 0 ? Character.toUpperCase(c) : c);
        }
        if (random.nextInt(8) == 0 && out.length() > 0) out.deleteCharAt(random.nextInt(out.length()));
        return out.toString();
    }

    @Property(tries = 600)
    void analyzerMatchesTheEngine(@ForAll("operators") String op, @ForAll("patterns") String pattern,
                                  @ForAll("values") String randomValue, @ForAll boolean derived,
                                  @ForAll boolean secondPattern, @ForAll java.util.Random random) {
        String value = derived ? instantiate(pattern, random) : randomValue;
        String values = secondPattern ? "[" + quote(pattern) + ", \"b*\"]" : quote(pattern);
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"*\",\"Condition\":{\"" + op + "\":{\"kms:EncryptionContext:k\":" + values + "}}}]}";
        Policy policy = PolicyParser.parse(json, PolicyType.IDENTITY_POLICY).orThrow();
        RequestContext ctx = RequestContext.builder().put("kms:encryptioncontext:k", value).build();
        boolean engine = CompiledPolicy.compile(policy).statements().get(0)
                .match(new EvalRequest(CALLER, "kms:Decrypt", "*", ctx)) != PrincipalMatch.NONE;

        Compiler c = Compiler.of(Mode.catalog(), List.of(), Map.of("arn:aws:iam::111122223333:user/alice", List.of(policy)));
        Space s = c.space;
        Var slot = s.var("ec:k");
        int atom = Space.strings(slot).find(value);
        assertThat(atom).as("every well-formed string lies in an atom").isNotNegative();
        BitSet mask = Formula.single(atom + 1);
        Formula q = Formula.and(s.constraints, c.conditionOf(policy.statements().get(0)), Formula.in(slot, mask));
        boolean analyzer = Solver.solve(q, s.box()) instanceof Solver.Result.Sat;
        assertThat(analyzer).as("%s %s against %s", op, values, value).isEqualTo(engine);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
