package io.trent.authz;

import io.trent.policy.Caller;
import io.trent.policy.CompiledPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trent.authz.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Flow-level properties over random policies, grants and requests. */
class AuthorizerProperties {
    static final String ROLE = "arn:aws:iam::111122223333:role/App";
    static final String USER = "arn:aws:iam::111122223333:user/alice";
    static final String OUTSIDER = "arn:aws:iam::444455556666:user/Lin";
    static final List<Caller> CALLERS = List.of(session("App", "s1"), user("alice"), root(ACCOUNT), iam(OUTSIDER),
            root(OTHER_ACCOUNT), iam("arn:aws:sts::111122223333:federated-user/fed"), new Caller.Service("logs.amazonaws.com"));

    static final List<String> KP_PRINCIPALS = List.of("\"*\"", "{\"AWS\":\"*\"}", "{\"AWS\":\"111122223333\"}",
            "{\"AWS\":\"arn:aws:iam::444455556666:root\"}", "{\"AWS\":\"" + ROLE + "\"}", "{\"AWS\":\"" + USER + "\"}",
            "{\"AWS\":\"arn:aws:sts::111122223333:assumed-role/App/s1\"}", "{\"AWS\":\"" + OUTSIDER + "\"}",
            "{\"Service\":\"logs.amazonaws.com\"}");
    static final List<String> ACTIONS = List.of("\"Action\":\"kms:*\"", "\"Action\":\"*\"", "\"Action\":\"kms:Decrypt\"",
            "\"Action\":[\"kms:Encrypt\",\"kms:GenerateDataKey*\"]", "\"Action\":\"kms:ReEncrypt*\"", "\"Action\":\"kms:Create*\"",
            "\"Action\":\"kms:List*\"", "\"NotAction\":\"kms:Decrypt\"", "\"Action\":\"kms:RetireGrant\"",
            "\"Action\":[\"kms:Describe*\",\"kms:Get*\"]", "\"Action\":\"kms:PutKeyPolicy\"");
    static final List<String> RESOURCES = List.of("\"Resource\":\"*\"", "\"Resource\":\"" + KEY_ARN + "\"",
            "\"Resource\":\"arn:aws:kms:*:111122223333:key/*\"", "\"Resource\":\"arn:aws:kms:us-west-2:111122223333:*\"",
            "\"Resource\":\"arn:aws:kms:us-west-2:111122223333:alias/*\"", "\"NotResource\":\"" + KEY2_ARN + "\"");
    static final List<String> CONDITIONS = List.of("", ",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.us-west-2.amazonaws.com\"}}",
            ",\"Condition\":{\"StringNotEquals\":{\"aws:SourceAccount\":\"111122223333\"}}",
            ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}",
            ",\"Condition\":{\"Null\":{\"kms:EncryptionContextKeys\":\"true\"}}",
            ",\"Condition\":{\"StringEquals\":{\"kms:EncryptionContext:team\":\"red\"}}",
            ",\"Condition\":{\"ForAnyValue:StringLike\":{\"kms:EncryptionContextKeys\":[\"t*\"]}}",
            ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"198.51.100.0/24\"}}",
            ",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"198.51.100.0/24\"}}",
            ",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-06-01T00:00:00Z\"}}",
            ",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/A*\"}}",
            ",\"Condition\":{\"StringEqualsIfExists\":{\"kms:CallerAccount\":\"111122223333\"}}",
            ",\"Condition\":{\"Bool\":{\"kms:GrantIsForAWSResource\":\"true\"}}");
    static final List<String> OPERATIONS = java.util.Arrays.stream(KmsOperation.values()).map(Enum::name).toList();

    /** One generated world: policies as statement lists, grants and a request. */
    record World(List<String> kp, List<String> ip, List<String> pb, List<String> sp, List<String> scp, List<Grant> grants,
                 Caller caller, String operation, String context, boolean via, String sourceIp, boolean secure) {

        Decision decide() {
            return new Authorizer(identities()).authorize(request());
        }

        Ids identities() {
            Ids ids = new Ids();
            if (!ip.isEmpty()) ids.identity.put(ROLE, List.of(named("ip", identityPolicy(ip.toArray(String[]::new)))));
            if (!ip.isEmpty()) ids.identity.put(USER, List.of(named("ip", identityPolicy(ip.toArray(String[]::new)))));
            if (!ip.isEmpty()) ids.identity.put(OUTSIDER, List.of(named("ip", identityPolicy(ip.toArray(String[]::new)))));
            if (!pb.isEmpty()) ids.boundaries.put(ROLE, named("pb", identityPolicy(pb.toArray(String[]::new))));
            if (!sp.isEmpty()) ids.sessions.put("arn:aws:sts::111122223333:assumed-role/App/s1",
                    named("sp", identityPolicy(sp.toArray(String[]::new))));
            if (!scp.isEmpty()) {
                ids.scps.put(ACCOUNT, List.of(named("scp", identityPolicy(scp.toArray(String[]::new)))));
                ids.scps.put(OTHER_ACCOUNT, List.of(named("scp", identityPolicy(scp.toArray(String[]::new)))));
            }
            return ids;
        }

        KmsRequest request() {
            // a key policy needs a statement; an empty list stands for one that never applies
            CompiledPolicy policy = kp.isEmpty() ? keyPolicy(foreignAction(kpAllowEveryone()))
                    : keyPolicy(kp.toArray(String[]::new));
            KmsKey k = new KmsKey(KEY_ARN, KEY_ID, ACCOUNT, REGION, policy, "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS",
                    false, null, Map.of("team", "red"), List.of("alias/app"), grants);
            String p = "{\"KeyId\":\"" + KEY_ARN + "\",\"SourceKeyId\":\"alias/app\",\"DestinationKeyId\":\"" + KEY_ARN + "\","
                    + "\"AliasName\":\"alias/app\",\"TargetKeyId\":\"" + KEY_ARN + "\",\"GranteePrincipal\":\"" + ROLE + "\","
                    + "\"RetiringPrincipal\":\"" + USER + "\",\"Operations\":[\"Decrypt\"],\"GrantId\":\"g0\""
                    + (context == null ? "" : ",\"EncryptionContext\":" + context + ",\"SourceEncryptionContext\":" + context
                    + ",\"DestinationEncryptionContext\":" + context + ",\"Constraints\":{\"EncryptionContextSubset\":" + context + "}")
                    + "}";
            Transport t = new Transport(REGION, via ? "s3.us-west-2.amazonaws.com" : null,
                    caller instanceof Caller.Service ? "arn:aws:logs:us-west-2:111122223333:log-group:x" : null, null,
                    sourceIp, secure, TIME, Map.of());
            return new KmsRequest(operation, params(p), caller, t, k, null);
        }

        World with(String where, String statement) {
            List<String> kp2 = new ArrayList<>(kp), ip2 = new ArrayList<>(ip), pb2 = new ArrayList<>(pb),
                    sp2 = new ArrayList<>(sp), scp2 = new ArrayList<>(scp);
            switch (where) {
                case "kp" -> kp2.add(statement);
                case "ip" -> ip2.add(statement);
                case "pb" -> pb2.add(statement);
                case "sp" -> sp2.add(statement);
                default -> scp2.add(statement);
            }
            return new World(kp2, ip2, pb2, sp2, scp2, grants, caller, operation, context, via, sourceIp, secure);
        }
    }

    static Arbitrary<String> effect() {
        return Arbitraries.frequency(Tuple.of(4, "Allow"), Tuple.of(1, "Deny"));
    }

    static Arbitrary<String> condition() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(2, Arbitraries.of(CONDITIONS)));
    }

    static Arbitrary<String> action() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of("\"Action\":\"kms:*\"", "\"Action\":\"*\"")),
                Tuple.of(3, Arbitraries.of(ACTIONS)));
    }

    static Arbitrary<String> kpStatement() {
        return Combinators.combine(effect(), Arbitraries.of(KP_PRINCIPALS), action(), condition(), Arbitraries.of(true, false)).as((effect, principal, action, condition, not) ->
                "{\"Effect\":\"" + effect + "\",\"" + (not && effect.equals("Deny") ? "NotPrincipal" : "Principal") + "\":"
                        + (not && effect.equals("Deny") && principal.startsWith("\"") ? "{\"AWS\":\"" + USER + "\"}" : principal)
                        + "," + action + ",\"Resource\":\"*\"" + condition + "}");
    }

    static Arbitrary<String> ipStatement(String effect) {
        return Combinators.combine(action(), Arbitraries.of(RESOURCES), condition())
                .as((action, resource, condition) -> "{\"Effect\":\"" + effect + "\"," + action + "," + resource + condition + "}");
    }

    static Arbitrary<String> ipStatement() {
        return effect().flatMap(AuthorizerProperties::ipStatement);
    }

    static Arbitrary<Grant> grant() {
        return Combinators.combine(Arbitraries.of(ROLE, USER, OUTSIDER, "arn:aws:iam::111122223333:root", "444455556666"),
                Arbitraries.of("Decrypt", "Encrypt", "GenerateDataKey", "ReEncryptFrom", "ReEncryptTo", "CreateGrant",
                        "DescribeKey", "RetireGrant").list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                Arbitraries.of(0, 1, 2), Arbitraries.of(ROLE, USER, null)).as((grantee, ops, constraint, retiring) ->
                new Grant("g0", null, KEY_ARN, grantee, retiring, ops,
                        constraint == 1 ? Map.of("team", "red") : null, constraint == 2 ? Map.of("team", "red") : null,
                        ACCOUNT, TIME));
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<List<String>> kp = kpStatement().list().ofMaxSize(4);
        Arbitrary<List<String>> identity = ipStatement().list().ofMaxSize(3);
        Arbitrary<List<String>> gate = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.of())),
                Tuple.of(1, ipStatement().list().ofMinSize(1).ofMaxSize(2)),
                Tuple.of(1, ipStatement().list().ofMaxSize(1).map(l -> {
                    List<String> withAll = new ArrayList<>(l);
                    withAll.add("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
                    return withAll;
                })));
        Arbitrary<Tuple.Tuple4<String, Boolean, String, Boolean>> transport = Combinators.combine(
                Arbitraries.of("{\"team\":\"red\"}", "{\"Team\":\"blue\",\"x\":\"y\"}", "{}").injectNull(0.3),
                Arbitraries.of(true, false), Arbitraries.of("198.51.100.7", "203.0.113.9").injectNull(0.3),
                Arbitraries.of(true, false)).as(Tuple::of);
        Arbitrary<String> operation = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(OPERATIONS)),
                Tuple.of(1, Arbitraries.of("Decrypt", "Encrypt", "GenerateDataKey", "ReEncrypt", "CreateGrant", "DescribeKey",
                        "RetireGrant", "ListKeys", "CreateAlias")));
        return Combinators.combine(kp, identity, gate, gate, gate, grant().list().ofMaxSize(2), Arbitraries.of(CALLERS),
                operation).flatAs((k, i, pb, sp, scp, g, c, op) -> transport.map(t ->
                new World(k, i, pb, sp, scp, g, c, op, t.get1(), t.get2(), t.get3(), t.get4())));
    }

    @Property(tries = 300)
    void neverThrowsAndAlwaysExplains(@ForAll("worlds") World w) {
        Decision d = w.decide();
        Statistics.collect(d.outcome());
        Statistics.coverage(c -> {
            // the generator must reach every outcome often, or the other properties prove little
            c.check(Outcome.ALLOW).percentage(p -> p > 10);
            c.check(Outcome.EXPLICIT_DENY).percentage(p -> p > 10);
            c.check(Outcome.IMPLICIT_DENY).percentage(p -> p > 10);
        });
        assertThat(d.outcome()).isNotNull();
        assertThat(d.message() == null).isEqualTo(d.allowed());
        if (!d.allowed()) assertThat(d.message()).startsWith("User: " + w.caller().arn() + " is not authorized to perform: kms:");
        assertThat(d.checks()).isNotEmpty();
        assertThat(d.notApplied()).allSatisfy(r -> assertThat(r.mismatch()).isNotNull());
        if (d.outcome() == Outcome.EXPLICIT_DENY || d.allowed()) assertThat(d.reasons()).isNotEmpty();
        else assertThat(d.reasons()).isEmpty();
    }

    @Property(tries = 300)
    void addingADenyNeverTurnsADenyIntoAnAllow(@ForAll("worlds") World w, @ForAll("denies") Tuple.Tuple2<String, String> deny) {
        Decision before = w.decide();
        Decision after = w.with(deny.get1(), deny.get2()).decide();
        if (!before.allowed()) assertThat(after.allowed()).as("after adding %s to %s", deny.get2(), deny.get1()).isFalse();
        if (before.outcome() == Outcome.EXPLICIT_DENY) assertThat(after.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> denies() {
        return Arbitraries.oneOf(
                kpStatement().filter(s -> s.contains("\"Deny\"")).map(s -> Tuple.of("kp", s)),
                Arbitraries.of("ip", "pb", "sp", "scp").flatMap(where -> ipStatement("Deny").map(s -> Tuple.of(where, s))));
    }

    @Property(tries = 300)
    void addingAnAllowNeverTurnsAnAllowIntoADeny(@ForAll("worlds") World w, @ForAll("allows") Tuple.Tuple2<String, String> allow) {
        if (allow.get1().equals("pb") && w.pb().isEmpty() || allow.get1().equals("sp") && w.sp().isEmpty()
                || allow.get1().equals("scp") && w.scp().isEmpty()) return; // that would add a gate, not an Allow
        Decision before = w.decide();
        Decision after = w.with(allow.get1(), allow.get2()).decide();
        if (before.allowed()) assertThat(after.allowed()).as("after adding %s to %s", allow.get2(), allow.get1()).isTrue();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> allows() {
        return Arbitraries.oneOf(
                kpStatement().filter(s -> s.contains("\"Allow\"")).map(s -> Tuple.of("kp", s)),
                Arbitraries.of("ip", "pb", "sp", "scp").flatMap(where -> ipStatement("Allow").map(s -> Tuple.of(where, s))));
    }

    @Property(tries = 200)
    void aRequestNoStatementMatchesIsAnImplicitDeny(@ForAll("worlds") World w) {
        if (w.caller() instanceof Caller.Iam iam && iam.type() == Caller.IamType.ROOT) return; // root needs no identity policy
        World unmatched = new World(w.kp().stream().map(AuthorizerProperties::foreignAction).toList(),
                w.ip().stream().map(AuthorizerProperties::foreignAction).toList(),
                w.pb().stream().map(AuthorizerProperties::foreignAction).toList(),
                w.sp().stream().map(AuthorizerProperties::foreignAction).toList(), List.of(), List.of(), w.caller(),
                w.operation(), w.context(), w.via(), w.sourceIp(), w.secure());
        Decision d = unmatched.decide();
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.reasons()).isEmpty();
    }

    static String kpAllowEveryone() {
        return "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    }

    /** The statement with an action no KMS request carries. */
    static String foreignAction(String statement) {
        return statement.replaceAll("\"(Not)?Action\":(\"[^\"]*\"|\\[[^]]*])", "\"Action\":\"s3:GetObject\"");
    }
}
