package io.trent.authz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of a Nitro Enclaves or NitroTPM attestation document (a CBOR COSE_Sign1 structure) that condition keys
 * read: the PCR values. Only parses; verifying the signature and certificate chain is the cryptography layer's job.
 *
 * @param pcrs  PCR index to value
 * @param tpm   true for a NitroTPM document ({@code nitrotpm_pcrs}), false for a Nitro enclave ({@code pcrs})
 */
public record AttestationDocument(Map<Integer, byte[]> pcrs, boolean tpm) {
    private static final int MAX_DEPTH = 16;

    /** Parses a base64 attestation document; null when it is not one (never throws). */
    public static AttestationDocument parse(String base64) {
        if (base64 == null) return null;
        try {
            return parse(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses a raw attestation document; null when it is not one (never throws). */
    public static AttestationDocument parse(byte[] cose) {
        try {
            Object sign1 = new Cbor(cose).read(0);
            if (!(sign1 instanceof List<?> parts) || parts.size() != 4 || !(parts.get(2) instanceof byte[] payload))
                return null;
            if (!(new Cbor(payload).read(0) instanceof Map<?, ?> doc)) return null;
            boolean tpm = doc.containsKey("nitrotpm_pcrs");
            if (!((tpm ? doc.get("nitrotpm_pcrs") : doc.get("pcrs")) instanceof Map<?, ?> raw)) return null;
            Map<Integer, byte[]> pcrs = new TreeMap<>();
            for (Map.Entry<?, ?> e : raw.entrySet()) {
                if (e.getKey() instanceof Long index && index >= 0 && index < 64
                        && e.getValue() instanceof byte[] value) pcrs.put(index.intValue(), value);
            }
            return new AttestationDocument(Collections.unmodifiableMap(pcrs), tpm);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Just enough CBOR (RFC 8949) for attestation documents: definite lengths, tags skipped. */
    private static final class Cbor {
        private final byte[] in;
        private int pos;

        Cbor(byte[] in) {
            this.in = in;
        }

        Object read(int depth) {
            if (depth > MAX_DEPTH) throw new IllegalStateException("too deep");
            int initial = in[pos++] & 0xff;
            int major = initial >>> 5, info = initial & 0x1f;
            if (major == 7) return simple(info);
            long arg = argument(info);
            // lengths and counts can never exceed the input
            if (major >= 2 && major <= 5 && (arg < 0 || arg > in.length)) throw new IllegalStateException("length");
            switch (major) {
                case 0: return arg;
                case 1: return -1 - arg;
                case 2: return bytes(arg);
                case 3: return new String(bytes(arg), StandardCharsets.UTF_8);
                case 4: {
                    List<Object> list = new ArrayList<>();
                    for (long i = 0; i < arg; i++) list.add(read(depth + 1));
                    return list;
                }
                case 5: {
                    Map<Object, Object> map = new HashMap<>();
                    for (long i = 0; i < arg; i++) {
                        Object k = read(depth + 1);
                        map.put(k, read(depth + 1));
                    }
                    return map;
                }
                default: return read(depth + 1); // tag: the tagged item
            }
        }

        private long argument(int info) {
            if (info < 24) return info;
            int n = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> throw new IllegalStateException("indefinite length");
            };
            long v = 0;
            for (int i = 0; i < n; i++) v = (v << 8) | (in[pos++] & 0xff);
            return v;
        }

        private byte[] bytes(long length) {
            if (length > in.length - pos) throw new IllegalStateException("truncated");
            byte[] out = new byte[(int) length];
            System.arraycopy(in, pos, out, 0, out.length);
            pos += out.length;
            return out;
        }

        private Object simple(int info) {
            switch (info) {
                case 20: return Boolean.FALSE;
                case 21: return Boolean.TRUE;
                case 22: case 23: return null;
                case 24: pos += 1; return null;
                case 25: pos += 2; return null;
                case 26: pos += 4; return null;
                case 27: pos += 8; return null;
                default: return null;
            }
        }
    }
}
