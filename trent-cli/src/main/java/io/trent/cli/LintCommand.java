package io.trent.cli;

import io.trent.analyzer.lint.Finding;
import io.trent.analyzer.lint.LintExample;
import io.trent.analyzer.lint.LintMode;
import io.trent.analyzer.lint.LintOutput;
import io.trent.analyzer.lint.Linter;
import io.trent.analyzer.lint.Severity;
import io.trent.analyzer.lint.SourceDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lint a key policy against the 38 checks of the lint catalog.",
                "Exits 1 when a finding at the --fail-on severity or a more severe one exists, else 0.",
                "With --examples DIR, runs every example file below DIR and compares the codes with expect.codes."})
public final class LintCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    enum FailOn {
        error(Severity.ERROR), security(Severity.SECURITY), warning(Severity.WARNING), suggestion(Severity.SUGGESTION);

        final Severity severity;

        FailOn(Severity severity) { this.severity = severity; }
    }

    enum Mode {
        key(LintMode.KEY_POLICY), identity(LintMode.IDENTITY);

        final LintMode lintMode;

        Mode(LintMode lintMode) { this.lintMode = lintMode; }
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "POLICY.json", arity = "0..*",
            description = "Policy documents to lint; - reads standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif",
            description = "Output format (default: text, one line per finding).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|security|warning|suggestion",
            description = "Lowest severity that makes the exit status 1 (default: error).")
    FailOn failOn;

    @Option(names = "--mode", defaultValue = "key", paramLabel = "key|identity",
            description = "Lint a key policy (default) or an IAM identity policy.")
    Mode mode;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of "
            + "standard output (for example a SARIF file to upload).")
    Path output;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "Run the lint examples below DIR; prints each failure and \"N passed, M failed\".")
    Path examples;

    @Override
    public Integer call() throws IOException {
        if (examples != null) {
            if (!files.isEmpty()) throw new ParameterException(spec.commandLine(), "--examples takes no policy files");
            return runExamples();
        }
        if (files.isEmpty()) throw new ParameterException(spec.commandLine(), "Missing policy file (or --examples DIR)");
        List<LintOutput.Linted> linted = new ArrayList<>();
        for (String file : files) {
            String text = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Inputs.read(spec, Path.of(file));
            if (text == null) return Inputs.UNREADABLE;
            SourceDocument doc = SourceDocument.parse(text);
            linted.add(new LintOutput.Linted(file.equals("-") ? "stdin" : file, doc, Linter.lint(doc, mode.lintMode)));
        }
        String report = switch (format) {
            case text -> LintOutput.text(linted);
            case json -> LintOutput.json(linted);
            case sarif -> LintOutput.sarif(linted);
        };
        if (output != null) {
            try {
                Files.writeString(output, report);
            } catch (IOException e) {
                return Inputs.error(spec, "cannot write " + output + ": " + e.getMessage());
            }
        } else {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
        boolean fail = linted.stream().flatMap(l -> l.findings().stream()).map(Finding::severity)
                .anyMatch(s -> s.atLeast(failOn.severity));
        return fail ? 1 : 0;
    }

    private int runExamples() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(examples)) return Inputs.error(spec, examples + " is not a directory");
        int passed = 0, failed = 0;
        for (Path f : LintExample.files(examples)) {
            LintExample.Result r;
            try {
                r = LintExample.read(f).run();
            } catch (IllegalArgumentException e) {
                out.println("FAIL " + examples.relativize(f) + ": " + e.getMessage());
                failed++;
                continue;
            }
            if (r.passed()) {
                passed++;
            } else {
                failed++;
                out.println("FAIL " + examples.relativize(f) + ": expected " + r.example().expected() + ", got "
                        + r.actual());
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
