package io.trent.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyze key policies exactly.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("trent analyze: not implemented yet");
        return 2;
    }
}
