package io.trent.cli;

import io.trent.policy.Diagnostic;
import io.trent.policy.ParseResult;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate a policy document the way PutKeyPolicy does.",
                "Prints every problem with its JSON path and exits 1 when there is any, else prints \"valid\"."})
public final class ValidateCommand implements Callable<Integer> {
    enum DocumentType {
        key(PolicyType.KEY_POLICY), identity(PolicyType.IDENTITY_POLICY);

        final PolicyType policyType;

        DocumentType(PolicyType policyType) { this.policyType = policyType; }
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "POLICY.json", description = "The policy document.")
    Path file;

    @Option(names = "--type", defaultValue = "key", paramLabel = "key|identity",
            description = "Grammar to check against: a key policy (default) or an IAM identity policy.")
    DocumentType type;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String text = Inputs.read(spec, file);
        if (text == null) return Inputs.UNREADABLE;
        ParseResult result = PolicyParser.parse(text, type.policyType);
        if (result.ok()) {
            out.println("valid");
            return 0;
        }
        for (Diagnostic d : result.diagnostics()) {
            out.println(d.path() + ": " + d.message());
            if (d.expected() != null && !d.expected().isEmpty()) out.println("    expected: " + d.expected());
        }
        int n = result.diagnostics().size();
        out.println(n + (n == 1 ? " problem" : " problems"));
        return 1;
    }
}
