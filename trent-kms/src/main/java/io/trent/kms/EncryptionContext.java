package io.trent.kms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encryption contexts: validation of the request member, and the canonical byte form bound into ciphertexts as
 * additional authenticated data — pairs sorted by key in code-point order, each string length-prefixed, so that
 * no two different contexts share an encoding and an absent context equals {}.
 */
final class EncryptionContext {
    /** Total characters of keys and values (§11 of the reference: AWS publishes no limit; this is ours). */
    static final int MAX_CHARS = 8192;

    private EncryptionContext() {}

    /** The context of member {@code name}; empty when absent. Check its size once the request is validated. */
    static Map<String, String> read(Params params, String name) {
        Map<String, String> ctx = params.stringMap(name);
        return ctx == null ? Map.of() : ctx;
    }

    /** ValidationException when the context of member {@code name} is larger than this server accepts. */
    static void checkSize(Map<String, String> ctx, String name) {
        long chars = 0;
        for (Map.Entry<String, String> e : ctx.entrySet())
            chars += e.getKey().codePointCount(0, e.getKey().length())
                    + e.getValue().codePointCount(0, e.getValue().length());
        if (chars > MAX_CHARS)
            throw new KmsException.Validation("The encryption context " + name + " has " + chars
                    + " characters in its keys and values; at most " + MAX_CHARS + " are allowed");
    }

    static byte[] canonical(Map<String, String> ctx) {
        List<String> keys = new ArrayList<>(ctx.keySet());
        keys.sort(EncryptionContext::compareCodePoints);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + ctx.size() * 32);
        writeInt(out, keys.size());
        for (String k : keys) {
            writeString(out, k);
            writeString(out, ctx.get(k));
        }
        return out.toByteArray();
    }

    /** String order by Unicode code point (String.compareTo orders UTF-16 units, which differs above U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
