package io.trent.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random policies over a small vocabulary of actions, keys, operators and values, evaluated against random requests:
 * documents of the generator always parse, evaluation never throws, and match() agrees with explain().
 */
class PolicyPropertiesTest {
    private static final List<String> ACTION_PATTERNS = List.of("*", "kms:*", "kms:Decrypt", "KMS:decrypt", "kms:GenerateDataKey*",
            "kms:?ncrypt", "kms:ReEncrypt", "kms:ReEncrypt*", "s3:*", "kms:Describe*");
    private static final List<String> ACTIONS = List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyPair",
            "kms:ReEncryptFrom", "kms:DescribeKey", "s3:GetObject", "kms:decrypt", "", "*");
    private static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:*",
            "arn:aws:kms:us-west-2:111122223333:alias/${aws:username}", "arn:aws:kms:us-west-2:111122223333:*", "arn:aws:s3:::b/*");
    private static final List<String> RESOURCES = List.of(Fixtures.KEY_ARN, "arn:aws:kms:us-west-2:111122223333:alias/alice",
            "arn:aws:kms:us-west-2:111122223333:*", "arn:aws:kms:us-west-2", "not an arn", "", "arn:aws:kms:us-west-2:111122223333:key/a:b");
    private static final List<String> PRINCIPALS = List.of("\"*\"", "{\"AWS\":\"*\"}", "{\"AWS\":\"111122223333\"}",
            "{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::111122223333:user/alice\"]}",
            "{\"AWS\":\"arn:aws:iam::111122223333:role/LocationTeam\"}",
            "{\"AWS\":[\"arn:aws:sts::111122223333:assumed-role/LocationTeam/s1\",\"444455556666\"]}",
            "{\"Service\":\"cloudtrail.amazonaws.com\",\"Federated\":\"x\"}");
    private static final List<Caller> CALLERS = List.of(Fixtures.ALICE, Fixtures.ROOT, Fixtures.SESSION, Fixtures.FEDERATED,
            Fixtures.EXTERNAL, Fixtures.CLOUDTRAIL, new Caller.Service("logs.amazonaws.com"));
    private static final List<String> SINGLE_KEYS = List.of("kms:ViaService", "kms:CallerAccount", "kms:EncryptionContext:app",
            "aws:SourceIp", "aws:CurrentTime", "kms:RotationPeriodInDays", "aws:SecureTransport", "aws:PrincipalArn", "aws:username",
            "aws:PrincipalTag/team");
    private static final List<String> MULTI_KEYS = List.of("kms:EncryptionContextKeys", "aws:TagKeys");
    private static final Map<ConditionOperator.Family, List<String>> POLICY_VALUES = Map.of(
            ConditionOperator.Family.STRING, List.of("a", "b*", "${aws:username}", "x?", "${aws:PrincipalTag/team, 'd'}", "", "${*}"),
            ConditionOperator.Family.NUMERIC, List.of("0", "10", "-2.5", "365", "123456789012345678901"),
            ConditionOperator.Family.DATE, List.of("2026-01-01T00:00:00Z", "2020", "1767225600", "2026-06-01T12:00:00.5+02:00"),
            ConditionOperator.Family.BOOL, List.of("true", "False"),
            ConditionOperator.Family.BINARY, List.of("QmluYXJ5", ""),
            ConditionOperator.Family.IP, List.of("10.0.0.0/8", "2001:db8::/32", "203.0.113.7", "::ffff:10.0.0.1", "0.0.0.0/0"),
            ConditionOperator.Family.ARN, List.of("*", "arn:aws:iam::111122223333:role/*", "arn:aws:cloudtrail:*",
                    "arn:aws:iam::${aws:username}:root", "arn:aws:kms:us-west-2:111122223333:key/*"),
            ConditionOperator.Family.NULL, List.of("true", "false"));
    private static final List<String> REQUEST_VALUES = List.of("a", "b", "bc", "x?", "alice", "d", "*", "0", "10", "-3", "365", "9e9",
            "2026-01-01T00:00:00Z", "1767225600", "2019-12-31", "true", "FALSE", "QmluYXJ5", "10.1.2.3", "2001:db8::5", "::ffff:10.0.0.1",
            "arn:aws:iam::111122223333:role/x", "arn:aws:iam::alice:root", Fixtures.KEY_ARN, "", "é\n☃", "${aws:username}");

    @Property(tries = 300)
    void generatedIdentityPoliciesParseAndEvaluateConsistently(@ForAll("identityDocuments") String document,
                                                               @ForAll("requests") List<EvalRequest> requests) {
        checkDocument(document, PolicyType.IDENTITY_POLICY, requests);
        coverage("matched", "Action", "Resource", "Condition");
    }

    @Property(tries = 300)
    void generatedKeyPoliciesParseAndEvaluateConsistently(@ForAll("keyDocuments") String document,
                                                          @ForAll("requests") List<EvalRequest> requests) {
        checkDocument(document, PolicyType.KEY_POLICY, requests);
        coverage("matched", "Principal", "Action", "Condition");
    }

    /** The generators must exercise every outcome, or the properties above would hold vacuously. */
    private static void coverage(String... outcomes) {
        Statistics.label("outcome").coverage(c -> {
            for (String outcome : outcomes) c.check(outcome).percentage(p -> p > 2);
        });
    }

    private static void checkDocument(String document, PolicyType type, List<EvalRequest> requests) {
        ParseResult parsed = PolicyParser.parse(document, type);
        assertThat(parsed.diagnostics()).as(document).isEmpty();
        CompiledPolicy compiled = CompiledPolicy.compile(parsed.policy());
        for (EvalRequest r : requests) {
            List<String> indexed = new ArrayList<>(), each = new ArrayList<>();
            compiled.forEachMatch(r, (s, m) -> indexed.add(s.statement().index() + " " + m));
            for (CompiledStatement s : compiled.statements())
                if (s.match(r) != PrincipalMatch.NONE) each.add(s.statement().index() + " " + s.match(r));
            assertThat(indexed).as("%s\n%s", document, r).isEqualTo(each);
            for (CompiledStatement s : compiled.statements()) {
                PrincipalMatch m = s.match(r);
                StatementResult e = s.explain("p", r);
                assertThat(e.matched()).as("%s\n%s", document, r).isEqualTo(m != PrincipalMatch.NONE);
                assertThat(e.principalMatch()).isEqualTo(m);
                assertThat(e.mismatch() == null).isEqualTo(e.matched());
                Statistics.label("outcome").collect(e.matched() ? "matched" : e.mismatch().getClass().getSimpleName());
                if (e.mismatch() != null) assertThat(e.mismatch().describe()).isNotBlank();
            }
        }
    }

    @Property(tries = 200)
    void mutatedDocumentsNeverThrowAndLenientParsingAgreesWithStrict(@ForAll("keyDocuments") String document,
                                                                     @ForAll @IntRange(min = 0, max = 400) int at,
                                                                     @ForAll("junk") String junk) {
        int cut = Math.min(at, document.length());
        String mutated = document.substring(0, cut) + junk + document.substring(cut);
        for (PolicyType type : PolicyType.values()) {
            ParseResult strict = PolicyParser.parse(mutated, type);
            LenientParse lenient = PolicyParser.parseLenient(mutated, type);
            assertThat(lenient.diagnostics()).isEqualTo(strict.diagnostics());
            assertThat(strict.ok()).isEqualTo(lenient.ok());
            if (strict.ok()) assertThat(strict.policy()).isEqualTo(lenient.policy());
            if (lenient.policy() != null) {
                assertThat(lenient.policy().statements()).noneMatch(s -> lenient.badStatements().contains(s.index()));
                CompiledPolicy.compile(lenient.policy());
            }
            for (Diagnostic d : strict.diagnostics()) assertThat(d.path()).startsWith("$");
        }
    }

    /** The glob matcher agrees with a regular-expression reference. */
    @Property(tries = 1000)
    void globAgreesWithRegex(@ForAll("globs") String pattern, @ForAll("globSubjects") String subject) {
        String regex = pattern.chars().mapToObj(c -> c == '*' ? "[\\s\\S]*" : c == '?' ? "[\\s\\S]" : Pattern.quote(String.valueOf((char) c)))
                .collect(Collectors.joining());
        assertThat(Glob.of(pattern, false).matches(subject)).as(pattern + " ~ " + subject)
                .isEqualTo(Pattern.matches(regex, subject));
    }

    /** A glob built for one match (substituted per request) answers as the compiled one. */
    @Property(tries = 1000)
    void singleUseGlobAgreesWithCompiled(@ForAll("globs") String pattern, @ForAll("globSubjects") String subject) {
        int[] tokens = Glob.tokens(pattern, false);
        assertThat(Glob.once(tokens, false).matches(subject)).as(pattern + " ~ " + subject)
                .isEqualTo(Glob.of(tokens, false).matches(subject));
    }

    /** Case-folding globs (actions) agree with a case-insensitive regular expression over ASCII. */
    @Property(tries = 500)
    void foldingGlobAgreesWithRegex(@ForAll("foldGlobs") String pattern, @ForAll("foldSubjects") String subject) {
        String regex = pattern.chars().mapToObj(c -> c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf((char) c)))
                .collect(Collectors.joining());
        assertThat(Glob.of(pattern, true).matches(subject)).as(pattern + " ~ " + subject)
                .isEqualTo(Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(subject).matches());
    }

    @Provide
    Arbitrary<String> foldGlobs() {
        return Arbitraries.strings().withChars("aAbB:*?").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> foldSubjects() {
        return Arbitraries.strings().withChars("aAbB:").ofMaxLength(10);
    }

    /** IPv4 CIDR containment agrees with a bit-mask reference; IPv4-mapped IPv6 addresses are IPv4, IPv6 ones never match. */
    @Property(tries = 500)
    void ipv4Containment(@ForAll int network, @ForAll @IntRange(min = 0, max = 32) int prefix, @ForAll int address) {
        IpRange range = IpRange.parse(dotted(network) + "/" + prefix);
        long mask = prefix == 0 ? 0 : (0xffff_ffffL << (32 - prefix)) & 0xffff_ffffL;
        boolean expected = ((network & 0xffff_ffffL) & mask) == ((address & 0xffff_ffffL) & mask);
        assertThat(range.contains(dotted(address))).isEqualTo(expected);
        assertThat(range.contains("::ffff:" + dotted(address))).isEqualTo(expected);
        assertThat(range.contains(v6(0x2001_0db8_0000_0000L, address & 0xffff_ffffL, false))).isFalse();
    }

    /** IPv6 containment by prefix; compressed ("::") and full spellings are the same address. */
    @Property(tries = 500)
    void ipv6Containment(@ForAll("ipv6Halves") long hi, @ForAll("ipv6Halves") long lo, @ForAll @IntRange(min = 0, max = 128) int prefix,
                         @ForAll("ipv6Halves") long otherLo, @ForAll boolean compress) {
        Assume.that(!isMapped(hi, lo) && !isMapped(hi, otherLo));
        IpRange range = IpRange.parse(v6(hi, lo, compress) + "/" + prefix);
        assertThat(range).as(v6(hi, lo, compress)).isNotNull();
        assertThat(range.contains(v6(hi, lo, !compress))).isTrue();
        boolean sameBits = prefix <= 64 || ((lo ^ otherLo) & (-1L << (128 - prefix))) == 0;
        assertThat(range.contains(v6(hi, otherLo, compress))).isEqualTo(sameBits);
        assertThat(range.contains(dotted((int) lo))).isFalse();
    }

    @Provide
    Arbitrary<Long> ipv6Halves() {
        // zero groups make "::" compression likely
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(-1L, 0xffff_0000_ffff_0000L, 0xffffL, 0L, 0xffff_ffff_0000_0000L))
                .as((l, mask) -> l & mask);
    }

    /** ISO-8601 forms with offsets agree with java.time. */
    @Property(tries = 300)
    void datesAgreeWithJavaTime(@ForAll @IntRange(min = -2_000_000_000, max = 2_000_000_000) int seconds,
                                @ForAll @IntRange(min = -14 * 4, max = 14 * 4) int quarterHours,
                                @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        OffsetDateTime t = instant.atOffset(ZoneOffset.ofTotalSeconds(quarterHours * 900));
        String iso = t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT));
        assertThat(Dates.parse(iso)).as(iso).isEqualTo(instant);
        // exactly four digits read as a year (section 4.2 profile YYYY), not as epoch seconds
        if (seconds < 1000 || seconds > 9999) assertThat(Dates.parse(Long.toString(seconds))).isEqualTo(Instant.ofEpochSecond(seconds));
        if (t.getYear() >= 1000) assertThat(Dates.parse(iso.substring(0, 10))).isEqualTo(t.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static boolean isMapped(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0xffffL;
    }

    private static String dotted(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }

    /** Eight hex groups, optionally with the longest run of zero groups written as "::". */
    private static String v6(long hi, long lo, boolean compress) {
        long[] groups = new long[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (hi >>> (16 * (3 - i))) & 0xffff;
            groups[i + 4] = (lo >>> (16 * (3 - i))) & 0xffff;
        }
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (compress && i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') b.append(':');
            b.append(Long.toHexString(groups[i]));
        }
        return b.toString();
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars("ab*?:\n").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> globSubjects() {
        return Arbitraries.strings().withChars("ab*?:\n").ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "null", "\"Effect\":\"Deny\",", "\"Statement\":[],",
                "\"Action\":7,", "\"Condition\":{\"Null\":{\"k\":[]}},", "\\u0000", "\"x\":{\"y\":[[[]]]},"), Arbitraries.strings().ofMaxLength(4));
    }

    @Provide
    Arbitrary<String> identityDocuments() {
        return documents(false);
    }

    @Provide
    Arbitrary<String> keyDocuments() {
        return documents(true);
    }

    private Arbitrary<String> documents(boolean keyPolicy) {
        Arbitrary<String> version = Arbitraries.of("\"Version\":\"2012-10-17\",", "\"Version\":\"2008-10-17\",", "");
        Arbitrary<String> statements = statement(keyPolicy).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(",", l));
        return Combinators.combine(version, statements, Arbitraries.of(true, false))
                .as((v, s, array) -> "{" + v + "\"Statement\":" + (array || s.contains("},{") ? "[" + s + "]" : s) + "}");
    }

    private Arbitrary<String> statement(boolean keyPolicy) {
        Arbitrary<String> effect = Arbitraries.of("Allow", "Deny");
        Arbitrary<String> principal = keyPolicy
                ? Combinators.combine(Arbitraries.of("Principal", "NotPrincipal"), Arbitraries.of(PRINCIPALS)).as((e, p) -> "\"" + e + "\":" + p + ",")
                : Arbitraries.just("");
        Arbitrary<String> action = Combinators.combine(Arbitraries.of("Action", "NotAction"), Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(3))
                .as((e, l) -> "\"" + e + "\":" + array(l));
        Arbitrary<String> resource = keyPolicy ? Arbitraries.of("\"Resource\":\"*\"", "\"Resource\":[\"*\"]")
                : Combinators.combine(Arbitraries.of("Resource", "NotResource"), Arbitraries.of(RESOURCE_PATTERNS).list().ofMinSize(1).ofMaxSize(2))
                        .as((e, l) -> "\"" + e + "\":" + array(l));
        Arbitrary<String> conditions = condition(keyPolicy).list().ofMaxSize(4).map(PolicyPropertiesTest::conditionBlock);
        return Combinators.combine(effect, principal, action, resource, conditions)
                .as((e, p, a, r, c) -> "{\"Effect\":\"" + e + "\"," + p + a + "," + r + c + "}");
    }

    /** {opText, key, values-json}. */
    private Arbitrary<String[]> condition(boolean keyPolicy) {
        Arbitrary<ConditionOperator> op = Arbitraries.of(ConditionOperator.class);
        Arbitrary<String> qualifier = Arbitraries.of("", "", "ForAnyValue:", "ForAllValues:", "forallvalues:");
        Arbitrary<String> key = Arbitraries.of(concat(SINGLE_KEYS, MULTI_KEYS));
        return Combinators.combine(op, qualifier, Arbitraries.of("", "IfExists", "ifexists"), key, Arbitraries.of(true, false), Arbitraries.integers().between(1, 3))
                .flatAs((o, q, ifExists, k, upper, n) -> {
                    boolean isNull = o == ConditionOperator.NULL;
                    String prefix = isNull || keyPolicy && !q.isEmpty() && k.startsWith("kms:EncryptionContext:") ? "" : q;
                    String name = upper ? o.awsName().toUpperCase(Locale.ROOT) : o.awsName();
                    String text = prefix + name + (isNull ? "" : ifExists);
                    return Arbitraries.of(POLICY_VALUES.get(o.family())).list().ofMinSize(1).ofMaxSize(n)
                            .map(values -> new String[] {text, k, values.size() == 1 ? json(values.get(0)) : array(values)});
                });
    }

    private static String conditionBlock(List<String[]> conditions) {
        if (conditions.isEmpty()) return "";
        Map<String, Map<String, String>> byOperator = new LinkedHashMap<>();
        for (String[] c : conditions) byOperator.computeIfAbsent(c[0], o -> new LinkedHashMap<>()).put(c[1], c[2]);
        return ",\"Condition\":{" + byOperator.entrySet().stream()
                .map(op -> json(op.getKey()) + ":{" + op.getValue().entrySet().stream().map(k -> json(k.getKey()) + ":" + k.getValue())
                        .collect(Collectors.joining(",")) + "}")
                .collect(Collectors.joining(",")) + "}";
    }

    @Provide
    Arbitrary<List<EvalRequest>> requests() {
        Arbitrary<Caller> caller = Arbitraries.of(CALLERS).injectNull(0.05);
        Arbitrary<String> action = Arbitraries.oneOf(Arbitraries.of(ACTIONS), Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> resource = Arbitraries.of(RESOURCES).injectNull(0.05);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(REQUEST_VALUES), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<Map<String, String>> singles = Arbitraries.maps(Arbitraries.of(SINGLE_KEYS), value).ofMaxSize(6);
        Arbitrary<Map<String, List<String>>> multis = Arbitraries.maps(Arbitraries.of(MULTI_KEYS), value.list().ofMaxSize(3)).ofMaxSize(2);
        Arbitrary<RequestContext> context = Combinators.combine(singles, multis, Arbitraries.of(true, false)).as((s, m, lazy) -> {
            RequestContext.Builder b = RequestContext.builder();
            s.forEach(b::put);
            m.forEach(b::putMulti);
            RequestContext built = b.build();
            return lazy ? RequestContext.lazy(new RequestContext.Source() {
                @Override
                public RequestContext.Values derive(String lowerKey) {
                    return built.getLower(lowerKey);
                }

                @Override
                public void putAll(RequestContext.Builder into) {
                    s.forEach(into::put);
                    m.forEach(into::putMulti);
                }
            }) : built;
        }).injectNull(0.05);
        return Combinators.combine(caller, action, resource, context).as(EvalRequest::new).list().ofMinSize(1).ofMaxSize(6);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String array(List<String> values) {
        return values.stream().map(PolicyPropertiesTest::json).collect(Collectors.joining(",", "[", "]"));
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
