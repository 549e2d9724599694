package io.trent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "trent", mixinStandardHelpOptions = true, version = "trent 0.1.0",
        description = "Trent: a key management service that speaks the AWS KMS API and enforces key policies exactly.",
        subcommands = {
                ServerCommand.class,
                ValidateCommand.class,
                SimulateCommand.class,
                ConformanceCommand.class,
                BenchPolicyCommand.class,
                LintCommand.class,
                AnalyzeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class TrentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code = new CommandLine(new TrentCommand()).execute(args);
        if (code != 0 || !ServerCommand.isRunning()) System.exit(code);
    }
}
