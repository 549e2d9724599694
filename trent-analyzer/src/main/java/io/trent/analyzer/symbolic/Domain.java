package io.trent.analyzer.symbolic;

import java.math.BigInteger;

/**
 * What the atoms of a key's variable stand for, so that a solution can be turned into concrete request values. The
 * action and caller variables are read through {@link Space#actions} and {@link Space#principals} instead.
 */
sealed interface Domain {
    /** Strings; scalar atom {@code i >= 1} is string atom {@code i - 1}, set element {@code i} is string atom {@code i}. */
    record Strings(StringAtoms atoms) implements Domain {}

    /** Integers: numbers, epoch seconds, or IP addresses (see {@link Ips}); scalar atom {@code i >= 1} is range {@code i - 1}. */
    record Ints(IntervalAtoms atoms, Kind kind, BigInteger preferred) implements Domain {
        enum Kind { NUMBER, SECONDS, IP }
    }

    /** Scalar atom 1 is "true", 2 is "false". */
    record Bools() implements Domain {}

    int TRUE = 1, FALSE = 2;
}
