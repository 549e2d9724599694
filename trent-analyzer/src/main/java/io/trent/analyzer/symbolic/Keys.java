package io.trent.analyzer.symbolic;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import io.trent.policy.catalog.ConditionKey;
import io.trent.policy.catalog.ConditionKeys;
import io.trent.policy.catalog.KmsAction;
import io.trent.policy.catalog.KmsActions;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static io.trent.policy.catalog.KmsAction.*;

/**
 * How each condition key lives in the request space: derived from the caller, a variable of its own (with the
 * actions whose requests carry it), always absent, or outside the exact fragment. Mirrors what the engine's request
 * context builder derives for key-resource operations.
 */
final class Keys {
    /** Value type of a variable. */
    enum Type { STRING, NUMBER, SECONDS, IP, BOOL, STRING_SET }

    /** How the request spells the value of a key whose variable is typed SECONDS or NUMBER. */
    enum Spelling { TEXT, INTEGER, ISO_SECONDS, EPOCH_SECONDS, IP, BOOL }

    /** Caller-derived keys. */
    enum PrincipalKey { ARN, ACCOUNT, TYPE, IS_SERVICE, USERNAME, SERVICE_NAME, SERVICE_NAMES }

    sealed interface Target {
        record Principal(PrincipalKey key) implements Target {}

        record OnVar(String var, Spelling spelling) implements Target {}

        /** The engine never populates the key for a key-resource operation. */
        record Absent() implements Target {}

        record Unmodeled(String reason) implements Target {}
    }

    /**
     * @param applicable the actions whose requests can carry the variable; null for every action
     * @param required   present on every applicable request
     */
    record VarSpec(String name, Type type, Automaton universe, Set<KmsAction> applicable, boolean required,
                   List<String> preferred) {}

    static final Set<KmsAction> EC_OPS = KmsActions.EC_OPS;
    static final Set<KmsAction> EA_PARAM = EnumSet.of(DECRYPT, ENCRYPT, RE_ENCRYPT_FROM, RE_ENCRYPT_TO);
    static final Set<KmsAction> EA_DEFAULT = EnumSet.of(GENERATE_DATA_KEY, GENERATE_DATA_KEY_PAIR,
            GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, GENERATE_DATA_KEY_WITHOUT_PLAINTEXT);
    static final Set<KmsAction> REQUEST_ALIAS = EnumSet.of(DECRYPT, DERIVE_SHARED_SECRET, DESCRIBE_KEY, ENCRYPT,
            GENERATE_DATA_KEY, GENERATE_DATA_KEY_PAIR, GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT,
            GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GENERATE_MAC, GET_PUBLIC_KEY, RE_ENCRYPT_FROM, RE_ENCRYPT_TO, SIGN,
            VERIFY, VERIFY_MAC);
    static final Set<KmsAction> GRANT_FOR_RESOURCE = EnumSet.of(CREATE_GRANT, LIST_GRANTS, REVOKE_GRANT);
    static final Set<KmsAction> CROSS_ACCOUNT = EnumSet.of(CREATE_GRANT, DECRYPT, DERIVE_SHARED_SECRET, DESCRIBE_KEY,
            ENCRYPT, GENERATE_DATA_KEY, GENERATE_DATA_KEY_PAIR, GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT,
            GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GENERATE_MAC, GET_KEY_ROTATION_STATUS, GET_PUBLIC_KEY, LIST_GRANTS,
            RE_ENCRYPT_FROM, RE_ENCRYPT_TO, RETIRE_GRANT, REVOKE_GRANT, SIGN, VERIFY, VERIFY_MAC);
    /** Operations with an identity-policy-only check besides the key (the alias, or the replica's CreateKey). */
    static final Set<KmsAction> NEEDS_IAM_CALLER = EnumSet.of(CREATE_ALIAS, DELETE_ALIAS, UPDATE_ALIAS, REPLICATE_KEY);
    static final Set<KmsAction> TAGGING = EnumSet.of(TAG_RESOURCE, UNTAG_RESOURCE);

    static final String ACTION = "action", PRINCIPAL = "principal", TIME = "time", VIA = "kms:viaservice",
            VIA_AWS = "aws:viaawsservice", GRANT_FOR_AWS = "kms:grantisforawsresource", EC_KEYS = "kms:encryptioncontextkeys",
            EC_SLOT = "ec:", CONSTRAINT_TYPE = "kms:grantconstrainttype", ENCRYPTION_ALGORITHM = "kms:encryptionalgorithm",
            SOURCE_ARN = "aws:sourcearn", SOURCE_ACCOUNT = "aws:sourceaccount", PRINCIPAL_TAG = "pt:",
            REQUEST_TAG = "rt:", TAG_KEYS = "aws:tagkeys", KEY_SPEC = "kms:keyspec", KEY_USAGE = "kms:keyusage",
            KEY_ORIGIN = "kms:keyorigin", MULTI_REGION = "kms:multiregion", MULTI_REGION_TYPE = "kms:multiregionkeytype",
            REGION = "aws:requestedregion", RESOURCE_ACCOUNT = "aws:resourceaccount";

    static final List<String> KEY_SPECS = List.of("SYMMETRIC_DEFAULT", "RSA_2048", "RSA_3072", "RSA_4096",
            "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519", "HMAC_224",
            "HMAC_256", "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87");
    static final List<String> KEY_USAGES = List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT");
    static final List<String> ORIGINS = List.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");

    /** The key usages a key spec admits. */
    static List<String> usages(String spec) {
        if (spec.equals("SYMMETRIC_DEFAULT")) return List.of("ENCRYPT_DECRYPT");
        if (spec.startsWith("HMAC_")) return List.of("GENERATE_VERIFY_MAC");
        if (spec.startsWith("RSA_")) return List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY");
        if (spec.equals("SM2")) return List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "KEY_AGREEMENT");
        if (spec.startsWith("ECC_NIST_P")) return List.of("SIGN_VERIFY", "KEY_AGREEMENT");
        return List.of("SIGN_VERIFY");
    }

    private Keys() {}

    static Target resolve(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        switch (k) {
            case "aws:principalarn": return new Target.Principal(PrincipalKey.ARN);
            case "aws:principalaccount", "kms:calleraccount": return new Target.Principal(PrincipalKey.ACCOUNT);
            case "aws:principaltype": return new Target.Principal(PrincipalKey.TYPE);
            case "aws:principalisawsservice": return new Target.Principal(PrincipalKey.IS_SERVICE);
            case "aws:username": return new Target.Principal(PrincipalKey.USERNAME);
            case "aws:principalservicename": return new Target.Principal(PrincipalKey.SERVICE_NAME);
            case "aws:principalservicenameslist": return new Target.Principal(PrincipalKey.SERVICE_NAMES);
            case "aws:currenttime": return new Target.OnVar(TIME, Spelling.ISO_SECONDS);
            case "aws:epochtime": return new Target.OnVar(TIME, Spelling.EPOCH_SECONDS);
            case "kms:validto": return new Target.OnVar(k, Spelling.EPOCH_SECONDS);
            case "kms:customermasterkeyspec": return new Target.OnVar(KEY_SPEC, Spelling.TEXT);
            case "kms:customermasterkeyusage": return new Target.OnVar(KEY_USAGE, Spelling.TEXT);
            case "aws:userid":
                return new Target.Unmodeled("aws:userid is the account for the root user and request data otherwise");
            case "aws:calledvia", "aws:calledviafirst", "aws:calledvialast":
                return new Target.Unmodeled(key + " is derived from kms:ViaService by a name transformation");
            case "kms:reencryptonsamekey":
                return new Target.Unmodeled("kms:ReEncryptOnSameKey couples the two halves of a ReEncrypt request");
            case "kms:resourcealiases":
                return new Target.Unmodeled("kms:ResourceAliases depends on the key's aliases");
            case "kms:granteeserviceprincipal", "kms:retiringserviceprincipal", "kms:grantconstraintsourcearn",
                 "kms:trailingdayswithoutkeyusage":
                return new Target.Absent();
            default:
        }
        if (k.startsWith("kms:encryptioncontext:") && k.length() > 22) return new Target.OnVar(EC_SLOT + k.substring(22), Spelling.TEXT);
        if (k.startsWith("aws:principaltag/") && k.length() > 17) return new Target.OnVar(PRINCIPAL_TAG + k.substring(17), Spelling.TEXT);
        if (k.startsWith("aws:requesttag/") && k.length() > 15) return new Target.OnVar(REQUEST_TAG + k.substring(15), Spelling.TEXT);
        if (k.startsWith("aws:resourcetag/") || k.startsWith("kms:resourcetag/"))
            return new Target.Unmodeled(key + " depends on the key's tags");
        if (k.startsWith("kms:recipientattestation:"))
            return new Target.Unmodeled(key + " comes from a signed attestation document");
        VarSpec own = ownSpec(k);
        if (own != null) return new Target.OnVar(k, spelling(own.type()));
        Optional<ConditionKey> info = ConditionKeys.lookup(key);
        if (info.isEmpty() || !info.get().global()) return new Target.Absent();
        return new Target.OnVar(k, spelling(type(info.get())));
    }

    private static Spelling spelling(Type t) {
        return switch (t) {
            case STRING, STRING_SET -> Spelling.TEXT;
            case NUMBER -> Spelling.INTEGER;
            case SECONDS -> Spelling.ISO_SECONDS;
            case IP -> Spelling.IP;
            case BOOL -> Spelling.BOOL;
        };
    }

    private static Type type(ConditionKey info) {
        if (info.multiValued()) return Type.STRING_SET;
        return switch (info.type()) {
            case STRING, ARN -> Type.STRING;
            case NUMERIC -> Type.NUMBER;
            case DATE -> Type.SECONDS;
            case BOOL -> Type.BOOL;
            case IP -> Type.IP;
        };
    }

    private static final java.util.concurrent.ConcurrentMap<String, VarSpec> SPECS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The variable named {@code name} (a key in lower case, or one of the names above). */
    static VarSpec spec(String name) {
        return SPECS.computeIfAbsent(name, Keys::newSpec);
    }

    private static VarSpec newSpec(String name) {
        if (name.startsWith(EC_SLOT))
            return new VarSpec(name, Type.STRING, Languages.strings(), EC_OPS, false, List.of("witness"));
        if (name.startsWith(PRINCIPAL_TAG) || name.startsWith(REQUEST_TAG))
            return new VarSpec(name, Type.STRING, Languages.strings(), name.startsWith(REQUEST_TAG)
                    ? EnumSet.of(TAG_RESOURCE) : null, false, List.of("witness"));
        VarSpec own = ownSpec(name);
        if (own != null) return own;
        Optional<ConditionKey> info = ConditionKeys.lookup(name);
        if (info.isEmpty()) throw new IllegalArgumentException("no variable for " + name);
        return new VarSpec(name, type(info.get()), Languages.strings(), null, false, List.of());
    }

    private static VarSpec ownSpec(String k) {
        Automaton any = Languages.strings();
        return switch (k) {
            case TIME -> new VarSpec(k, Type.SECONDS, null, null, true, List.of());
            case VIA -> new VarSpec(k, Type.STRING, any, null, false,
                    List.of("ec2.us-east-1.amazonaws.com", "s3.us-east-1.amazonaws.com"));
            case VIA_AWS, "aws:securetransport" -> new VarSpec(k, Type.BOOL, null, null, true, List.of());
            case GRANT_FOR_AWS -> new VarSpec(k, Type.BOOL, null, GRANT_FOR_RESOURCE, true, List.of());
            case EC_KEYS -> new VarSpec(k, Type.STRING_SET, any, EC_OPS, false, List.of("app", "tenant"));
            case CONSTRAINT_TYPE -> new VarSpec(k, Type.STRING,
                    Languages.finite(Set.of("EncryptionContextEquals", "EncryptionContextSubset")),
                    EnumSet.of(CREATE_GRANT), false, List.of("EncryptionContextSubset"));
            case "kms:grantoperations" -> new VarSpec(k, Type.STRING_SET, any, EnumSet.of(CREATE_GRANT), true,
                    List.of("Decrypt", "Encrypt", "GenerateDataKey", "DescribeKey"));
            case "kms:granteeprincipal", "kms:retiringprincipal" -> new VarSpec(k, Type.STRING, any,
                    EnumSet.of(CREATE_GRANT), false, List.of("arn:aws:iam::444455556666:role/Grantee"));
            case ENCRYPTION_ALGORITHM -> {
                Set<KmsAction> ops = EnumSet.copyOf(EA_PARAM);
                ops.addAll(EA_DEFAULT);
                yield new VarSpec(k, Type.STRING, any, ops, true, List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_256"));
            }
            case "kms:signingalgorithm" -> new VarSpec(k, Type.STRING, any, EnumSet.of(SIGN, VERIFY), false,
                    List.of("ECDSA_SHA_256", "RSASSA_PSS_SHA_256"));
            case "kms:messagetype" -> new VarSpec(k, Type.STRING, any, EnumSet.of(SIGN, VERIFY), true, List.of("RAW", "DIGEST"));
            case "kms:macalgorithm" -> new VarSpec(k, Type.STRING, any, EnumSet.of(GENERATE_MAC, VERIFY_MAC), false,
                    List.of("HMAC_SHA_256", "HMAC_SHA_512"));
            case "kms:datakeypairspec" -> new VarSpec(k, Type.STRING, any,
                    EnumSet.of(GENERATE_DATA_KEY_PAIR, GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT), false,
                    List.of("RSA_2048", "ECC_NIST_P256"));
            case "kms:keyagreementalgorithm" -> new VarSpec(k, Type.STRING, any, EnumSet.of(DERIVE_SHARED_SECRET), false,
                    List.of("ECDH"));
            case "kms:expirationmodel" -> new VarSpec(k, Type.STRING, any, EnumSet.of(IMPORT_KEY_MATERIAL), false,
                    List.of("KEY_MATERIAL_DOES_NOT_EXPIRE", "KEY_MATERIAL_EXPIRES"));
            case "kms:validto" -> new VarSpec(k, Type.SECONDS, null, EnumSet.of(IMPORT_KEY_MATERIAL), false, List.of());
            case "kms:wrappingalgorithm" -> new VarSpec(k, Type.STRING, any, EnumSet.of(GET_PARAMETERS_FOR_IMPORT), false,
                    List.of("RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_256"));
            case "kms:wrappingkeyspec" -> new VarSpec(k, Type.STRING, any, EnumSet.of(GET_PARAMETERS_FOR_IMPORT), false,
                    List.of("RSA_2048", "RSA_4096"));
            case "kms:replicaregion" -> new VarSpec(k, Type.STRING, any, EnumSet.of(REPLICATE_KEY), false,
                    List.of("us-west-2", "eu-west-1"));
            case "kms:primaryregion" -> new VarSpec(k, Type.STRING, any, EnumSet.of(UPDATE_PRIMARY_REGION), false,
                    List.of("us-west-2", "eu-west-1"));
            case "kms:rotationperiodindays" -> new VarSpec(k, Type.NUMBER, null, EnumSet.of(ENABLE_KEY_ROTATION), true, List.of("365"));
            case "kms:schedulekeydeletionpendingwindowindays" -> new VarSpec(k, Type.NUMBER, null,
                    EnumSet.of(SCHEDULE_KEY_DELETION), true, List.of("30"));
            case "kms:bypasspolicylockoutsafetycheck" -> new VarSpec(k, Type.BOOL, null, EnumSet.of(PUT_KEY_POLICY), false, List.of());
            case "kms:requestalias" -> new VarSpec(k, Type.STRING,
                    BasicAutomata.makeString("alias/").concatenate(Languages.strings()), REQUEST_ALIAS, false,
                    List.of("alias/witness", "alias/app"));
            case KEY_SPEC -> new VarSpec(k, Type.STRING, Languages.finite(Set.copyOf(KEY_SPECS)), null, true, KEY_SPECS);
            case KEY_USAGE -> new VarSpec(k, Type.STRING, Languages.finite(Set.copyOf(KEY_USAGES)), null, true, KEY_USAGES);
            case KEY_ORIGIN -> new VarSpec(k, Type.STRING, Languages.finite(Set.copyOf(ORIGINS)), null, true, ORIGINS);
            case MULTI_REGION -> new VarSpec(k, Type.BOOL, null, null, true, List.of());
            case MULTI_REGION_TYPE -> new VarSpec(k, Type.STRING, Languages.finite(Set.of("PRIMARY", "REPLICA")), null,
                    false, List.of("PRIMARY", "REPLICA"));
            case SOURCE_ARN -> new VarSpec(k, Type.STRING, any, null, false,
                    List.of("arn:aws:cloudtrail:us-east-1:444455556666:trail/witness"));
            case SOURCE_ACCOUNT -> new VarSpec(k, Type.STRING, any, null, false, List.of("444455556666"));
            case TAG_KEYS -> new VarSpec(k, Type.STRING_SET, any, TAGGING, false, List.of("Project", "Team"));
            case "aws:sourceip" -> new VarSpec(k, Type.IP, null, null, false, List.of());
            case REGION -> new VarSpec(k, Type.STRING, any, null, true, List.of(Mode.DEFAULT_REGION, "us-west-2"));
            case RESOURCE_ACCOUNT -> new VarSpec(k, Type.STRING, Languages.digits12(), null, true, List.of(Mode.DEFAULT_ACCOUNT));
            default -> null;
        };
    }

    /** The documented spelling of a key given in lower case (for request.context of witnesses). */
    static String spelling(String lowerKey) {
        return ConditionKeys.lookup(lowerKey).filter(k -> !k.prefix()).map(ConditionKey::name).orElse(lowerKey);
    }
}
