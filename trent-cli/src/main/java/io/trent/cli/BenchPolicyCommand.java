package io.trent.cli;

import io.trent.authz.Decision;
import io.trent.authz.Simulation;
import io.trent.authz.SimulationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "bench-policy", mixinStandardHelpOptions = true,
        description = {"Time the engine's decision for one case.",
                "Times building the request context and authorizing (the case is parsed once, before timing), in "
                        + "this process, after a warm-up. Prints the distribution over timed batches and, last, "
                        + "ns_per_decision=<median>."})
public final class BenchPolicyCommand implements Callable<Integer> {
    /** Each timed batch lasts about this long: long enough for nanoTime, short enough for many batches. */
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Keeps every decision observable so the JIT cannot drop the work. */
    private static volatile int sink;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CASE.json", description = "The case to decide (conformance-case format).")
    Path file;

    @Option(names = "--seconds", defaultValue = "5", paramLabel = "N", description = "Timed duration (default 5).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "N",
            description = "Warm-up before timing, in seconds (default 2).")
    int warmup;

    @Override
    public Integer call() {
        if (seconds < 1) throw new ParameterException(spec.commandLine(), "--seconds must be at least 1");
        if (warmup < 1) throw new ParameterException(spec.commandLine(), "--warmup must be at least 1");
        PrintWriter out = spec.commandLine().getOut();
        Simulation simulation;
        try {
            simulation = Simulation.load(file);
        } catch (SimulationException e) {
            return Inputs.error(spec, file + ": " + e.getMessage());
        }
        Decision decision = simulation.decide();
        out.println("case:        " + file
                + (simulation.description() == null ? "" : " (" + simulation.description() + ")"));
        out.println("decision:    " + decision.outcome().caseName() + (simulation.expected() == null ? ""
                : simulation.expected() == decision.outcome() ? " (as expected)"
                : " (expected " + simulation.expected().caseName() + ")"));

        // Warm-up. The batch size comes from the rate of its second half, when the JIT has mostly finished.
        long t0 = System.nanoTime(), warmupNanos = TimeUnit.SECONDS.toNanos(warmup);
        long warmed = 0, rateStart = t0, rateFrom = 0;
        boolean secondHalf = false;
        do {
            decide(simulation, 1_000);
            warmed += 1_000;
            if (!secondHalf && System.nanoTime() - t0 >= warmupNanos / 2) {
                secondHalf = true;
                rateStart = System.nanoTime();
                rateFrom = warmed;
            }
        } while (System.nanoTime() - t0 < warmupNanos);
        long warmupEnd = System.nanoTime();
        if (warmed == rateFrom) { // the second half saw no complete round: use the whole warm-up
            rateFrom = 0;
            rateStart = t0;
        }
        long rateCount = warmed - rateFrom, rateNanos = Math.max(1, warmupEnd - rateStart);
        int batch = (int) Math.max(1, Math.min(Integer.MAX_VALUE, rateCount * BATCH_NANOS / rateNanos));

        long measureEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        double[] nsPerDecision = new double[1024];
        int batches = 0;
        do {
            long start = System.nanoTime();
            decide(simulation, batch);
            long elapsed = System.nanoTime() - start;
            if (batches == nsPerDecision.length) nsPerDecision = Arrays.copyOf(nsPerDecision, batches * 2);
            nsPerDecision[batches++] = (double) elapsed / batch;
        } while (System.nanoTime() < measureEnd);
        double[] sorted = Arrays.copyOf(nsPerDecision, batches);
        Arrays.sort(sorted);
        double median = percentile(sorted, 50);

        out.printf(Locale.ROOT, "warm-up:     %,d decisions in %.1f s%n", warmed, (warmupEnd - t0) / 1e9);
        out.printf(Locale.ROOT, "timed:       %,d batches of %,d decisions in %d s%n", batches, batch, seconds);
        out.printf(Locale.ROOT, "ns/decision: min %.1f, median %.1f, p90 %.1f, max %.1f%n",
                sorted[0], median, percentile(sorted, 90), sorted[batches - 1]);
        out.printf(Locale.ROOT, "decisions/s: %,.0f (median batch)%n", 1e9 / median);
        out.printf(Locale.ROOT, "ns_per_decision=%.1f%n", median);
        out.flush();
        return 0;
    }

    private static void decide(Simulation simulation, int times) {
        int acc = 0;
        for (int i = 0; i < times; i++) acc += simulation.decide().outcome().ordinal();
        sink = acc;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
