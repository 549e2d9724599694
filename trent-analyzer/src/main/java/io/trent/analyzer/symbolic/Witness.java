package io.trent.analyzer.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.policy.Policy;
import io.trent.policy.catalog.KmsAction;

import java.math.BigInteger;
import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a solution of the solver into a conformance case (shared/conformance/README.md): one concrete request, the
 * key it targets, and the identity-side policies of the world in which the access exists.
 */
final class Witness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String OTHER_KEY_ID = "0000aaaa-00aa-00aa-00aa-000000000000";

    /**
     * The identity side of a witness. ALLOW_ALL: the caller's identity policies allow every KMS action (delegated access
     * exists). NONE: no identity policy (only access that needs none). BOUNDED: no identity policy and a permissions
     * boundary that allows nothing on the key, for access that a role principal would not give.
     */
    enum World { ALLOW_ALL, NONE, BOUNDED }

    static World worldFor(int level) {
        return switch (level) {
            case Compiler.FULL -> World.BOUNDED;
            case Compiler.ROLE -> World.NONE;
            default -> World.ALLOW_ALL;
        };
    }

    private final Space space;
    private final Box box;

    Witness(Space space, Box box) {
        this.space = space;
        this.box = box;
    }

    KmsAction action() {
        return space.actions.get(box.scalar(space.action).nextSetBit(1) - 1);
    }

    PrincipalSpace.Cell cell() {
        return space.principals.cells.get(box.scalar(space.principal).nextSetBit(1) - 1);
    }

    /** The chosen atom of a scalar variable: absent when allowed, else the first value. */
    private int atom(Var v) {
        BitSet b = box.scalar(v);
        return b.get(Var.ABSENT) ? Var.ABSENT : b.nextSetBit(1);
    }

    /** The value of a string, number or Boolean variable, or null when absent (or not in the space). */
    String value(String name) {
        Var v = space.var(name);
        if (v == null) return null;
        int a = atom(v);
        if (a == Var.ABSENT) return null;
        if (v.domain instanceof Domain.Strings s) return s.atoms().example(a - 1);
        if (v.domain instanceof Domain.Bools) return a == Domain.TRUE ? "true" : "false";
        if (v.domain instanceof Domain.Ints i) return format(i, i.atoms().example(a - 1, i.preferred()));
        throw new IllegalStateException(name);
    }

    private static String format(Domain.Ints d, BigInteger n) {
        return switch (d.kind()) {
            case NUMBER -> n.toString();
            case SECONDS -> Instant.ofEpochSecond(n.longValueExact()).toString();
            case IP -> ip(n);
        };
    }

    static String ip(BigInteger n) {
        if (n.compareTo(Space.V6_OFFSET) < 0) {
            long v = n.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        BigInteger a = n.subtract(Space.V6_OFFSET);
        StringBuilder s = new StringBuilder();
        for (int g = 7; g >= 0; g--) {
            s.append(Integer.toHexString(a.shiftRight(16 * g).intValue() & 0xffff));
            if (g > 0) s.append(':');
        }
        return s.toString();
    }

    /** The elements of a set variable, or null when absent. */
    private List<String> set(Var v) {
        BitSet chosen = box.set(v).pick(true);
        if (chosen == null) return null;
        StringAtoms atoms = Space.strings(v);
        return chosen.stream().mapToObj(atoms::example).toList();
    }

    /**
     * A map parameter (encryption context, tags): every chosen key spelling with the value of its slot; without a
     * key-set variable, one entry per present slot.
     */
    private Map<String, String> map(String keysVar, String slotPrefix) {
        Map<String, String> out = new LinkedHashMap<>();
        Var keys = space.var(keysVar);
        if (keys != null) {
            List<String> names = set(keys);
            if (names == null) return out;
            for (String name : names) {
                String value = "x";
                for (Var slot : space.vars) {
                    if (!slot.name.startsWith(slotPrefix)) continue;
                    if (Space.caseVariants(slot.name.substring(slotPrefix.length())).run(name)) {
                        value = value(slot.name);
                        break;
                    }
                }
                out.put(name, value);
            }
            return out;
        }
        for (Var slot : space.vars) {
            if (!slot.name.startsWith(slotPrefix)) continue;
            String v = value(slot.name);
            if (v != null) out.put(slot.name.substring(slotPrefix.length()), v);
        }
        return out;
    }

    /**
     * The case.
     *
     * @param policy      the key policy the case carries
     * @param world       the identity side
     * @param identity    identity policies to include instead of a world (who-can with given policies); null for none
     */
    ObjectNode toCase(String description, Policy policy, World world, Map<String, List<Policy>> identity) {
        Mode mode = space.mode;
        KmsAction action = action();
        PrincipalSpace.Cell cell = cell();
        PrincipalSpace ps = space.principals;
        ObjectNode c = F.objectNode();
        c.put("description", description);
        c.put("source", "trent analyze (generated witness)");

        ObjectNode key = c.putObject("key");
        key.put("arn", mode.keyArn());
        key.set("policy", json(policy.text()));
        putIf(key, "keySpec", value(Keys.KEY_SPEC));
        putIf(key, "keyUsage", value(Keys.KEY_USAGE));
        putIf(key, "origin", value(Keys.KEY_ORIGIN));
        if ("true".equals(value(Keys.MULTI_REGION))) {
            key.put("multiRegion", true);
            putIf(key, "multiRegionKeyType", value(Keys.MULTI_REGION_TYPE));
        }
        String alias = value("kms:requestalias");
        if (alias != null) key.putArray("aliases").add(alias);

        if (identity != null) {
            ObjectNode ip = F.objectNode();
            for (Map.Entry<String, List<Policy>> e : identity.entrySet()) {
                ArrayNode docs = ip.putArray(e.getKey());
                for (Policy p : e.getValue()) docs.add(json(p.text()));
            }
            if (!ip.isEmpty()) c.set("identityPolicies", ip);
        } else if (cell.iam() && cell.kind() != PrincipalSpace.Kind.ROOT) {
            String holder = cell.kind() == PrincipalSpace.Kind.FEDERATED ? ps.callerArn(cell) : ps.holderArn(cell);
            if (world == World.ALLOW_ALL) {
                c.putObject("identityPolicies").putArray(holder).add(allow("kms:*", "*"));
            } else {
                ObjectNode extra = extraIam(action, cell);
                if (extra != null) c.putObject("identityPolicies").putArray(holder).add(extra);
                if (world == World.BOUNDED && cell.kind() == PrincipalSpace.Kind.SESSION)
                    c.putObject("permissionsBoundaries").set(holder, extra != null ? extra : allow("kms:ListAliases", "*"));
            }
        }

        ObjectNode req = c.putObject("request");
        ObjectNode caller = req.putObject("caller");
        if (cell.iam()) {
            caller.put("arn", ps.callerArn(cell));
            ObjectNode tags = F.objectNode();
            for (Var v : space.vars) {
                if (!v.name.startsWith(Keys.PRINCIPAL_TAG)) continue;
                String t = value(v.name);
                if (t != null) tags.put(v.name.substring(Keys.PRINCIPAL_TAG.length()), t);
            }
            if (!tags.isEmpty()) caller.set("tags", tags);
        } else {
            caller.put("service", ps.callerArn(cell));
        }
        req.put("operation", operation(action));
        req.set("parameters", parameters(action, alias));
        putIf(req, "viaService", value(Keys.VIA));
        putIf(req, "sourceArn", value(Keys.SOURCE_ARN));
        putIf(req, "sourceAccount", value(Keys.SOURCE_ACCOUNT));
        putIf(req, "sourceIp", value("aws:sourceip"));
        if ("false".equals(value("aws:securetransport"))) req.put("secureTransport", false);
        putIf(req, "time", value(Keys.TIME));
        ObjectNode context = F.objectNode();
        for (Var v : space.vars) {
            if (!freeContext(v.name)) continue;
            if (v.scalar()) {
                putIf(context, Keys.spelling(v.name), value(v.name));
            } else {
                List<String> values = set(v);
                if (values != null) {
                    ArrayNode a = context.putArray(Keys.spelling(v.name));
                    values.forEach(a::add);
                }
            }
        }
        if (!context.isEmpty()) req.set("context", context);
        c.putObject("expect").put("decision", "Allow");
        return c;
    }

    /** Global keys that only request.context can carry. */
    private static boolean freeContext(String name) {
        if (name.contains("/") || !name.startsWith("aws:")) return false;
        return switch (name) {
            case Keys.VIA_AWS, Keys.SOURCE_ARN, Keys.SOURCE_ACCOUNT, Keys.TAG_KEYS, Keys.REGION, Keys.RESOURCE_ACCOUNT,
                 "aws:sourceip", "aws:securetransport" -> false;
            default -> true;
        };
    }

    /** The identity-policy Allow the operation needs besides the key (the alias of alias operations, CreateKey of ReplicateKey). */
    private ObjectNode extraIam(KmsAction action, PrincipalSpace.Cell cell) {
        String region = space.mode.region() == null ? Mode.DEFAULT_REGION : space.mode.region();
        String account = space.mode.keyAccount() == null ? space.principals.account(cell) : space.mode.keyAccount();
        return switch (action) {
            case CREATE_ALIAS, DELETE_ALIAS, UPDATE_ALIAS -> allow(action.iamName(),
                    "arn:" + space.mode.partition() + ":kms:" + region + ":" + account + ":alias/*");
            case REPLICATE_KEY -> allow("kms:CreateKey", "*");
            default -> null;
        };
    }

    private static ObjectNode allow(String action, String resource) {
        ObjectNode p = F.objectNode();
        p.put("Version", "2012-10-17");
        ObjectNode s = p.putArray("Statement").addObject();
        s.put("Effect", "Allow");
        s.put("Action", action);
        s.put("Resource", resource);
        return p;
    }

    static String operation(KmsAction a) {
        return switch (a) {
            case RE_ENCRYPT_FROM, RE_ENCRYPT_TO -> "ReEncrypt";
            default -> a.actionName();
        };
    }

    private ObjectNode parameters(KmsAction a, String alias) {
        Mode mode = space.mode;
        String keyArn = mode.keyArn();
        String keyId = alias != null ? alias : keyArn;
        String otherKey = keyArn.substring(0, keyArn.lastIndexOf('/') + 1) + OTHER_KEY_ID;
        ObjectNode p = F.objectNode();
        Map<String, String> ec = Keys.EC_OPS.contains(a) ? map(Keys.EC_KEYS, Keys.EC_SLOT) : Map.of();
        String ea = or(value(Keys.ENCRYPTION_ALGORITHM), "SYMMETRIC_DEFAULT");
        switch (a) {
            case RE_ENCRYPT_FROM, RE_ENCRYPT_TO -> {
                boolean from = a == KmsAction.RE_ENCRYPT_FROM;
                p.put("CiphertextBlob", "AQIDBA==");
                p.put("SourceKeyId", from ? keyId : otherKey);
                p.put("DestinationKeyId", from ? otherKey : keyId);
                String side = from ? "Source" : "Destination";
                if (!ec.isEmpty()) p.set(side + "EncryptionContext", JSON.valueToTree(ec));
                p.put(side + "EncryptionAlgorithm", ea);
            }
            case CREATE_GRANT -> {
                p.put("KeyId", keyId);
                putIf(p, "GranteePrincipal", spaceValue("kms:granteeprincipal", "arn:aws:iam::444455556666:role/Grantee"));
                Var ops = space.var("kms:grantoperations");
                List<String> operations = ops == null ? List.of("Decrypt") : set(ops);
                ArrayNode o = p.putArray("Operations");
                if (operations != null) operations.forEach(o::add);
                putIf(p, "RetiringPrincipal", value("kms:retiringprincipal"));
                if (!ec.isEmpty()) {
                    String type = or(value(Keys.CONSTRAINT_TYPE), "EncryptionContextSubset");
                    p.putObject("Constraints").set(type, JSON.valueToTree(ec));
                }
            }
            default -> {
                p.put("KeyId", keyId);
                if (!ec.isEmpty()) p.set("EncryptionContext", JSON.valueToTree(ec));
                switch (a) {
                    case ENCRYPT -> {
                        p.put("Plaintext", "d2l0bmVzcw==");
                        p.put("EncryptionAlgorithm", ea);
                    }
                    case DECRYPT -> {
                        p.put("CiphertextBlob", "AQIDBA==");
                        p.put("EncryptionAlgorithm", ea);
                    }
                    case GENERATE_DATA_KEY, GENERATE_DATA_KEY_WITHOUT_PLAINTEXT -> p.put("KeySpec", "AES_256");
                    case GENERATE_DATA_KEY_PAIR, GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT ->
                            putIf(p, "KeyPairSpec", spaceValue("kms:datakeypairspec", "RSA_2048"));
                    case SIGN, VERIFY -> {
                        p.put("Message", "d2l0bmVzcw==");
                        p.put("MessageType", or(value("kms:messagetype"), "RAW"));
                        putIf(p, "SigningAlgorithm", spaceValue("kms:signingalgorithm", "ECDSA_SHA_256"));
                        if (a == KmsAction.VERIFY) p.put("Signature", "AQIDBA==");
                    }
                    case GENERATE_MAC, VERIFY_MAC -> {
                        p.put("Message", "d2l0bmVzcw==");
                        putIf(p, "MacAlgorithm", spaceValue("kms:macalgorithm", "HMAC_SHA_256"));
                        if (a == KmsAction.VERIFY_MAC) p.put("Mac", "AQIDBA==");
                    }
                    case DERIVE_SHARED_SECRET -> {
                        putIf(p, "KeyAgreementAlgorithm", spaceValue("kms:keyagreementalgorithm", "ECDH"));
                        p.put("PublicKey", "AQIDBA==");
                    }
                    case REVOKE_GRANT -> p.put("GrantId", "0123456789abcdef");
                    case PUT_KEY_POLICY -> {
                        p.put("PolicyName", "default");
                        p.put("Policy", PERMISSIVE_POLICY);
                        String bypass = value("kms:bypasspolicylockoutsafetycheck");
                        if (bypass != null) p.put("BypassPolicyLockoutSafetyCheck", Boolean.parseBoolean(bypass));
                    }
                    case GET_KEY_POLICY -> p.put("PolicyName", "default");
                    case SCHEDULE_KEY_DELETION ->
                            putNumber(p, "PendingWindowInDays", or(value("kms:schedulekeydeletionpendingwindowindays"), "30"));
                    case ENABLE_KEY_ROTATION -> putNumber(p, "RotationPeriodInDays", or(value("kms:rotationperiodindays"), "365"));
                    case GET_PARAMETERS_FOR_IMPORT -> {
                        putIf(p, "WrappingAlgorithm", spaceValue("kms:wrappingalgorithm", "RSAES_OAEP_SHA_256"));
                        putIf(p, "WrappingKeySpec", spaceValue("kms:wrappingkeyspec", "RSA_2048"));
                    }
                    case IMPORT_KEY_MATERIAL -> {
                        p.put("ImportToken", "AQIDBA==");
                        p.put("EncryptedKeyMaterial", "AQIDBA==");
                        putIf(p, "ExpirationModel", value("kms:expirationmodel"));
                        String validTo = value("kms:validto");
                        if (validTo != null) p.put("ValidTo", Instant.parse(validTo).getEpochSecond());
                    }
                    case TAG_RESOURCE -> {
                        ArrayNode tags = p.putArray("Tags");
                        Map<String, String> t = space.var(Keys.TAG_KEYS) == null && !hasSlots(Keys.REQUEST_TAG)
                                ? Map.of("Project", "witness") : map(Keys.TAG_KEYS, Keys.REQUEST_TAG);
                        t.forEach((k, v) -> tags.addObject().put("TagKey", k).put("TagValue", v));
                    }
                    case UNTAG_RESOURCE -> {
                        ArrayNode keys = p.putArray("TagKeys");
                        Var tk = space.var(Keys.TAG_KEYS);
                        List<String> names = tk == null ? List.of("Project") : set(tk);
                        if (names != null) names.forEach(keys::add);
                    }
                    case UPDATE_KEY_DESCRIPTION -> p.put("Description", "witness");
                    case REPLICATE_KEY -> putIf(p, "ReplicaRegion", spaceValue("kms:replicaregion", "us-west-2"));
                    case UPDATE_PRIMARY_REGION -> putIf(p, "PrimaryRegion", spaceValue("kms:primaryregion", "us-west-2"));
                    case CREATE_ALIAS, UPDATE_ALIAS -> {
                        p.remove("KeyId");
                        p.put("AliasName", "alias/witness-alias");
                        p.put("TargetKeyId", keyArn);
                    }
                    case DELETE_ALIAS -> {
                        p.remove("KeyId");
                        p.put("AliasName", "alias/witness-alias");
                    }
                    default -> { }
                }
            }
        }
        return p;
    }

    private boolean hasSlots(String prefix) {
        for (Var v : space.vars) if (v.name.startsWith(prefix)) return true;
        return false;
    }

    /** The variable's value; when the key is not in the space, {@code fallback}. Null when the variable is absent. */
    private String spaceValue(String name, String fallback) {
        return space.var(name) == null ? fallback : value(name);
    }

    private static void putNumber(ObjectNode p, String field, String n) {
        p.put(field, new BigInteger(n));
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }

    private static String or(String v, String fallback) {
        return v != null ? v : fallback;
    }

    /** The JSON tree of a parsed policy's text. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("a parsed policy is not JSON", e);
        }
    }

    /** What PutKeyPolicy installs in witnesses: the lockout check passes for every caller. */
    private static final String PERMISSIVE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
}
