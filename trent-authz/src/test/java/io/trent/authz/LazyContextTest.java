package io.trent.authz;

import io.trent.policy.Caller;
import io.trent.policy.RequestContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.trent.authz.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contexts the server evaluates derive each key when a condition first reads it; explanations materialize them
 * all. Both must give the same keys and values, whatever the operation, caller and transport.
 */
class LazyContextTest {
    static final Caller.Service CLOUDTRAIL = new Caller.Service("cloudtrail.amazonaws.com");
    static final List<Caller> CALLERS = List.of(RequestContextBuilderTest.ALICE, session("Admin", "s1"), root(ACCOUNT),
            root(OTHER_ACCOUNT), CLOUDTRAIL);
    static final List<Transport> TRANSPORTS = List.of(direct(),
            new Transport("eu-west-1", "ec2.eu-west-1.amazonaws.com", null, null, "10.0.0.1", false, TIME,
                    Map.of("AWS:PrincipalOrgID", "o-1", "kms:CALLERACCOUNT", "override", "aws:PrincipalOrgPaths",
                            List.of("o-1/r-1/"), "kms:EncryptionContext:Dept", "verbatim")),
            new Transport(REGION, null, "arn:aws:cloudtrail:us-west-2:111122223333:trail/t", null, null, true, TIME,
                    Map.of()));
    /** Names that no request carries, besides every key some request derives. */
    static final List<String> ABSENT = List.of("aws:principalorgid-x", "aws:resourcetag/nope", "kms:encryptioncontext:nope",
            "kms:encryptioncontext:", "aws:principaltag/", "kms:recipientattestation:pcr9", "s3:prefix", "");

    /** Every key name any context of the loop below carries, plus ABSENT. */
    private static Set<String> probes(List<Map<String, RequestContext.Values>> contexts) {
        Set<String> names = new LinkedHashSet<>(ABSENT);
        for (ContextKey k : ContextKey.values()) names.add(k.key.lower());
        for (Map<String, RequestContext.Values> m : contexts) names.addAll(m.keySet());
        return names;
    }

    private static void agree(List<KmsRequest> requests, Map<String, String> tags) {
        List<RequestContext> contexts = new ArrayList<>();
        List<Map<String, RequestContext.Values>> all = new ArrayList<>();
        for (KmsRequest r : requests) {
            for (AuthzCheck c : RequestContextBuilder.checks(r, tags)) {
                contexts.add(c.context());
                all.add(c.context().asMap());
            }
        }
        Set<String> names = probes(all);
        for (int i = 0; i < contexts.size(); i++)
            for (String name : names)
                assertThat(contexts.get(i).getLower(name)).as("%s in context %d", name, i).isEqualTo(all.get(i).get(name));
        // and in another order, on contexts that derived nothing yet
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        int i = 0;
        for (KmsRequest r : requests) {
            for (AuthzCheck c : RequestContextBuilder.checks(r, tags)) {
                for (String name : reversed)
                    assertThat(c.context().get(name.toUpperCase(Locale.ROOT))).as(name).isEqualTo(all.get(i).get(name));
                i++;
            }
        }
    }

    @Test
    void derivedKeysAreTheMaterializedKeysForEveryOperation() {
        List<KmsRequest> requests = new ArrayList<>();
        for (RequestContextBuilderTest.Row row : RequestContextBuilderTest.rows())
            for (Caller caller : CALLERS)
                for (Transport t : TRANSPORTS)
                    requests.add(new KmsRequest(row.op().name(), params(row.params()), caller, t,
                            RequestContextBuilderTest.KEY, row.other()));
        agree(requests, Map.of("Team", "Red", "Cost-Center", "42"));
    }

    @Test
    void oddParametersDeriveWithoutThrowing() {
        List<KmsRequest> requests = new ArrayList<>();
        for (KmsOperation op : KmsOperation.values())
            requests.add(new KmsRequest(op.name(), params("{\"KeyId\":5,\"EncryptionContext\":[1],\"Tags\":{\"a\":1},"
                    + "\"Operations\":\"x\",\"Constraints\":7,\"TagKeys\":[null,{}],\"Recipient\":{\"AttestationDocument\":"
                    + "\"!!!\"},\"ValidTo\":\"soon\",\"GrantId\":\"g1\"}"), RequestContextBuilderTest.ALICE, null,
                    RequestContextBuilderTest.KEY, null));
        requests.add(new KmsRequest("Nope", params("{}"), null, null, null, null));
        agree(requests, null);
    }

    @Test
    void timeKeysComeFromOneInstantWithoutATransportTime() {
        KmsRequest r = new KmsRequest("Decrypt", params("{}"), RequestContextBuilderTest.ALICE,
                new Transport(REGION, null, null, null, null, true, null, Map.of()), RequestContextBuilderTest.KEY, null);
        Instant before = Instant.now();
        RequestContext ctx = RequestContextBuilder.checks(r, Map.of()).get(0).context();
        String current = ctx.get("aws:CurrentTime").single();
        String epoch = ctx.get("aws:EpochTime").single();
        assertThat(Instant.parse(current).getEpochSecond()).isEqualTo(Long.parseLong(epoch))
                .isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(ctx.asMap().get("aws:currenttime").single()).isEqualTo(current);
    }

    @Test
    void callersNoContextCanDescribeAreDenied() {
        KmsKey open = key(keyPolicy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}"));
        Authorizer authorizer = new Authorizer(null);
        assertThat(authorizer.authorize(request("DescribeKey", "{}", RequestContextBuilderTest.ALICE, open)).outcome())
                .isEqualTo(Outcome.ALLOW);
        Caller.Iam untyped = new Caller.Iam("arn:aws:iam::111122223333:user/x", "aws", ACCOUNT, null, "x", null);
        for (Caller odd : List.of(untyped, new Caller.Service(null)))
            assertThat(authorizer.authorize(request("DescribeKey", "{}", odd, open)).outcome())
                    .as("%s", odd).isEqualTo(Outcome.IMPLICIT_DENY);
    }
}
