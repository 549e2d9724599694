package io.trent.policy;

import java.math.BigDecimal;

/** Decimal numbers of Numeric* conditions: an optional sign, digits, and an optional fraction ({@code -12.50}). */
final class Decimals {
    /** Marks "not a long" in {@link #parseLong}; never a value of an accepted short integer. */
    static final long NOT_LONG = Long.MIN_VALUE;

    private Decimals() {}

    static boolean isDecimal(String s) {
        int n = s.length(), i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = i;
        while (i < n && isDigit(s.charAt(i))) i++;
        if (i == digits) return false;
        if (i == n) return true;
        if (s.charAt(i) != '.') return false;
        int fraction = ++i;
        while (i < n && isDigit(s.charAt(i))) i++;
        return i == n && i > fraction;
    }

    /** The value, or null when {@code s} is not a decimal. */
    static BigDecimal parse(String s) {
        return isDecimal(s) ? new BigDecimal(s) : null;
    }

    /** Allocation-free parse of a short integer (at most 18 digits); {@link #NOT_LONG} otherwise. */
    static long parseLong(String s) {
        int n = s.length(), i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (n == i || n - i > 18) return NOT_LONG;
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) return NOT_LONG;
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
