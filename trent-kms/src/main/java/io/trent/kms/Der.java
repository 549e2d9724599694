package io.trent.kms;

import java.io.ByteArrayOutputStream;

/** The few DER encodings SubjectPublicKeyInfo needs. */
final class Der {
    private Der() {}

    static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) content.write(p, 0, p.length);
        return tlv(0x30, content.toByteArray());
    }

    static byte[] oid(byte[] encodedArcs) {
        return tlv(0x06, encodedArcs);
    }

    static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // leading byte: no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n);
        }
        out.write(content, 0, n);
        return out.toByteArray();
    }
}
