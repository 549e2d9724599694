package io.trent.bench.analyzer;

import io.trent.analyzer.lint.Finding;
import io.trent.analyzer.lint.LintMode;
import io.trent.analyzer.lint.Linter;
import io.trent.analyzer.symbolic.Analyzer;
import io.trent.analyzer.symbolic.Mode;
import io.trent.policy.Policy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The analyzer's two speed targets, warm: {@code trent lint} of a key policy at the 32 KB size limit (all 38
 * checks, the semantic ones included) and {@code trent analyze diff} of two 30-statement policies (every witness
 * built and replayed through the engine, as the command does). Inputs: {@code src/main/resources/analyzer/}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalyzerBenchmark {
    private String bigPolicy;
    private Policy previous, next;
    private Mode mode;

    @Setup
    public void load() throws IOException {
        bigPolicy = resource("key-policy-32k.json");
        if (bigPolicy.getBytes(StandardCharsets.UTF_8).length < 32_000)
            throw new IllegalStateException("the lint input should be close to the 32 KB key policy limit");
        previous = PolicyParser.parse(resource("diff-old-30.json"), PolicyType.KEY_POLICY).orThrow();
        next = PolicyParser.parse(resource("diff-new-30.json"), PolicyType.KEY_POLICY).orThrow();
        mode = Mode.engine(Mode.defaultAccount(next, previous));
        List<String> codes = lint().stream().map(Finding::code).distinct().sorted().toList();
        if (!codes.equals(List.of("ENCRYPTION_CONTEXT_ON_UNSUPPORTED_ACTION", "STRING_OPERATOR_ON_ARN_KEY")))
            throw new IllegalStateException("unexpected lint codes " + codes + "; refusing to time a wrong answer");
        Analyzer.Result r = diff();
        if (r.verdict() != Analyzer.Verdict.FAIL || r.findings().size() != 4)
            throw new IllegalStateException("expected 4 classes of new access, got " + r.verdict() + " with "
                    + r.findings().size() + "; refusing to time a wrong answer");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AnalyzerBenchmark.class.getResourceAsStream("/analyzer/" + name)) {
            if (in == null) throw new IllegalArgumentException("no benchmark input " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public List<Finding> lint() {
        return Linter.lint(bigPolicy, LintMode.KEY_POLICY);
    }

    @Benchmark
    public Analyzer.Result diff() {
        return Analyzer.diff(previous, next, mode);
    }
}
