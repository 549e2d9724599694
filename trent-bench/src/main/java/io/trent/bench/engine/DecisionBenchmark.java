package io.trent.bench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trent.authz.Decision;
import io.trent.authz.Simulation;
import io.trent.authz.SimulationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Decisions per second of the engine, each building the request context and authorizing, exactly what
 * {@code trent bench-policy} times: {@link Simulation#decide()} on a case parsed once in setup.
 * Cases: the two example policies of the KMS guide's service-permissions page (examples/*.json, an allowed and a
 * denied request each) and a 50-statement key policy whose last statement is the one that allows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {
    @Param({"cloudtrail-allowed", "cloudtrail-other-trail", "location-grant-via-geo", "location-grant-direct",
            "key-policy-50-statements"})
    public String scenario;

    private Simulation simulation;

    @Setup
    public void load() throws IOException, SimulationException {
        String resource = "/cases/" + scenario + ".json";
        try (InputStream in = DecisionBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no benchmark case " + resource);
            simulation = Simulation.parse(new ObjectMapper().readTree(in));
        }
        Decision d = simulation.decide();
        if (d.outcome() != simulation.expected())
            throw new IllegalStateException(scenario + ": decided " + d.outcome().caseName() + ", the case expects "
                    + simulation.expected().caseName() + "; refusing to time a wrong answer");
    }

    @Benchmark
    public Decision decide() {
        return simulation.decide();
    }
}
