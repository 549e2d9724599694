package io.trent.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Date values of Date* conditions (section 4.2): the W3C ISO-8601 profiles {@code YYYY}, {@code YYYY-MM},
 * {@code YYYY-MM-DD}, {@code YYYY-MM-DDThh:mm}, {@code YYYY-MM-DDThh:mm:ss}, {@code YYYY-MM-DDThh:mm:ss.s} (one to
 * nine fraction digits), each time form with an optional zone {@code Z} or {@code ±hh:mm} (none = UTC); or epoch
 * seconds as an integer string. A string of exactly four digits is a year, not an epoch value.
 */
final class Dates {
    private static final long MIN_EPOCH = Instant.MIN.getEpochSecond(), MAX_EPOCH = Instant.MAX.getEpochSecond();

    private Dates() {}

    /** The instant, or null when {@code s} is in none of the accepted forms. Never throws. */
    static Instant parse(String s) {
        int n = s.length();
        if (n == 0) return null;
        if (isEpoch(s)) return epoch(s);
        int year = digits(s, 0, 4);
        if (year < 0) return null;
        int month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0, offset = 0;
        int i = 4;
        if (i < n) {
            if (s.charAt(i) != '-' || (month = digits(s, i + 1, 2)) < 1 || month > 12) return null;
            i += 3;
        }
        if (i < n) {
            if (s.charAt(i) != '-' || (day = digits(s, i + 1, 2)) < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth())
                return null;
            i += 3;
        }
        if (i < n) {
            if (i != 10 || s.charAt(i) != 'T') return null;
            hour = digits(s, i + 1, 2);
            if (hour < 0 || hour > 23 || i + 3 >= n || s.charAt(i + 3) != ':') return null;
            minute = digits(s, i + 4, 2);
            if (minute < 0 || minute > 59) return null;
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                if (second < 0 || second > 59) return null;
                i += 3;
                if (i < n && s.charAt(i) == '.') {
                    int start = ++i;
                    while (i < n && i - start < 10 && isDigit(s.charAt(i))) i++;
                    int len = i - start;
                    if (len == 0 || len > 9) return null;
                    nanos = digits(s, start, len);
                    for (int k = len; k < 9; k++) nanos *= 10;
                }
            }
            if (i < n) {
                char z = s.charAt(i);
                if (z == 'Z') {
                    i++;
                } else if (z == '+' || z == '-') {
                    int oh = digits(s, i + 1, 2);
                    if (oh < 0 || oh > 23 || i + 3 >= n || s.charAt(i + 3) != ':') return null;
                    int om = digits(s, i + 4, 2);
                    if (om < 0 || om > 59) return null;
                    offset = (z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
                    i += 6;
                } else {
                    return null;
                }
            }
            if (i != n) return null;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offset;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static boolean isEpoch(String s) {
        int start = s.charAt(0) == '-' ? 1 : 0;
        if (s.length() == start || s.length() - start > 18) return false;
        for (int i = start; i < s.length(); i++) if (!isDigit(s.charAt(i))) return false;
        return !(start == 0 && s.length() == 4);
    }

    private static Instant epoch(String s) {
        long v = Long.parseLong(s);
        return v < MIN_EPOCH || v > MAX_EPOCH ? null : Instant.ofEpochSecond(v);
    }

    /** Value of exactly {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        if (from < 0 || from + len > s.length()) return -1;
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
