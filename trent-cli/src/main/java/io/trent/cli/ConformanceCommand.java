package io.trent.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "conformance", mixinStandardHelpOptions = true, description = "Run a directory of conformance cases.")
public final class ConformanceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("trent conformance: not implemented yet");
        return 2;
    }
}
