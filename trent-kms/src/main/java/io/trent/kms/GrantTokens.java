package io.trent.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Grant ids and grant tokens. Grants take effect at once here (no eventual consistency), so a token only has to
 * identify its grant for RetireGrant; it carries the key ARN, the grant id and a random part (every CreateGrant
 * returns a new token, all usable). Tokens in GrantTokens are checked for syntax only.
 */
final class GrantTokens {
    private static final byte VERSION = 1;
    private static final int NONCE = 16, GRANT_ID_BYTES = 32;
    private static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private GrantTokens() {}

    record Decoded(String keyArn, String grantId) {}

    static String newGrantId(SecureRandom random) {
        byte[] b = new byte[GRANT_ID_BYTES];
        random.nextBytes(b);
        return HEX.formatHex(b);
    }

    static boolean isGrantId(String s) {
        return GRANT_ID.matcher(s).matches();
    }

    static String token(String keyArn, String grantId, SecureRandom random) {
        byte[] arn = keyArn.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + arn.length + GRANT_ID_BYTES + NONCE);
        b.put(VERSION).putShort((short) arn.length).put(arn).put(HEX.parseHex(grantId));
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        b.put(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The grant a token names; InvalidGrantTokenException when it is not a token of this server. */
    static Decoded decode(String token) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            if (b.get() != VERSION) throw invalid();
            int arnLength = b.getShort() & 0xffff;
            if (b.remaining() != arnLength + GRANT_ID_BYTES + NONCE) throw invalid();
            byte[] arn = new byte[arnLength];
            b.get(arn);
            byte[] id = new byte[GRANT_ID_BYTES];
            b.get(id);
            String keyArn = new String(arn, StandardCharsets.UTF_8);
            if (KeyIds.parseArn(keyArn) == null) throw invalid();
            return new Decoded(keyArn, HEX.formatHex(id));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw invalid();
        }
    }

    /** The GrantTokens member: at most 10 tokens of 1..8192 characters (model violations go to {@code params}). */
    static List<String> read(Params params) {
        return params.stringList("GrantTokens", 10, 1, 8192, false);
    }

    /** InvalidGrantTokenException unless every token (of a validated request) is a token of this server. */
    static void check(List<String> tokens) {
        if (tokens != null) tokens.forEach(GrantTokens::decode);
    }

    private static KmsException.InvalidGrantToken invalid() {
        return new KmsException.InvalidGrantToken("The grant token is not valid");
    }
}
