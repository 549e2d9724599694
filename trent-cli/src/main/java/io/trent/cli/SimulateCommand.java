package io.trent.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Simulate one authorization case.")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("trent simulate: not implemented yet");
        return 2;
    }
}
