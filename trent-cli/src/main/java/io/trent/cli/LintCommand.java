package io.trent.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true, description = "Lint a key policy.")
public final class LintCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("trent lint: not implemented yet");
        return 2;
    }
}
