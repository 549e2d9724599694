package io.trent.policy;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * An IPv4 or IPv6 CIDR range of IpAddress/NotIpAddress (section 4.2). A bare address is a /32 or /128 range.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are IPv4. An IPv4 address is never inside an IPv6 range and
 * vice versa. Parsing never resolves host names and never throws.
 */
final class IpRange {
    private final boolean v4;
    private final long hi, lo, maskHi, maskLo;

    private IpRange(boolean v4, long hi, long lo, int prefix) {
        this.v4 = v4;
        int hiBits = v4 ? 0 : Math.min(prefix, 64);
        int loBits = v4 ? prefix : prefix - hiBits;
        int loWidth = v4 ? 32 : 64;
        this.maskHi = hiBits == 0 ? 0 : -1L << (64 - hiBits);
        this.maskLo = loBits == 0 ? 0 : (loWidth == 64 ? -1L << (64 - loBits) : ((1L << 32) - 1) & (-1L << (32 - loBits)));
        this.hi = hi & maskHi;
        this.lo = lo & maskLo;
    }

    /** The range, or null when {@code s} is not an address or CIDR. */
    static IpRange parse(String s) {
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        long[] a = parseAddress(address);
        if (a == null) return null;
        boolean v4 = a[2] != 0, mapped = a[3] != 0;
        if (slash < 0) return new IpRange(v4, a[0], a[1], v4 ? 32 : 128);
        int prefix = smallInt(s, slash + 1, s.length());
        if (prefix < 0 || prefix > (v4 && !mapped ? 32 : 128)) return null;
        if (!mapped) return new IpRange(v4, a[0], a[1], prefix);
        // a mapped range shorter than /96 reaches beyond the IPv4 space: keep it as the IPv6 range it is
        return prefix >= 96 ? new IpRange(true, 0, a[1], prefix - 96) : new IpRange(false, 0, 0xffff_0000_0000L | a[1], prefix);
    }

    boolean isV4() {
        return v4;
    }

    /** The lowest address of the range (32-bit for IPv4, 128-bit for IPv6). */
    BigInteger first() {
        return v4 ? BigInteger.valueOf(lo) : unsigned128(hi, lo);
    }

    /** The highest address of the range. */
    BigInteger last() {
        return v4 ? BigInteger.valueOf(lo | (~maskLo & 0xffff_ffffL)) : unsigned128(hi | ~maskHi, lo | ~maskLo);
    }

    private static BigInteger unsigned128(long hi, long lo) {
        return new BigInteger(1, ByteBuffer.allocate(16).putLong(hi).putLong(lo).array());
    }

    /** Whether the request address {@code s} lies in this range; false when {@code s} is not an address. */
    boolean contains(String s) {
        if (v4) {
            long a = parseV4(s, 0, s.length());
            if (a < 0) {
                long[] mapped = s.indexOf(':') >= 0 ? parseAddress(s) : null;
                if (mapped == null || mapped[2] == 0) return false;
                a = mapped[1];
            }
            return (a & maskLo) == lo;
        }
        if (s.indexOf(':') < 0) return false;
        long[] a = parseAddress(s);
        return a != null && a[2] == 0 && (a[0] & maskHi) == hi && (a[1] & maskLo) == lo;
    }

    /**
     * {hi, lo, isV4, wasMapped}: an IPv4 address (dotted or IPv4-mapped IPv6) in lo with isV4 = 1; an IPv6
     * address in hi/lo. Null when not an address.
     */
    private static long[] parseAddress(String s) {
        if (s.indexOf(':') < 0) {
            long v = parseV4(s, 0, s.length());
            return v < 0 ? null : new long[] {0, v, 1, 0};
        }
        long[] v6 = parseV6(s);
        if (v6 == null) return null;
        if (v6[0] == 0 && (v6[1] >>> 32) == 0xffffL) return new long[] {0, v6[1] & 0xffff_ffffL, 1, 1};
        return new long[] {v6[0], v6[1], 0, 0};
    }

    /** Dotted quad in [from, to) as an unsigned 32-bit value, or -1. */
    private static long parseV4(String s, int from, int to) {
        long v = 0;
        int octets = 0, i = from;
        while (octets < 4) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') octet = octet * 10 + (s.charAt(i++) - '0');
            if (i == start || octet > 255) return -1;
            v = (v << 8) | octet;
            if (++octets < 4) {
                if (i >= to || s.charAt(i) != '.') return -1;
                i++;
            }
        }
        return i == to ? v : -1;
    }

    private static long[] parseV6(String s) {
        int n = s.length();
        int[] groups = new int[8];
        int count = 0, gap = -1, i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (n > 0 && s.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            int start = i;
            int value = 0;
            while (i < n && i - start < 5 && Character.digit(s.charAt(i), 16) >= 0) value = (value << 4) | Character.digit(s.charAt(i++), 16);
            if (i < n && s.charAt(i) == '.') {
                long v4 = parseV4(s, start, n);
                if (v4 < 0 || count > 6) return null;
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = n;
                break;
            }
            if (i == start || i - start > 4 || count == 8) return null;
            groups[count++] = value;
            if (i == n) break;
            if (s.charAt(i) != ':') return null;
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) return null;
                gap = count;
                i++;
            } else if (i == n) {
                return null;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) return null;
        int[] full = new int[8];
        if (gap < 0) {
            System.arraycopy(groups, 0, full, 0, 8);
        } else {
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - (count - gap), count - gap);
        }
        long hi = 0, lo = 0;
        for (int k = 0; k < 4; k++) hi = (hi << 16) | full[k];
        for (int k = 4; k < 8; k++) lo = (lo << 16) | full[k];
        return new long[] {hi, lo};
    }

    private static int smallInt(String s, int from, int to) {
        if (from == to || to - from > 3) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
