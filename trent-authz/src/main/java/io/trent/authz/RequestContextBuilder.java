package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.trent.authz.AuthzCheck.Scope;
import io.trent.authz.KmsOperation.Shape;
import io.trent.policy.Caller;
import io.trent.policy.RequestContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives the authorization checks of a KMS request and the condition keys of each (§6-§8 of the reference), the
 * same way for the server and the simulator. Never throws: a missing or odd parameter leaves its keys absent.
 */
public final class RequestContextBuilder {
    static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    private static final String RESERVED_ALIAS_PREFIX = "alias/aws/";
    private static final HexFormat HEX = HexFormat.of();

    private RequestContextBuilder() {}

    /** Which keys a target derives besides the global ones. */
    private enum Part { KEY, SOURCE, DESTINATION, ALIAS, CREATE, REPLICA, IDENTITY, UNKNOWN }

    private record Target(Part part, String action, String resource, KmsKey key, Scope scope,
                          JsonNode encryptionContext, String refusal) {}

    /**
     * The checks of {@code request}, in the order they are reported. Their contexts derive each key when a condition
     * first reads it (most policies read two or three of twenty or more); {@code asMap} gives them all.
     *
     * @param principalTags the caller's principal tags (aws:PrincipalTag/*); empty for service principals
     */
    public static List<AuthzCheck> checks(KmsRequest request, Map<String, String> principalTags) {
        // every context needs these: failing here keeps such requests denied whichever keys their policies read
        if (request.caller() instanceof Caller.Iam iam) Objects.requireNonNull(iam.type(), "caller type");
        if (request.caller() instanceof Caller.Service s) Objects.requireNonNull(s.arn(), "service principal");
        KmsOperation op = KmsOperation.of(request.operation());
        List<Target> plan = plan(request, op);
        List<AuthzCheck> out = new ArrayList<>(plan.size());
        for (Target t : plan) {
            RequestContext context = RequestContext.lazy(new CheckKeys(request, op, principalTags, t));
            out.add(new AuthzCheck(t.action, t.resource, t.key, context, t.scope, t.encryptionContext, t.refusal));
        }
        return out;
    }

    /** The same checks' condition keys in documented spelling and derivation order, for explanations. */
    public static List<Map<String, Object>> describe(KmsRequest request, Map<String, String> principalTags) {
        KmsOperation op = KmsOperation.of(request.operation());
        List<Target> plan = plan(request, op);
        List<Map<String, Object>> out = new ArrayList<>(plan.size());
        for (Target t : plan) {
            ContextSink.Display sink = new ContextSink.Display();
            new CheckKeys(request, op, principalTags, t).fill(sink);
            out.add(sink.map);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // which checks

    private static List<Target> plan(KmsRequest r, KmsOperation op) {
        JsonNode p = params(r);
        KmsKey key = r.key();
        KmsKey other = r.otherKey();
        if (other != null && key != null && other.arn() != null && other.arn().equals(key.arn())) other = null;
        if (op == null) {
            String action = "kms:" + r.operation();
            Target t = key != null && key.arn() != null
                    ? new Target(Part.UNKNOWN, action, key.arn(), key, Scope.KEY, null, "unknown operation")
                    : new Target(Part.UNKNOWN, action, identityResource(r, null), null, Scope.IDENTITY, null,
                    "unknown operation");
            return List.of(t);
        }
        String action = op.action();
        switch (op.shape()) {
            case KEY:
                return List.of(keyTarget(Part.KEY, action, key, p,
                        op.encryptionContext() ? nonEmpty(p.path("EncryptionContext")) : null));
            case IDENTITY:
            case CUSTOM_KEY_STORE:
                return List.of(new Target(Part.IDENTITY, action, identityResource(r, null), null, Scope.IDENTITY,
                        null, null));
            case CREATE_KEY: {
                Target create = new Target(Part.CREATE, action, identityResource(r, null), null, Scope.IDENTITY,
                        null, null);
                if (!hasTags(p)) return List.of(create);
                return List.of(create, new Target(Part.CREATE, KmsOperation.TagResource.action(), create.resource,
                        null, Scope.IDENTITY, null, null));
            }
            case ALIAS:
                return List.of(aliasTarget(r, action, key, p), keyTarget(Part.KEY, action, key, p, null));
            case UPDATE_ALIAS: {
                Target alias = aliasTarget(r, action, key, p);
                Target current = keyTarget(Part.KEY, action, key, p, null);
                return other == null ? List.of(alias, current)
                        : List.of(alias, current, keyTarget(Part.KEY, action, other, p, null));
            }
            case TWO_KEYS: {
                Target primary = keyTarget(Part.KEY, action, key, p, null);
                return other == null ? List.of(primary)
                        : List.of(primary, keyTarget(Part.KEY, action, other, p, null));
            }
            case RE_ENCRYPT:
                return List.of(
                        keyTarget(Part.SOURCE, "kms:ReEncryptFrom", key, p,
                                nonEmpty(p.path("SourceEncryptionContext"))),
                        keyTarget(Part.DESTINATION, "kms:ReEncryptTo", other != null ? other : key, p,
                                nonEmpty(p.path("DestinationEncryptionContext"))));
            case REPLICATE_KEY: {
                Target replicate = keyTarget(Part.KEY, action, key, p, null);
                String region = text(p.path("ReplicaRegion"));
                Target create = new Target(Part.REPLICA, KmsOperation.CreateKey.action(), identityResource(r, region),
                        null, Scope.IDENTITY, null, null);
                if (!hasTags(p)) return List.of(replicate, create);
                return List.of(replicate, create, new Target(Part.REPLICA, KmsOperation.TagResource.action(),
                        create.resource, null, Scope.IDENTITY, null, null));
            }
            case RETIRE_GRANT: {
                Target t = keyTarget(Part.KEY, action, key, p, null);
                return List.of(new Target(t.part, t.action, t.resource, t.key, Scope.RETIRE_GRANT, null, t.refusal));
            }
            case LIST_RETIRABLE_GRANTS: {
                String retiring = text(p.path("RetiringPrincipal"));
                String refusal = null;
                if (retiring == null) refusal = "the request names no retiring principal";
                else if (!(r.caller() instanceof Caller.Iam iam) || !iam.account().equals(arnAccount(retiring)))
                    refusal = "the retiring principal does not belong to the caller's account";
                return List.of(new Target(Part.IDENTITY, action, retiring == null ? "*" : retiring, null,
                        Scope.IDENTITY, null, refusal));
            }
            default:
                throw new AssertionError(op.shape());
        }
    }

    private static Target keyTarget(Part part, String action, KmsKey key, JsonNode p, JsonNode ec) {
        if (key == null || key.arn() == null) {
            String named = text(p.path("KeyId"));
            return new Target(part, action, named == null ? "*" : named, null, Scope.KEY, ec,
                    "the request does not resolve to a key");
        }
        return new Target(part, action, key.arn(), key, Scope.KEY, ec, null);
    }

    private static Target aliasTarget(KmsRequest r, String action, KmsKey key, JsonNode p) {
        String name = text(p.path("AliasName"));
        if (name == null) return new Target(Part.ALIAS, action, "*", null, Scope.ALIAS, null,
                "the request names no alias");
        String account = key != null && key.account() != null ? key.account()
                : r.caller() instanceof Caller.Iam iam ? iam.account() : "";
        String arn = "arn:" + partition(r, key) + ":kms:" + region(r, key) + ":" + account + ":" + name;
        String refusal = name.startsWith(RESERVED_ALIAS_PREFIX)
                ? "alias names that begin with alias/aws/ are reserved for AWS managed keys" : null;
        return new Target(Part.ALIAS, action, arn, null, Scope.ALIAS, null, refusal);
    }

    /** arn:PARTITION:kms:REGION:CALLER-ACCOUNT:* for operations without a resource (§3.2). */
    private static String identityResource(KmsRequest r, String regionOverride) {
        String account = r.caller() instanceof Caller.Iam iam ? iam.account() : "";
        String region = regionOverride != null ? regionOverride : region(r, r.key());
        return "arn:" + partition(r, r.key()) + ":kms:" + region + ":" + account + ":*";
    }

    private static String partition(KmsRequest r, KmsKey key) {
        if (r.caller() instanceof Caller.Iam iam && iam.partition() != null) return iam.partition();
        String arn = key == null ? null : key.arn();
        if (arn != null && arn.startsWith("arn:")) {
            int end = arn.indexOf(':', 4);
            if (end > 4) return arn.substring(4, end);
        }
        return "aws";
    }

    private static String region(KmsRequest r, KmsKey key) {
        Transport t = r.transport();
        if (t != null && t.region() != null) return t.region();
        return key != null && key.region() != null ? key.region() : "";
    }

    // ---------------------------------------------------------------------------------------------------------
    // which keys

    /**
     * The condition keys of one check: all of them for explanations, or one at a time for a lazy {@link
     * RequestContext}, which asks for the keys its policies' conditions read. Both run {@link #fill}, so they agree.
     */
    private static final class CheckKeys implements RequestContext.Source {
        private final KmsRequest r;
        private final KmsOperation op;
        private final Map<String, String> principalTags;
        private final Target t;
        /** aws:CurrentTime when the transport gives none: read once, so every key and explanation agrees. */
        private volatile Instant now;
        /** The kms:RecipientAttestation: keys, decoded once however many of them conditions read. */
        private volatile List<Map.Entry<String, String>> attestation;

        CheckKeys(KmsRequest r, KmsOperation op, Map<String, String> principalTags, Target t) {
            this.r = r;
            this.op = op;
            this.principalTags = principalTags;
            this.t = t;
        }

        @Override
        public RequestContext.Values derive(String lowerKey) {
            ContextSink.Probe probe = new ContextSink.Probe(lowerKey);
            if (!probe.derived() && (r.transport() == null || r.transport().extraContext().isEmpty())) return null;
            fill(probe);
            return probe.found();
        }

        @Override
        public void putAll(RequestContext.Builder into) {
            fill(new ContextSink.Evaluation(into));
        }

        private Instant time() {
            Transport transport = r.transport();
            if (transport != null && transport.time() != null) return transport.time();
            Instant n = now;
            if (n == null) {
                synchronized (this) {
                    if (now == null) now = Instant.now();
                    n = now;
                }
            }
            return n;
        }

        List<Map.Entry<String, String>> attestation(JsonNode p) {
            List<Map.Entry<String, String>> a = attestation;
            if (a == null) attestation = a = attestationKeys(p); // a race only decodes the same document twice
            return a;
        }

        void fill(ContextSink out) {
            Caller caller = r.caller();
            Transport transport = r.transport();
            JsonNode p = params(r);
            if (out.wantsAws()) {
                globalKeys(caller, transport, out);
                if (out.wants(ContextKey.REQUESTED_REGION)) {
                    String region = t.part == Part.REPLICA ? text(p.path("ReplicaRegion")) : region(r, t.key);
                    if (region != null && !region.isEmpty()) out.put(ContextKey.REQUESTED_REGION, region);
                }
                out.put(ContextKey.RESOURCE_ACCOUNT, t.key != null ? t.key.account()
                        : caller instanceof Caller.Iam iam ? iam.account() : null);
            }
            boolean iam = caller instanceof Caller.Iam;
            String via = iam && transport != null ? transport.viaService() : null;
            switch (t.part) {
                case KEY, SOURCE, DESTINATION, UNKNOWN -> {
                    callerKeys(caller, via, out);
                    if (t.key != null) keyKeys(t.key, out);
                }
                case ALIAS, CREATE, REPLICA -> callerKeys(caller, via, out);
                case IDENTITY -> {
                    if (op != null && op.shape() == Shape.CUSTOM_KEY_STORE && caller instanceof Caller.Iam i)
                        out.put(ContextKey.CALLER_ACCOUNT, i.account());
                }
            }
            if (op != null) operationKeys(this, op, t, r, p, via, out);
            if (transport != null)
                for (Map.Entry<String, Object> e : transport.extraContext().entrySet())
                    out.putVerbatim(e.getKey(), e.getValue());
        }

        /** The global keys (§8.1), all of the aws: namespace. */
        private void globalKeys(Caller caller, Transport t, ContextSink out) {
            if (caller instanceof Caller.Iam iam) {
                if (out.wants(ContextKey.PRINCIPAL_ARN)) out.put(ContextKey.PRINCIPAL_ARN, iam.principalArn());
                out.put(ContextKey.PRINCIPAL_ACCOUNT, iam.account());
                out.put(ContextKey.PRINCIPAL_TYPE, principalType(iam.type()));
                out.put(ContextKey.PRINCIPAL_IS_AWS_SERVICE, "false");
                if (iam.type() == Caller.IamType.USER && iam.name() != null && out.wants(ContextKey.USERNAME))
                    out.put(ContextKey.USERNAME, iam.name().substring(iam.name().lastIndexOf('/') + 1));
                if (iam.type() == Caller.IamType.ROOT) out.put(ContextKey.USERID, iam.account());
                if (principalTags != null && out.wants(ContextKey.PRINCIPAL_TAG))
                    for (Map.Entry<String, String> e : principalTags.entrySet())
                        if (e.getKey() != null) out.putSuffixed(ContextKey.PRINCIPAL_TAG, e.getKey(), e.getValue());
                String via = t == null ? null : t.viaService();
                out.put(ContextKey.VIA_AWS_SERVICE, via != null ? "true" : "false");
                if (via != null && (out.wants(ContextKey.CALLED_VIA) || out.wants(ContextKey.CALLED_VIA_FIRST)
                        || out.wants(ContextKey.CALLED_VIA_LAST))) {
                    String principal = servicePrincipalOf(via);
                    out.putMulti(ContextKey.CALLED_VIA, List.of(principal));
                    out.put(ContextKey.CALLED_VIA_FIRST, principal);
                    out.put(ContextKey.CALLED_VIA_LAST, principal);
                }
            } else if (caller instanceof Caller.Service service) {
                out.put(ContextKey.PRINCIPAL_IS_AWS_SERVICE, "true");
                out.put(ContextKey.PRINCIPAL_SERVICE_NAME, service.arn());
                if (out.wants(ContextKey.PRINCIPAL_SERVICE_NAMES_LIST))
                    out.putMulti(ContextKey.PRINCIPAL_SERVICE_NAMES_LIST, List.of(service.arn()));
                out.put(ContextKey.VIA_AWS_SERVICE, "false");
                if (t != null) {
                    out.put(ContextKey.SOURCE_ARN, t.sourceArn());
                    if (out.wants(ContextKey.SOURCE_ACCOUNT))
                        out.put(ContextKey.SOURCE_ACCOUNT, t.sourceAccount() != null ? t.sourceAccount()
                                : arnAccount(t.sourceArn()));
                }
            }
            if (t != null) out.put(ContextKey.SOURCE_IP, t.sourceIp());
            out.put(ContextKey.SECURE_TRANSPORT, t == null || t.secureTransport() ? "true" : "false");
            if (out.wants(ContextKey.CURRENT_TIME) || out.wants(ContextKey.EPOCH_TIME)) {
                Clock clock = Clock.of(time());
                out.put(ContextKey.CURRENT_TIME, clock.iso);
                out.put(ContextKey.EPOCH_TIME, clock.epoch);
            }
        }
    }

    private static void callerKeys(Caller caller, String via, ContextSink out) {
        if (caller instanceof Caller.Iam iam) out.put(ContextKey.CALLER_ACCOUNT, iam.account());
        out.put(ContextKey.VIA_SERVICE, via);
    }

    private static void keyKeys(KmsKey key, ContextSink out) {
        out.put(ContextKey.KEY_SPEC, key.keySpec());
        out.put(ContextKey.CUSTOMER_MASTER_KEY_SPEC, key.keySpec());
        out.put(ContextKey.KEY_USAGE, key.keyUsage());
        out.put(ContextKey.CUSTOMER_MASTER_KEY_USAGE, key.keyUsage());
        out.put(ContextKey.KEY_ORIGIN, key.origin());
        out.put(ContextKey.MULTI_REGION, key.multiRegion() ? "true" : "false");
        if (key.multiRegion()) out.put(ContextKey.MULTI_REGION_KEY_TYPE, key.multiRegionKeyType());
        if (out.wants(ContextKey.RESOURCE_TAG))
            for (Map.Entry<String, String> e : key.tags().entrySet())
                out.putSuffixed(ContextKey.RESOURCE_TAG, e.getKey(), e.getValue());
        if (!key.aliases().isEmpty()) out.putMulti(ContextKey.RESOURCE_ALIASES, key.aliases());
    }

    private static void operationKeys(CheckKeys keys, KmsOperation op, Target t, KmsRequest r, JsonNode p,
                                      String via, ContextSink out) {
        if (t.part == Part.KEY || t.part == Part.SOURCE || t.part == Part.DESTINATION) {
            String prefix = t.part == Part.SOURCE ? "Source" : t.part == Part.DESTINATION ? "Destination" : "";
            if (op.encryptionContext()) encryptionContext(t.encryptionContext, out);
            if (op.eaDefault()) out.put(ContextKey.ENCRYPTION_ALGORITHM, SYMMETRIC_DEFAULT);
            if (op.eaParam()) param(out, ContextKey.ENCRYPTION_ALGORITHM, p, prefix + "EncryptionAlgorithm",
                    SYMMETRIC_DEFAULT);
            if (op.requestAlias() && out.wants(ContextKey.REQUEST_ALIAS))
                out.put(ContextKey.REQUEST_ALIAS, aliasName(text(p.path(prefix + "KeyId"))));
        }
        if (op.attestation() && (t.part == Part.KEY || t.part == Part.IDENTITY)
                && out.wants(ContextKey.RECIPIENT_ATTESTATION))
            for (Map.Entry<String, String> e : keys.attestation(p))
                out.putSuffixed(ContextKey.RECIPIENT_ATTESTATION, e.getKey(), e.getValue());
        String grantIsForAwsResource = via != null ? "true" : "false";
        switch (op) {
            case ReEncrypt -> out.put(ContextKey.RE_ENCRYPT_ON_SAME_KEY,
                    r.otherKey() == null || r.key() == null || r.otherKey().arn() == null
                            || r.otherKey().arn().equals(r.key().arn()) ? "true" : "false");
            case CreateGrant -> {
                if (out.wants(ContextKey.ENCRYPTION_CONTEXT) || out.wants(ContextKey.ENCRYPTION_CONTEXT_KEYS)
                        || out.wants(ContextKey.GRANT_CONSTRAINT_TYPE)) {
                    JsonNode constraints = p.path("Constraints");
                    JsonNode equals = nonEmpty(constraints.path("EncryptionContextEquals"));
                    JsonNode subset = nonEmpty(constraints.path("EncryptionContextSubset"));
                    encryptionContext(equals != null ? equals : subset, out);
                    out.put(ContextKey.GRANT_CONSTRAINT_TYPE, equals != null ? "EncryptionContextEquals"
                            : subset != null ? "EncryptionContextSubset" : null);
                }
                out.put(ContextKey.GRANT_IS_FOR_AWS_RESOURCE, grantIsForAwsResource);
                if (out.wants(ContextKey.GRANT_OPERATIONS))
                    out.putMulti(ContextKey.GRANT_OPERATIONS, strings(p.path("Operations")));
                param(out, ContextKey.GRANTEE_PRINCIPAL, p, "GranteePrincipal");
                param(out, ContextKey.RETIRING_PRINCIPAL, p, "RetiringPrincipal");
            }
            case ListGrants, RevokeGrant -> out.put(ContextKey.GRANT_IS_FOR_AWS_RESOURCE, grantIsForAwsResource);
            case CreateKey -> newKeyKeys(p, textOr(p.path("KeySpec"), textOr(p.path("CustomerMasterKeySpec"),
                            SYMMETRIC_DEFAULT)), textOr(p.path("KeyUsage"), "ENCRYPT_DECRYPT"),
                    textOr(p.path("Origin"), "AWS_KMS"), "true".equals(bool(p.path("MultiRegion"))), "PRIMARY", out);
            case ReplicateKey -> {
                if (t.part == Part.REPLICA) {
                    KmsKey k = r.key();
                    newKeyKeys(p, k == null ? null : k.keySpec(), k == null ? null : k.keyUsage(),
                            k == null ? null : k.origin(), true, "REPLICA", out);
                } else {
                    param(out, ContextKey.REPLICA_REGION, p, "ReplicaRegion");
                }
            }
            case DeriveSharedSecret -> param(out, ContextKey.KEY_AGREEMENT_ALGORITHM, p, "KeyAgreementAlgorithm");
            case EnableKeyRotation -> param(out, ContextKey.ROTATION_PERIOD_IN_DAYS, p, "RotationPeriodInDays", "365");
            case GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext ->
                    param(out, ContextKey.DATA_KEY_PAIR_SPEC, p, "KeyPairSpec");
            case GenerateMac, VerifyMac -> param(out, ContextKey.MAC_ALGORITHM, p, "MacAlgorithm");
            case GetParametersForImport -> {
                param(out, ContextKey.WRAPPING_ALGORITHM, p, "WrappingAlgorithm");
                param(out, ContextKey.WRAPPING_KEY_SPEC, p, "WrappingKeySpec");
            }
            case ImportKeyMaterial -> {
                param(out, ContextKey.EXPIRATION_MODEL, p, "ExpirationModel");
                if (out.wants(ContextKey.VALID_TO)) out.put(ContextKey.VALID_TO, epochSeconds(p.path("ValidTo")));
            }
            case PutKeyPolicy -> bypassLockoutCheck(p, out);
            case RetireGrant -> {
                Grant g = out.wants(ContextKey.ENCRYPTION_CONTEXT) || out.wants(ContextKey.ENCRYPTION_CONTEXT_KEYS)
                        || out.wants(ContextKey.GRANT_CONSTRAINT_TYPE) ? Grants.retiredGrant(t.key, p) : null;
                if (g != null) {
                    boolean equals = g.encryptionContextEquals() != null && !g.encryptionContextEquals().isEmpty();
                    boolean subset = g.encryptionContextSubset() != null && !g.encryptionContextSubset().isEmpty();
                    Map<String, String> ec = equals ? g.encryptionContextEquals() : subset
                            ? g.encryptionContextSubset() : Map.of();
                    encryptionContext(ec, out);
                    out.put(ContextKey.GRANT_CONSTRAINT_TYPE, equals ? "EncryptionContextEquals"
                            : subset ? "EncryptionContextSubset" : null);
                }
            }
            case ScheduleKeyDeletion -> param(out, ContextKey.SCHEDULE_KEY_DELETION_PENDING_WINDOW_IN_DAYS, p,
                    "PendingWindowInDays", "30");
            case Sign, Verify -> {
                param(out, ContextKey.MESSAGE_TYPE, p, "MessageType", "RAW");
                param(out, ContextKey.SIGNING_ALGORITHM, p, "SigningAlgorithm");
            }
            case TagResource -> requestTags(p, out);
            case UntagResource -> {
                if (out.wants(ContextKey.TAG_KEYS)) out.putMulti(ContextKey.TAG_KEYS, strings(p.path("TagKeys")));
            }
            case UpdatePrimaryRegion -> param(out, ContextKey.PRIMARY_REGION, p, "PrimaryRegion");
            default -> { }
        }
    }

    /** Puts parameter {@code name} as text under {@code key}, when the sink wants it. */
    private static void param(ContextSink out, ContextKey key, JsonNode p, String name) {
        if (out.wants(key)) out.put(key, text(p.path(name)));
    }

    /** Same as {@link #param(ContextSink, ContextKey, JsonNode, String)} with a default for an absent parameter. */
    private static void param(ContextSink out, ContextKey key, JsonNode p, String name, String fallback) {
        if (out.wants(key)) out.put(key, textOr(p.path(name), fallback));
    }

    private static void bypassLockoutCheck(JsonNode p, ContextSink out) {
        ContextKey key = ContextKey.BYPASS_POLICY_LOCKOUT_SAFETY_CHECK;
        if (out.wants(key)) out.put(key, bool(p.path("BypassPolicyLockoutSafetyCheck")));
    }

    /** kms: key properties of the key that CreateKey / ReplicateKey would create, plus their request keys. */
    private static void newKeyKeys(JsonNode p, String spec, String usage, String origin, boolean multiRegion,
                                   String multiRegionType, ContextSink out) {
        bypassLockoutCheck(p, out);
        out.put(ContextKey.KEY_SPEC, spec);
        out.put(ContextKey.CUSTOMER_MASTER_KEY_SPEC, spec);
        out.put(ContextKey.KEY_USAGE, usage);
        out.put(ContextKey.CUSTOMER_MASTER_KEY_USAGE, usage);
        out.put(ContextKey.KEY_ORIGIN, origin);
        out.put(ContextKey.MULTI_REGION, multiRegion ? "true" : "false");
        if (multiRegion) out.put(ContextKey.MULTI_REGION_KEY_TYPE, multiRegionType);
        requestTags(p, out);
        if (out.wants(ContextKey.RESOURCE_TAG))
            for (JsonNode tag : p.path("Tags"))
                if (text(tag.path("TagKey")) != null)
                    out.putSuffixed(ContextKey.RESOURCE_TAG, text(tag.path("TagKey")), text(tag.path("TagValue")));
    }

    private static void requestTags(JsonNode p, ContextSink out) {
        JsonNode tags = p.path("Tags");
        if (!tags.isArray() || !out.wants(ContextKey.REQUEST_TAG) && !out.wants(ContextKey.TAG_KEYS)) return;
        List<String> keys = new ArrayList<>(tags.size());
        for (JsonNode tag : tags) {
            String k = text(tag.path("TagKey"));
            if (k == null) continue;
            keys.add(k);
            out.putSuffixed(ContextKey.REQUEST_TAG, k, text(tag.path("TagValue")));
        }
        out.putMulti(ContextKey.TAG_KEYS, keys);
    }

    private static void encryptionContext(JsonNode ec, ContextSink out) {
        if (ec == null || !out.wants(ContextKey.ENCRYPTION_CONTEXT) && !out.wants(ContextKey.ENCRYPTION_CONTEXT_KEYS))
            return;
        List<String> keys = new ArrayList<>(ec.size());
        for (Map.Entry<String, JsonNode> e : ec.properties()) {
            String v = text(e.getValue());
            if (v == null) continue;
            keys.add(e.getKey());
            out.putSuffixed(ContextKey.ENCRYPTION_CONTEXT, e.getKey(), v);
        }
        if (!keys.isEmpty()) out.putMulti(ContextKey.ENCRYPTION_CONTEXT_KEYS, keys);
    }

    private static void encryptionContext(Map<String, String> ec, ContextSink out) {
        if (ec.isEmpty() || !out.wants(ContextKey.ENCRYPTION_CONTEXT) && !out.wants(ContextKey.ENCRYPTION_CONTEXT_KEYS))
            return;
        for (Map.Entry<String, String> e : ec.entrySet())
            out.putSuffixed(ContextKey.ENCRYPTION_CONTEXT, e.getKey(), e.getValue());
        out.putMulti(ContextKey.ENCRYPTION_CONTEXT_KEYS, List.copyOf(ec.keySet()));
    }

    /** The kms:RecipientAttestation: suffixes and values of the request's attestation document, in put order. */
    private static List<Map.Entry<String, String>> attestationKeys(JsonNode p) {
        AttestationDocument att = AttestationDocument.parse(text(p.path("Recipient").path("AttestationDocument")));
        if (att == null) return List.of();
        List<Map.Entry<String, String>> out = new ArrayList<>(att.pcrs().size() + 1);
        for (Map.Entry<Integer, byte[]> e : att.pcrs().entrySet()) {
            String hex = HEX.formatHex(e.getValue());
            if (att.tpm()) {
                out.add(Map.entry("NitroTPMPCR" + e.getKey(), hex));
            } else {
                out.add(Map.entry("PCR" + e.getKey(), hex));
                if (e.getKey() == 0) out.add(Map.entry("ImageSha384", hex));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // small parsers; none of them throws

    private static JsonNode params(KmsRequest r) {
        JsonNode p = r.parameters();
        return p == null ? MissingNode.getInstance() : p;
    }

    private static boolean hasTags(JsonNode p) {
        return p.path("Tags").isArray() && !p.path("Tags").isEmpty();
    }

    /** The object node when it has at least one member, else null (absent and {} are the same context, §11). */
    private static JsonNode nonEmpty(JsonNode n) {
        return n.isObject() && !n.isEmpty() ? n : null;
    }

    /** Strings, numbers and booleans in canonical text; anything else null. */
    static String text(JsonNode n) {
        if (n == null) return null;
        if (n.isTextual()) return n.textValue();
        if (n.isIntegralNumber()) return n.bigIntegerValue().toString();
        if (n.isNumber()) return n.decimalValue().stripTrailingZeros().toPlainString();
        if (n.isBoolean()) return n.booleanValue() ? "true" : "false";
        return null;
    }

    private static String textOr(JsonNode n, String fallback) {
        String s = text(n);
        return s != null ? s : fallback;
    }

    private static String bool(JsonNode n) {
        String s = text(n);
        if ("true".equalsIgnoreCase(s)) return "true";
        if ("false".equalsIgnoreCase(s)) return "false";
        return null;
    }

    private static List<String> strings(JsonNode n) {
        if (!n.isArray()) return null;
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
            String s = text(e);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** A timestamp parameter (epoch seconds, possibly fractional, or ISO-8601 text) as integer epoch seconds. */
    private static String epochSeconds(JsonNode n) {
        if (n.isNumber()) return Long.toString((long) Math.floor(n.doubleValue()));
        String s = text(n);
        if (s == null) return null;
        try {
            return Long.toString((long) Math.floor(Double.parseDouble(s)));
        } catch (NumberFormatException e) {
            try {
                return Long.toString(Instant.parse(s).getEpochSecond());
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    /** "alias/x" when the key identifier is an alias name or alias ARN, else null. */
    static String aliasName(String keyId) {
        if (keyId == null) return null;
        if (keyId.startsWith("alias/")) return keyId;
        if (keyId.startsWith("arn:")) {
            int i = keyId.indexOf(":alias/");
            if (i > 0) return keyId.substring(i + 1);
        }
        return null;
    }

    /** The account field of an ARN, or null. */
    static String arnAccount(String arn) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        int from = 0;
        for (int i = 0; i < 4; i++) {
            from = arn.indexOf(':', from) + 1;
            if (from == 0) return null;
        }
        int to = arn.indexOf(':', from);
        return to < 0 || to == from ? null : arn.substring(from, to);
    }

    /** "geo.us-west-2.amazonaws.com" → "geo.amazonaws.com": the service principal form used by aws:CalledVia. */
    static String servicePrincipalOf(String viaService) {
        int first = viaService.indexOf('.');
        if (first <= 0) return viaService;
        int second = viaService.indexOf('.', first + 1);
        if (second < 0) return viaService;
        String label = viaService.substring(first + 1, second);
        boolean region = label.indexOf('-') > 0 && Character.isDigit(label.charAt(label.length() - 1));
        return region ? viaService.substring(0, first) + viaService.substring(second) : viaService;
    }

    private static String principalType(Caller.IamType type) {
        return switch (type) {
            case ROOT -> "Account";
            case USER -> "User";
            case ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
        };
    }

    /** aws:CurrentTime and aws:EpochTime of the most recent second, formatted once per second. */
    private record Clock(long second, String iso, String epoch) {
        private static volatile Clock last = new Clock(Long.MIN_VALUE, "", "");

        static Clock of(Instant time) {
            Clock c = last;
            long s = time.getEpochSecond();
            if (c.second != s) {
                c = new Clock(s, DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(s)), Long.toString(s));
                last = c;
            }
            return c;
        }
    }
}
