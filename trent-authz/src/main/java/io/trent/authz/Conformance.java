package io.trent.authz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs every conformance case below a directory through the simulator. */
public final class Conformance {
    private Conformance() {}

    /**
     * The result of one case. It passes only when it could be simulated and the decision equals
     * {@code expect.decision}; a case without an expectation fails.
     *
     * @param actual the decision, or null when the case could not be simulated
     * @param error  why the case could not be simulated (or has no expectation), else null
     */
    public record Result(Path file, String description, Outcome expected, Outcome actual, String message,
                         String error) {
        public boolean passed() {
            return error == null && expected != null && expected == actual;
        }

        /** One line for humans: "PASS file", or "FAIL file: expected X, got Y (message)" / "FAIL file: error". */
        public String summary() {
            if (passed()) return "PASS " + file;
            if (error != null) return "FAIL " + file + ": " + error;
            return "FAIL " + file + ": expected " + expected.caseName() + ", got " + actual.caseName()
                    + (message == null ? "" : " (" + message + ")");
        }
    }

    /** Every {@code *.json} file below {@code dir}, in path order. */
    public static List<Result> run(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Result> out = new ArrayList<>(files.size());
        for (Path f : files) out.add(runCase(f));
        return out;
    }

    public static Result runCase(Path file) {
        Simulation sim;
        try {
            sim = Simulation.load(file);
        } catch (SimulationException e) {
            return new Result(file, null, null, null, null, e.getMessage());
        }
        Decision d = sim.decide();
        String error = sim.expected() == null ? "the case has no expect.decision" : null;
        return new Result(file, sim.description(), sim.expected(), d.outcome(), d.message(), error);
    }

    /** "N passed, M failed". */
    public static String tally(List<Result> results) {
        long passed = results.stream().filter(Result::passed).count();
        return passed + " passed, " + (results.size() - passed) + " failed";
    }
}
