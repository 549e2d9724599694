package io.trent.kms;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/** The few DER encodings key formats (SubjectPublicKeyInfo, PKCS#8) and ECDSA signatures need. */
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

    static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    static byte[] octetString(byte[] bytes) {
        return tlv(0x04, bytes);
    }

    /** An explicitly tagged, constructed context-specific element [tag]. */
    static byte[] explicit(int tag, byte[] inner) {
        return tlv(0xA0 | tag, inner);
    }

    /**
     * The two INTEGERs of a DER ECDSA-Sig-Value SEQUENCE {r, s}; null unless {@code der} is exactly that, in
     * minimal encoding, with positive values.
     */
    static BigInteger[] ecdsaSignature(byte[] der) {
        if (der.length < 8 || der[0] != 0x30 || (der[1] & 0xff) >= 0x80 || (der[1] & 0xff) != der.length - 2)
            return null;
        BigInteger[] out = new BigInteger[2];
        int i = 2;
        for (int k = 0; k < 2; k++) {
            if (i + 2 > der.length || der[i] != 0x02) return null;
            int len = der[i + 1] & 0xff;
            i += 2;
            if (len == 0 || len >= 0x80 || i + len > der.length) return null;
            if (len > 1 && der[i] == 0 && der[i + 1] >= 0) return null; // not minimal
            out[k] = new BigInteger(Arrays.copyOfRange(der, i, i + len));
            if (out[k].signum() <= 0) return null;
            i += len;
        }
        return i == der.length ? out : null;
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
