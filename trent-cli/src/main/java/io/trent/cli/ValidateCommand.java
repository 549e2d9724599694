package io.trent.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate a policy document.")
public final class ValidateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("trent validate: not implemented yet");
        return 2;
    }
}
