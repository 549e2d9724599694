package io.trent.cli;

import io.trent.authz.Decision;
import io.trent.authz.Simulation;
import io.trent.authz.SimulationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Decide one authorization case and explain the decision.",
                "The case is in the conformance-case format; the engine is the server's. Prints the decision, the "
                        + "statements and grants that decided it, why the others did not apply, the AccessDenied "
                        + "message and the request context. Exits 0 when the case could be simulated, whatever the "
                        + "decision; 2 when it could not."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CASE.json", description = "The case: key, policies, grants and request.")
    Path file;

    @Option(names = "--json", description = "Print JSON: {\"decision\", \"message\", \"reasons\", \"notApplied\", "
            + "\"context\", ...}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Simulation simulation;
        try {
            simulation = Simulation.load(file);
        } catch (SimulationException e) {
            if (json) out.println(Simulation.errorJson(e.getMessage()).toPrettyString());
            return Inputs.error(spec, file + ": " + e.getMessage());
        }
        Decision decision = simulation.decide();
        if (json) out.println(simulation.json(decision).toPrettyString());
        else out.print(simulation.text(decision));
        out.flush();
        return 0;
    }
}
