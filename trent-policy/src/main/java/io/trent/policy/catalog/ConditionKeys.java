package io.trent.policy.catalog;

import static io.trent.policy.catalog.KmsAction.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The condition-key catalog: the KMS keys (lint-catalog.md section 1, completed from authorization.md 6.2) and the
 * IAM global keys. Lookup is case-insensitive, including the suffix of prefix keys.
 */
public final class ConditionKeys {
    public static final String ENCRYPTION_CONTEXT_PREFIX = "kms:EncryptionContext:";
    public static final String ENCRYPTION_CONTEXT_KEYS = "kms:EncryptionContextKeys";
    public static final String VIA_SERVICE = "kms:ViaService";

    private static final Set<KmsAction> ALL = KmsActions.ALL;
    private static final Set<KmsAction> KEY = KmsActions.KEY_RESOURCE;
    private static final Set<KmsAction> EC = KmsActions.EC_OPS;
    private static final Set<KmsAction> GRANT = EnumSet.of(CREATE_GRANT);
    private static final Set<KmsAction> REQUEST_ALIAS = EnumSet.of(ENCRYPT, DECRYPT, RE_ENCRYPT_FROM, RE_ENCRYPT_TO,
            GENERATE_DATA_KEY, GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GENERATE_DATA_KEY_PAIR,
            GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, GENERATE_MAC, VERIFY_MAC, SIGN, VERIFY, DERIVE_SHARED_SECRET,
            DESCRIBE_KEY, GET_PUBLIC_KEY);
    private static final Set<KmsAction> ATTESTATION = EnumSet.of(DECRYPT, DERIVE_SHARED_SECRET, GENERATE_DATA_KEY,
            GENERATE_DATA_KEY_PAIR, GENERATE_RANDOM);

    /** Global keys the lint catalog declares never absent from a KMS request. */
    private static final Set<String> NEVER_ABSENT = Set.of("aws:currenttime", "aws:epochtime",
            "aws:securetransport", "aws:principalarn", "aws:principalaccount", "aws:principaltype",
            "aws:principalisawsservice", "aws:userid", "aws:requestedregion", "aws:resourceaccount",
            "aws:viaawsservice");

    private static final Map<String, ConditionKey> EXACT = new LinkedHashMap<>();
    /** Prefix keys by their lower-case prefix. */
    private static final Map<String, ConditionKey> PREFIXES = new LinkedHashMap<>();

    static {
        // KMS keys. Absent-able as in the lint catalog table; keys it does not list follow authorization.md 6.2.
        prefix(ENCRYPTION_CONTEXT_PREFIX, KeyType.STRING, EC, true);
        multi(ENCRYPTION_CONTEXT_KEYS, EC, true);
        multi("kms:GrantOperations", GRANT, false);
        for (String k : List.of("kms:GranteePrincipal", "kms:RetiringPrincipal", "kms:GrantConstraintType",
                "kms:GranteeServicePrincipal", "kms:RetiringServicePrincipal", "kms:GrantConstraintSourceArn")) {
            kms(k, KeyType.STRING, GRANT, true);
        }
        kms("kms:GrantIsForAWSResource", KeyType.BOOL, EnumSet.of(CREATE_GRANT, LIST_GRANTS, REVOKE_GRANT), true);
        kms("kms:EncryptionAlgorithm", KeyType.STRING, without(EC, CREATE_GRANT), true);
        kms("kms:SigningAlgorithm", KeyType.STRING, EnumSet.of(SIGN, VERIFY), true);
        kms("kms:MessageType", KeyType.STRING, EnumSet.of(SIGN, VERIFY), true);
        kms("kms:MacAlgorithm", KeyType.STRING, EnumSet.of(GENERATE_MAC, VERIFY_MAC), true);
        kms("kms:DataKeyPairSpec", KeyType.STRING,
                EnumSet.of(GENERATE_DATA_KEY_PAIR, GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT), true);
        kms("kms:KeyAgreementAlgorithm", KeyType.STRING, EnumSet.of(DERIVE_SHARED_SECRET), true);
        kms("kms:ExpirationModel", KeyType.STRING, EnumSet.of(IMPORT_KEY_MATERIAL), true);
        // authorization.md 6.2: KMS's own example compares kms:ValidTo with Numeric operators on epoch seconds.
        add(new ConditionKey("kms:ValidTo", false, KeyType.DATE, EnumSet.of(KeyType.NUMERIC), false,
                EnumSet.of(IMPORT_KEY_MATERIAL), true));
        kms("kms:WrappingAlgorithm", KeyType.STRING, EnumSet.of(GET_PARAMETERS_FOR_IMPORT), true);
        kms("kms:WrappingKeySpec", KeyType.STRING, EnumSet.of(GET_PARAMETERS_FOR_IMPORT), true);
        kms("kms:ReEncryptOnSameKey", KeyType.BOOL, EnumSet.of(RE_ENCRYPT_FROM, RE_ENCRYPT_TO), true);
        kms("kms:ReplicaRegion", KeyType.STRING, EnumSet.of(REPLICATE_KEY), true);
        kms("kms:PrimaryRegion", KeyType.STRING, EnumSet.of(UPDATE_PRIMARY_REGION), true);
        kms("kms:RotationPeriodInDays", KeyType.NUMERIC, EnumSet.of(ENABLE_KEY_ROTATION), true);
        kms("kms:ScheduleKeyDeletionPendingWindowInDays", KeyType.NUMERIC, EnumSet.of(SCHEDULE_KEY_DELETION), false);
        kms("kms:TrailingDaysWithoutKeyUsage", KeyType.NUMERIC, EnumSet.of(DISABLE_KEY, SCHEDULE_KEY_DELETION), true);
        kms("kms:BypassPolicyLockoutSafetyCheck", KeyType.BOOL, EnumSet.of(PUT_KEY_POLICY, CREATE_KEY), true);
        kms("kms:RequestAlias", KeyType.STRING, REQUEST_ALIAS, true);
        for (String k : List.of("kms:CallerAccount", "kms:KeySpec", "kms:KeyUsage", "kms:KeyOrigin",
                "kms:CustomerMasterKeySpec", "kms:CustomerMasterKeyUsage")) {
            kms(k, KeyType.STRING, KEY, false);
        }
        kms("kms:MultiRegion", KeyType.BOOL, KEY, false);
        kms("kms:MultiRegionKeyType", KeyType.STRING, KEY, true);
        kms(VIA_SERVICE, KeyType.STRING, KEY, true);
        multi("kms:ResourceAliases", KEY, true);
        kms("kms:RecipientAttestation:ImageSha384", KeyType.STRING, ATTESTATION, true);
        for (int i = 0; i <= 31; i++) kms("kms:RecipientAttestation:PCR" + i, KeyType.STRING, ATTESTATION, true);
        for (int i = 0; i <= 23; i++) kms("kms:RecipientAttestation:NitroTPMPCR" + i, KeyType.STRING, ATTESTATION, true);

        // Global keys, typed as in the IAM global condition key reference.
        for (String k : List.of("aws:CurrentTime", "aws:TokenIssueTime")) global(k, KeyType.DATE);
        add(new ConditionKey("aws:EpochTime", false, KeyType.DATE, EnumSet.of(KeyType.NUMERIC), false, ALL, false));
        global("aws:MultiFactorAuthAge", KeyType.NUMERIC);
        for (String k : List.of("aws:SourceArn", "aws:PrincipalArn", "aws:SourceVpcArn", "aws:ChatbotSourceArn",
                "aws:SignInSessionArn")) {
            global(k, KeyType.ARN);
        }
        for (String k : List.of("aws:SourceIp", "aws:VpcSourceIp", "aws:Ec2InstanceSourcePrivateIPv4")) {
            global(k, KeyType.IP);
        }
        for (String k : List.of("aws:SecureTransport", "aws:MultiFactorAuthPresent", "aws:PrincipalIsAWSService",
                "aws:ViaAWSService", "aws:AssumedRoot", "aws:ViaAWSMCPService", "aws:IsMcpServiceAction")) {
            global(k, KeyType.BOOL);
        }
        for (String k : List.of("aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:PrincipalServiceName",
                "aws:PrincipalType", "aws:userid", "aws:username", "aws:FederatedProvider", "aws:SourceIdentity",
                "aws:Ec2InstanceSourceVpc", "aws:SourceVpc", "aws:SourceVpce", "aws:VpceAccount", "aws:VpceOrgID",
                "aws:ResourceAccount", "aws:ResourceOrgID", "aws:CalledViaFirst", "aws:CalledViaLast",
                "aws:CalledViaAWSMCP", "aws:Referer", "aws:RequestedRegion", "aws:SourceAccount", "aws:SourceOrgID",
                "aws:UserAgent")) {
            global(k, KeyType.STRING);
        }
        for (String k : List.of("aws:TagKeys", "aws:CalledVia", "aws:PrincipalOrgPaths",
                "aws:PrincipalServiceNamesList", "aws:ResourceOrgPaths", "aws:SourceOrgPaths", "aws:VpceOrgPaths")) {
            add(new ConditionKey(k, false, KeyType.STRING, Set.of(), true, ALL, true));
        }
        for (String k : List.of("aws:PrincipalTag/", "aws:RequestTag/", "aws:ResourceTag/")) {
            prefix(k, KeyType.STRING, ALL, true);
        }
        // Cross-service global keys: set on the credentials, so present in KMS requests too.
        for (String k : List.of("ec2:SourceInstanceArn", "codebuild:BuildArn", "codebuild:ProjectArn",
                "lambda:SourceFunctionArn", "ssm:SourceInstanceArn")) {
            global(k, KeyType.ARN);
        }
        global("ec2:RoleDelivery", KeyType.NUMERIC);
        for (String k : List.of("glue:RoleAssumedBy", "glue:CredentialIssuingService", "identitystore:UserId")) {
            global(k, KeyType.STRING);
        }
    }

    private ConditionKeys() {}

    /** The catalog entry for a key as written in a policy, or empty when the key is not in the catalog. */
    public static Optional<ConditionKey> lookup(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        ConditionKey exact = EXACT.get(lower);
        if (exact != null) return Optional.of(exact);
        for (Map.Entry<String, ConditionKey> p : PREFIXES.entrySet()) {
            if (lower.length() > p.getKey().length() && lower.startsWith(p.getKey())) return Optional.of(p.getValue());
        }
        return Optional.empty();
    }

    /** Every catalog entry (exact keys, then prefix keys). */
    public static List<ConditionKey> all() {
        List<ConditionKey> out = new ArrayList<>(EXACT.values());
        out.addAll(PREFIXES.values());
        return List.copyOf(out);
    }

    private static void kms(String name, KeyType type, Set<KmsAction> actions, boolean absentable) {
        add(new ConditionKey(name, false, type, Set.of(), false, actions, absentable));
    }

    private static void multi(String name, Set<KmsAction> actions, boolean absentable) {
        add(new ConditionKey(name, false, KeyType.STRING, Set.of(), true, actions, absentable));
    }

    private static void prefix(String name, KeyType type, Set<KmsAction> actions, boolean absentable) {
        PREFIXES.put(name.toLowerCase(Locale.ROOT), new ConditionKey(name, true, type, Set.of(), false, actions, absentable));
    }

    private static void global(String name, KeyType type) {
        add(new ConditionKey(name, false, type, Set.of(), false, ALL,
                !NEVER_ABSENT.contains(name.toLowerCase(Locale.ROOT))));
    }

    private static void add(ConditionKey key) {
        EXACT.put(key.name().toLowerCase(Locale.ROOT), key);
    }

    private static Set<KmsAction> without(Set<KmsAction> set, KmsAction a) {
        EnumSet<KmsAction> s = EnumSet.copyOf(set);
        s.remove(a);
        return s;
    }
}
