package io.trent.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "bench-policy", mixinStandardHelpOptions = true, description = "Measure the engine on one case.")
public final class BenchPolicyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("trent bench-policy: not implemented yet");
        return 2;
    }
}
