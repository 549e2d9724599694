package io.trent.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * How the engine reads condition values, for tools that reason about policies without evaluating requests (the
 * analyzer). Every method gives exactly the reading the evaluator uses.
 */
public final class PolicyValues {
    /** Glob tokens: {@code *} (any sequence) and {@code ?} (one character); other tokens are literal UTF-16 units. */
    public static final int STAR = Glob.STAR, QMARK = Glob.QMARK;

    private PolicyValues() {}

    /**
     * The glob tokens of a String/ARN condition value as the evaluator reads them (escapes {@code ${*}}, {@code ${?}},
     * {@code ${$}} are literal), or null when the value has a policy variable whose value depends on the request.
     *
     * @param variables whether the policy substitutes variables (Version 2012-10-17)
     * @throws IllegalArgumentException for a malformed variable
     */
    public static int[] glob(String raw, boolean variables) {
        Template t = Template.parse(raw, variables);
        return t.hasVariables() ? null : t.constantTokens();
    }

    /** The literal text of a condition value, or null when it depends on the request (see {@link #glob}). */
    public static String text(String raw, boolean variables) {
        Template t = Template.parse(raw, variables);
        return t.hasVariables() ? null : t.constantText();
    }

    /**
     * An Action/NotAction pattern as the evaluator matches it against an action name: over the whole
     * {@code service:Name} string ignoring case, {@code *} matching any sequence and {@code ?} one character.
     */
    public static Predicate<String> actionPattern(String pattern) {
        Glob glob = Glob.of(pattern, true);
        return glob::matches;
    }

    /** A Date* value or a request date, or null when it is in no accepted form. */
    public static Instant date(String s) {
        return Dates.parse(s);
    }

    /** A Numeric* value, or null when it is not a decimal. */
    public static BigDecimal decimal(String s) {
        return Decimals.parse(s);
    }

    /**
     * An IpAddress value as an inclusive block of addresses: IPv4 as 32-bit numbers, IPv6 as 128-bit numbers
     * (IPv4-mapped IPv6 blocks of /96 or longer are IPv4).
     */
    public record IpBlock(boolean v4, BigInteger first, BigInteger last) {}

    /** The block of an IpAddress value, or null when it is not an address or CIDR. */
    public static IpBlock ip(String s) {
        IpRange r = IpRange.parse(s);
        return r == null ? null : new IpBlock(r.isV4(), r.first(), r.last());
    }
}
