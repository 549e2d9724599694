package io.trent.server;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids in AWS's UUID shape. They only correlate logs, so a fast non-cryptographic source is enough. */
final class RequestIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {}

    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = r.nextLong(), lo = r.nextLong();
        char[] c = new char[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) c[p++] = '-';
            long word = i < 16 ? hi : lo;
            int nibble = (int) (word >>> (60 - 4 * (i & 15))) & 0xf;
            if (i == 12) nibble = 4;
            if (i == 16) nibble = 8 | (nibble & 3);
            c[p++] = HEX[nibble];
        }
        return new String(c);
    }
}
