package io.trent.analyzer.lint;

import io.trent.policy.ConditionOperator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a condition value is readable by an operator family (check 13, INVALID_CONDITION_VALUE). */
final class ValueSyntax {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
    private static final Pattern EPOCH = Pattern.compile("-?\\d+");
    /** W3C ISO 8601 profiles: YYYY, YYYY-MM, YYYY-MM-DD, and date-times with minutes, seconds or fractions. */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    private ValueSyntax() {}

    /** Why {@code value} is unreadable for {@code family}, or null when it is fine. */
    static String problem(ConditionOperator.Family family, String value, boolean variablesEnabled) {
        return switch (family) {
            case STRING, ARN -> null;
            case NUMERIC -> NUMBER.matcher(value).matches() ? null : "is not a number";
            case DATE -> date(value) ? null : "is neither an ISO 8601 date (2024-01-31T00:00:00Z) nor epoch seconds";
            case BOOL -> bool(value) || (variablesEnabled && VARIABLE.matcher(value).matches()) ? null
                    : "is not true or false";
            case NULL -> bool(value) ? null : "is not true or false";
            case IP -> ip(value) ? null : "is not an IPv4 or IPv6 address or CIDR block";
            case BINARY -> base64(value) ? null : "is not base64";
        };
    }

    /** True when the value contains {@code *} or {@code ?} outside a {@code ${...}} variable. */
    static boolean hasWildcardOutsideVariables(String value) {
        String rest = VARIABLE.matcher(value).replaceAll("");
        return rest.indexOf('*') >= 0 || rest.indexOf('?') >= 0;
    }

    static boolean hasVariable(String value) {
        return VARIABLE.matcher(value).find();
    }

    private static boolean bool(String v) {
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }

    private static boolean date(String v) {
        if (EPOCH.matcher(v).matches()) return true;
        Matcher m = DATE.matcher(v);
        if (!m.matches()) return false;
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) != null) YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) != null) LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            }
            if (m.group(7) != null && !m.group(7).equals("Z")) {
                ZoneOffset.of(m.group(7));
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean base64(String v) {
        if (v.isEmpty()) return false;
        try {
            Base64.getDecoder().decode(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean ip(String v) {
        int slash = v.indexOf('/');
        String addr = slash < 0 ? v : v.substring(0, slash);
        int bits;
        if (addr.indexOf(':') >= 0) {
            if (!ipv6(addr)) return false;
            bits = 128;
        } else {
            if (!ipv4(addr)) return false;
            bits = 32;
        }
        if (slash < 0) return true;
        String prefix = v.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(ValueSyntax::digit)) return false;
        return Integer.parseInt(prefix) <= bits;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hexDigit(int c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ValueSyntax::digit)) return false;
            if (Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    private static boolean ipv6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return false;
        String head = dbl < 0 ? s : s.substring(0, dbl);
        String tail = dbl < 0 ? "" : s.substring(dbl + 2);
        if (head.isEmpty() && tail.isEmpty()) return dbl >= 0;
        String joined = head.isEmpty() || tail.isEmpty() ? head + tail : head + ":" + tail;
        String[] all = joined.split(":", -1);
        int groups = 0;
        for (int i = 0; i < all.length; i++) {
            String g = all[i];
            if (i == all.length - 1 && g.indexOf('.') >= 0) {
                if (!ipv4(g)) return false;
                groups += 2;
            } else {
                if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(ValueSyntax::hexDigit)) {
                    return false;
                }
                groups++;
            }
        }
        return dbl >= 0 ? groups < 8 : groups == 8;
    }
}
