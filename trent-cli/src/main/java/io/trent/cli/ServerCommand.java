package io.trent.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "server", mixinStandardHelpOptions = true, description = "Run the KMS endpoint.")
public final class ServerCommand implements Callable<Integer> {
    private static volatile boolean running;

    /** True while a server started by this command is serving (main() then must not exit). */
    static boolean isRunning() {
        return running;
    }

    @Override
    public Integer call() {
        System.err.println("trent server: not implemented yet");
        return 2;
    }
}
