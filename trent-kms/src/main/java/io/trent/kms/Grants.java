package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.authz.Grant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validation and rendering of grants (§9 of the reference). */
final class Grants {
    static final List<String> OPERATIONS = List.of("Decrypt", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "GetPublicKey",
            "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateMac", "VerifyMac", "DeriveSharedSecret");
    /** Operations a grant with encryption context constraints may hold on keys that take no context. */
    private static final Set<String> CONTEXT_FREE = Set.of("DescribeKey", "RetireGrant", "CreateGrant");
    private static final Set<String> ANY_KEY = Set.of("DescribeKey", "CreateGrant", "RetireGrant");
    private static final Set<String> SYMMETRIC = Set.of("Decrypt", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "ReEncryptFrom", "ReEncryptTo");
    private static final Set<String> ASYMMETRIC_ENCRYPTION =
            Set.of("Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GetPublicKey");
    private static final Set<String> SIGNING = Set.of("Sign", "Verify", "GetPublicKey");
    private static final Set<String> MAC = Set.of("GenerateMac", "VerifyMac");
    private static final Set<String> AGREEMENT = Set.of("DeriveSharedSecret", "GetPublicKey");
    static final int MAX_CONSTRAINT_PAIRS = 8, MAX_CONSTRAINT_VALUE = 384;

    /** Account root, IAM user, IAM role, assumed-role session, federated user — in any account. */
    private static final Pattern PRINCIPAL = Pattern.compile(
            "arn:([a-z-]+):(iam|sts)::(\\d{12}):(root|user/.+|role/(?:.+/)?([^/]+)|assumed-role/([^/]+)/[^/]+"
                    + "|federated-user/.+)");

    private Grants() {}

    /** The validated Operations member without repeats; ValidationException when it names no operation. */
    static List<String> operations(List<String> requested) {
        if (requested.isEmpty()) throw new KmsException.Validation("Operations must name at least one grant operation");
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    /** The grant operations a key of this spec and usage can perform. */
    static Set<String> validFor(KeyRecord k) {
        Set<String> out = new LinkedHashSet<>(ANY_KEY);
        switch (k.keyUsage()) {
            case ENCRYPT_DECRYPT -> out.addAll(k.keySpec().isSymmetricEncryption() ? SYMMETRIC : ASYMMETRIC_ENCRYPTION);
            case SIGN_VERIFY -> out.addAll(SIGNING);
            case GENERATE_VERIFY_MAC -> out.addAll(MAC);
            case KEY_AGREEMENT -> out.addAll(AGREEMENT);
        }
        return out;
    }

    static void checkOperationsFor(KeyRecord k, List<String> operations) {
        Set<String> valid = validFor(k);
        List<String> invalid = new ArrayList<>();
        for (String op : operations) if (!valid.contains(op)) invalid.add(op);
        if (!invalid.isEmpty())
            throw new KmsException.Validation("Grant operations " + invalid + " are not valid for " + k.arn()
                    + " (KeySpec " + k.keySpec() + ", KeyUsage " + k.keyUsage() + ")");
    }

    /** Encryption context constraints only on symmetric encryption keys, unless no listed operation takes one. */
    static void checkConstraintsFor(KeyRecord k, List<String> operations, Map<String, String> subset,
                                    Map<String, String> equals) {
        if (subset == null && equals == null) return;
        if (k.keySpec().isSymmetricEncryption() || CONTEXT_FREE.containsAll(operations)) return;
        throw new KmsException.Validation("Encryption context grant constraints are only valid for symmetric "
                + "encryption KMS keys; " + k.arn() + " is " + k.keySpec());
    }

    /** One constraint map of Constraints; null when absent or empty (an empty map constrains nothing). */
    static Map<String, String> constraint(JsonNode constraints, String member) {
        JsonNode n = constraints.get(member);
        if (n == null || n.isNull()) return null;
        Map<String, String> map = Params.stringMap(n, "Constraints." + member);
        return map.isEmpty() ? null : map;
    }

    /** The limits of one constraint map: at most 8 pairs, values of at most 384 characters. */
    static void checkConstraint(Map<String, String> map, String member) {
        if (map == null) return;
        if (map.size() > MAX_CONSTRAINT_PAIRS)
            throw new KmsException.Validation("Constraints." + member + " has " + map.size()
                    + " pairs; at most " + MAX_CONSTRAINT_PAIRS + " are allowed");
        for (Map.Entry<String, String> e : map.entrySet())
            if (e.getValue().codePointCount(0, e.getValue().length()) > MAX_CONSTRAINT_VALUE)
                throw new KmsException.Validation("The value of " + e.getKey() + " in Constraints." + member
                        + " is longer than " + MAX_CONSTRAINT_VALUE + " characters");
    }

    /** A grantee or retiring principal: an IAM principal ARN that exists. InvalidArnException otherwise. */
    static void checkPrincipal(String arn, PrincipalDirectory directory) {
        Matcher m = PRINCIPAL.matcher(arn);
        boolean ok = m.matches();
        if (ok) {
            String partition = m.group(1), account = m.group(3), rest = m.group(4);
            if (rest.startsWith("user/") || rest.startsWith("role/")) ok = directory.exists(arn);
            else if (rest.startsWith("assumed-role/"))
                ok = directory.exists("arn:" + partition + ":iam::" + account + ":role/" + m.group(6));
            ok = ok && (m.group(2).equals("sts") == (rest.startsWith("assumed-role/") || rest.startsWith("federated-user/")));
        }
        if (!ok) throw new KmsException.InvalidArn("ARN does not refer to a valid principal: " + arn);
    }

    static ObjectNode render(Grant g, String partition) {
        ObjectNode e = Json.object().put("KeyId", g.keyArn()).put("GrantId", g.grantId());
        if (g.name() != null) e.put("Name", g.name());
        e.set("CreationDate", Json.timestamp(g.creationDate()));
        e.put("GranteePrincipal", g.granteePrincipal());
        if (g.retiringPrincipal() != null) e.put("RetiringPrincipal", g.retiringPrincipal());
        e.put("IssuingAccount", "arn:" + partition + ":iam::" + g.issuingAccount() + ":root");
        e.set("Operations", Json.strings(g.operations()));
        if (g.encryptionContextSubset() != null || g.encryptionContextEquals() != null) {
            ObjectNode c = e.putObject("Constraints");
            if (g.encryptionContextSubset() != null)
                c.set("EncryptionContextSubset", Json.stringMap(g.encryptionContextSubset()));
            if (g.encryptionContextEquals() != null)
                c.set("EncryptionContextEquals", Json.stringMap(g.encryptionContextEquals()));
        }
        return e;
    }

    static String partitionOf(String keyArn) {
        return keyArn.substring(4, keyArn.indexOf(':', 4));
    }
}
