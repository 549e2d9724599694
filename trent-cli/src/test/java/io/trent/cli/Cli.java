package io.trent.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Runs `trent ARGS` in-process through picocli, capturing what it prints. */
final class Cli {
    record Run(int exit, String out, String err) {}

    private Cli() {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(new TrentCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The repository root: set by surefire/failsafe, else found by walking up from the working directory. */
    static Path repoRoot() {
        String prop = System.getProperty("trent.repo.root");
        if (prop != null && Files.isRegularFile(Paths.get(prop, "trent"))) return Paths.get(prop);
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("trent")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        throw new IllegalStateException("repository root not found from " + Paths.get("").toAbsolutePath());
    }
}
