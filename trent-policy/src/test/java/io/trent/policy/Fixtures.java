package io.trent.policy;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared builders for policy tests. JSON snippets use ' for " to stay readable. */
final class Fixtures {
    static final String KEY_ARN = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final Caller.Iam ALICE = Caller.parseIam("arn:aws:iam::111122223333:user/alice");
    static final Caller.Iam ROOT = Caller.parseIam("arn:aws:iam::111122223333:root");
    static final Caller.Iam SESSION = Caller.parseIam("arn:aws:sts::111122223333:assumed-role/LocationTeam/s1");
    static final Caller.Iam FEDERATED = Caller.parseIam("arn:aws:sts::111122223333:federated-user/bob");
    static final Caller.Iam EXTERNAL = Caller.parseIam("arn:aws:iam::444455556666:user/alice");
    static final Caller.Service CLOUDTRAIL = new Caller.Service("cloudtrail.amazonaws.com");

    private Fixtures() {}

    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static ParseResult keyPolicy(String singleQuotedJson) {
        return PolicyParser.parse(j(singleQuotedJson), PolicyType.KEY_POLICY);
    }

    static ParseResult identityPolicy(String singleQuotedJson) {
        return PolicyParser.parse(j(singleQuotedJson), PolicyType.IDENTITY_POLICY);
    }

    /** The only statement of a valid document. */
    static CompiledStatement compileOne(String json, PolicyType type) {
        ParseResult r = PolicyParser.parse(json, type);
        assertThat(r.diagnostics()).isEmpty();
        List<CompiledStatement> statements = CompiledPolicy.compile(r.policy()).statements();
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    /** A key-policy statement (given with ' for ") wrapped into a 2012-10-17 document. */
    static CompiledStatement keyStatement(String singleQuotedStatement) {
        return compileOne(j("{'Version':'2012-10-17','Statement':" + singleQuotedStatement + "}"), PolicyType.KEY_POLICY);
    }

    /** An identity-policy statement (given as real JSON) wrapped into a document of {@code version}. */
    static CompiledStatement identityStatement(String version, String statementJson) {
        String v = version == null ? "" : "\"Version\":\"" + version + "\",";
        return compileOne("{" + v + "\"Statement\":" + statementJson + "}", PolicyType.IDENTITY_POLICY);
    }

    static RequestContext.Builder ctx(String... keyValues) {
        RequestContext.Builder b = RequestContext.builder();
        for (int i = 0; i < keyValues.length; i += 2) b.put(keyValues[i], keyValues[i + 1]);
        return b;
    }

    static EvalRequest request(Caller caller, String action, String resource, RequestContext ctx) {
        return new EvalRequest(caller, action, resource, ctx);
    }

    /** match() after checking that explain() agrees with it. */
    static PrincipalMatch evaluate(CompiledStatement s, EvalRequest r) {
        PrincipalMatch m = s.match(r);
        StatementResult e = s.explain("test policy", r);
        assertThat(e.matched()).as("explain agrees with match").isEqualTo(m != PrincipalMatch.NONE);
        assertThat(e.principalMatch()).isEqualTo(m);
        assertThat(e.mismatch() == null).isEqualTo(e.matched());
        return m;
    }
}
