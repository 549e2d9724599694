package io.trent.cli;

import io.trent.authz.Conformance;
import io.trent.authz.Simulation;
import io.trent.authz.SimulationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Run a directory of conformance cases.",
                "Decides every *.json case below DIR and compares the decision with the case's expect.decision. "
                        + "Prints each failure with the reason, then \"N passed, M failed\"; exits 1 on any failure "
                        + "(a case that cannot be simulated fails)."})
public final class ConformanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory of cases, e.g. ../shared/conformance/cases.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) return Inputs.error(spec, dir + " is not a directory");
        List<Conformance.Result> results;
        try {
            results = Conformance.run(dir);
        } catch (IOException e) {
            return Inputs.error(spec, "cannot list " + dir + ": " + e.getMessage());
        }
        for (Conformance.Result r : results) {
            if (r.passed()) continue;
            out.println(r.summary());
            if (r.error() == null) explain(out, r.file());
        }
        out.println(Conformance.tally(results));
        if (results.isEmpty()) {
            Inputs.error(spec, "no *.json case below " + dir);
            return 1;
        }
        return results.stream().allMatch(Conformance.Result::passed) ? 0 : 1;
    }

    /** The simulator's full explanation of the case, indented under its FAIL line. */
    private static void explain(PrintWriter out, Path file) {
        try {
            Simulation simulation = Simulation.load(file);
            simulation.text(simulation.decide()).lines().forEach(l -> out.println(l.isEmpty() ? "" : "    " + l));
        } catch (SimulationException e) {
            out.println("    " + e.getMessage());
        }
    }
}
