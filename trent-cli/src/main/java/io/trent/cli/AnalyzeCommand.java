package io.trent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.analyzer.symbolic.Analyzer;
import io.trent.analyzer.symbolic.DisagreementException;
import io.trent.analyzer.symbolic.Mode;
import io.trent.policy.Diagnostic;
import io.trent.policy.ParseResult;
import io.trent.policy.Policy;
import io.trent.policy.PolicyParser;
import io.trent.policy.PolicyType;
import io.trent.policy.catalog.KmsAction;
import io.trent.policy.catalog.KmsActions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Exact least-privilege analysis of key policies.",
                "Every finding comes with a witness: a conformance case (`trent simulate` replays it) that the engine "
                        + "has already decided as Allow. Exit status: 0 PASS (the property holds), 1 FAIL (findings), "
                        + "3 UNKNOWN (a condition lies outside the exact fragment), 2 unreadable input, 4 the analyzer "
                        + "and the engine disagree (a bug; the witness is printed)."},
        subcommands = {AnalyzeCommand.Diff.class, AnalyzeCommand.Public.class, AnalyzeCommand.WhoCan.class,
                AnalyzeCommand.NotGranted.class})
public final class AnalyzeCommand implements Callable<Integer> {
    static final int DISAGREEMENT = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Inputs.UNREADABLE;
    }

    enum Format { text, json }

    /** Options every analysis takes. */
    static final class Common {
        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
                description = "text (default), or json: {\"result\": \"PASS|FAIL|UNKNOWN\", \"findings\": [{\"description\", \"witness\"}]}.")
        Format format;

        @Option(names = "--account", paramLabel = "ID",
                description = "The key's account (default: the policy's first account principal, else 111122223333).")
        String account;

        @Option(names = "--witnesses", paramLabel = "DIR",
                description = "Also write each witness case to DIR/witness-N.json.")
        Path witnesses;
    }

    /** Shared plumbing: reading policies, printing results, the exit status. */
    abstract static class Analysis implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        abstract Analyzer.Result analyze() throws InputException;

        @Override
        public Integer call() {
            Analyzer.Result result;
            try {
                result = analyze();
            } catch (InputException.Reported e) {
                return Inputs.UNREADABLE;
            } catch (InputException e) {
                return Inputs.error(spec, e.getMessage());
            } catch (DisagreementException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.qualifiedName() + ": internal error: the analyzer and the engine disagree: " + e.getMessage());
                err.println("witness:");
                err.println(e.witness() == null ? "(none)" : e.witness().toPrettyString());
                return DISAGREEMENT;
            }
            if (common.witnesses != null) {
                try {
                    Files.createDirectories(common.witnesses);
                    int n = 1;
                    for (Analyzer.Finding f : result.findings())
                        Files.writeString(common.witnesses.resolve("witness-" + n++ + ".json"), f.witness().toPrettyString() + "\n");
                } catch (IOException e) {
                    return Inputs.error(spec, "cannot write witnesses: " + e.getMessage());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(common.format == Format.json ? json(result).toPrettyString() + System.lineSeparator() : text(result));
            out.flush();
            return result.verdict().exitCode();
        }

        private String text(Analyzer.Result r) {
            StringBuilder s = new StringBuilder();
            s.append(spec.qualifiedName()).append(": ").append(r.verdict()).append(" (").append(summary(r)).append(")\n");
            int n = 1;
            for (Analyzer.Finding f : r.findings()) {
                s.append('\n').append(n++).append(". ").append(f.description()).append('\n');
                s.append("   witness (replay with trent simulate):\n");
                for (String line : f.witness().toPrettyString().split("\n")) s.append("   ").append(line).append('\n');
            }
            if (!r.unknowns().isEmpty()) {
                s.append("\nOutside the exact fragment:\n");
                for (String u : r.unknowns()) s.append("  - ").append(u).append('\n');
            }
            return s.toString();
        }

        abstract String summary(Analyzer.Result r);

        private static ObjectNode json(Analyzer.Result r) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("result", r.verdict().name());
            ArrayNode findings = out.putArray("findings");
            for (Analyzer.Finding f : r.findings()) findings.addObject().put("description", f.description()).set("witness", f.witness());
            if (!r.unknowns().isEmpty()) {
                ArrayNode u = out.putArray("unknown");
                r.unknowns().forEach(u::add);
            }
            return out;
        }

        Policy keyPolicy(Path file) throws InputException {
            return policy(file, readText(file), PolicyType.KEY_POLICY);
        }

        String readText(Path file) throws InputException {
            String text = Inputs.read(spec, file);
            if (text == null) throw new InputException.Reported();
            return text;
        }

        static Policy policy(Object where, String text, PolicyType type) throws InputException {
            ParseResult r = PolicyParser.parse(text, type);
            if (r.ok()) return r.policy();
            StringBuilder s = new StringBuilder(where + " is not a valid " + (type == PolicyType.KEY_POLICY ? "key" : "identity")
                    + " policy:");
            for (Diagnostic d : r.diagnostics()) s.append("\n  ").append(d);
            throw new InputException(s.toString());
        }

        Mode mode(Policy... policies) throws InputException {
            String account = common.account != null ? common.account : Mode.defaultAccount(policies);
            if (!account.matches("\\d{12}")) throw new InputException("--account " + account + " is not a 12-digit account ID");
            return Mode.engine(account);
        }
    }

    /** Bad input: a message for standard error, exit status 2. */
    static class InputException extends Exception {
        InputException(String message) {
            super(message);
        }

        /** Already reported by {@link Inputs}. */
        static final class Reported extends InputException {
            Reported() {
                super(null);
            }
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Does NEW allow anything OLD did not (\"no new access\")?",
                    "Prints each class of newly allowed requests (a statement of NEW, the access it gives, the actions) "
                            + "with one witness each. Access that needs nothing else, access through a role principal "
                            + "(still limited by permissions boundaries) and access delegated to identity policies are "
                            + "told apart: a policy that turns delegated access into direct access gives new access."})
    static final class Diff extends Analysis {
        @Parameters(index = "0", paramLabel = "OLD.json")
        Path previous;

        @Parameters(index = "1", paramLabel = "NEW.json")
        Path next;

        @Override
        Analyzer.Result analyze() throws InputException {
            Policy old = keyPolicy(previous), neu = keyPolicy(next);
            return Analyzer.diff(old, neu, mode(neu, old));
        }

        @Override
        String summary(Analyzer.Result r) {
            return switch (r.verdict()) {
                case PASS -> "no new access";
                case FAIL -> r.findings().size() + " class(es) of new access";
                case UNKNOWN -> "undecided";
            };
        }
    }

    @Command(name = "public", mixinStandardHelpOptions = true,
            description = {"Can a principal outside the key's account that the policy does not name use the key?",
                    "Conditions count as limiting when they bind the caller's identity the way the reference does "
                            + "(kms:CallerAccount, aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalOrgID, "
                            + "aws:SourceAccount, aws:SourceArn, aws:SourceVpc(e), narrow aws:SourceIp ranges); Deny "
                            + "statements are taken into account."})
    static final class Public extends Analysis {
        @Parameters(paramLabel = "POLICY.json")
        Path file;

        @Override
        Analyzer.Result analyze() throws InputException {
            Policy p = keyPolicy(file);
            return Analyzer.publicAccess(p, mode(p));
        }

        @Override
        String summary(Analyzer.Result r) {
            return switch (r.verdict()) {
                case PASS -> "not public";
                case FAIL -> "public through " + r.findings().size() + " statement(s)";
                case UNKNOWN -> "undecided";
            };
        }
    }

    @Command(name = "who-can", mixinStandardHelpOptions = true,
            description = {"The classes of principals (by account, role, user, service) that may perform ACTION on the "
                    + "key, each with the statement and conditions that let them.",
                    "Without --identity-policies, access an account principal delegates is reported as \"when their "
                            + "identity policies allow it\". Exit status 1 when some principal may, 0 when none may."})
    static final class WhoCan extends Analysis {
        @Parameters(index = "0", paramLabel = "ACTION", description = "A KMS action, e.g. kms:Decrypt.")
        String action;

        @Parameters(index = "1", paramLabel = "POLICY.json")
        Path file;

        @Option(names = "--identity-policies", paramLabel = "FILE",
                description = "A JSON object mapping IAM user and role ARNs to an identity policy or a list of them "
                        + "(the identityPolicies shape of conformance cases).")
        Path identityPolicies;

        @Override
        Analyzer.Result analyze() throws InputException {
            KmsAction a = KmsAction.of(action).filter(x -> action.toLowerCase(Locale.ROOT).startsWith("kms:") && x.keyResource())
                    .orElseThrow(() -> new InputException(action + " is not a KMS action that a key policy authorizes"));
            Policy p = keyPolicy(file);
            Map<String, List<Policy>> ips = identityPolicies == null ? Map.of() : identityPolicies(identityPolicies);
            return Analyzer.whoCan(a, p, ips, mode(p));
        }

        private Map<String, List<Policy>> identityPolicies(Path f) throws InputException {
            JsonNode root;
            try {
                root = JSON.readTree(readText(f));
            } catch (IOException e) {
                throw new InputException(f + " is not JSON: " + e.getMessage());
            }
            if (root == null || !root.isObject())
                throw new InputException(f + " must be a JSON object mapping user or role ARNs to identity policies");
            Map<String, List<Policy>> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                if (!e.getKey().matches("arn:[a-z-]+:iam::\\d{12}:(user|role)/.+"))
                    throw new InputException(f + ": " + e.getKey() + " is not an IAM user or role ARN");
                List<JsonNode> docs = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(docs::add);
                else docs.add(e.getValue());
                List<Policy> policies = new ArrayList<>();
                for (JsonNode d : docs)
                    policies.add(policy(f + " (" + e.getKey() + ")", d.isTextual() ? d.textValue() : d.toString(),
                            PolicyType.IDENTITY_POLICY));
                out.put(e.getKey(), policies);
            }
            return out;
        }

        @Override
        String summary(Analyzer.Result r) {
            return switch (r.verdict()) {
                case PASS -> "nobody may " + action;
                case FAIL -> r.findings().size() + " way(s) to " + action;
                case UNKNOWN -> "undecided";
            };
        }
    }

    @Command(name = "not-granted", mixinStandardHelpOptions = true,
            description = {"Proves that the listed actions are not allowed to the principal (or to anyone), whatever its "
                    + "identity policies, or shows a witness."})
    static final class NotGranted extends Analysis {
        @Parameters(paramLabel = "POLICY.json")
        Path file;

        @Option(names = "--action", required = true, paramLabel = "ACTION",
                description = "A KMS action or pattern (kms:Decrypt, kms:Get*); repeatable.")
        List<String> actions;

        @Option(names = "--principal", paramLabel = "ARN",
                description = "An account ID, a root, user, role (every session), assumed-role or federated-user ARN, "
                        + "or a service principal name (default: anyone).")
        String principal;

        @Override
        Analyzer.Result analyze() throws InputException {
            Set<KmsAction> set = EnumSet.noneOf(KmsAction.class);
            for (String a : actions) {
                Set<KmsAction> expanded = EnumSet.noneOf(KmsAction.class);
                KmsActions.expand(a).stream().filter(KmsAction::keyResource).forEach(expanded::add);
                if (expanded.isEmpty()) throw new InputException(a + " names no KMS action that a key policy authorizes");
                set.addAll(expanded);
            }
            Policy p = keyPolicy(file);
            try {
                return Analyzer.notGranted(p, set, principal, mode(p));
            } catch (IllegalArgumentException e) {
                throw new InputException("--principal: " + e.getMessage());
            }
        }

        @Override
        String summary(Analyzer.Result r) {
            return switch (r.verdict()) {
                case PASS -> "not granted";
                case FAIL -> "granted by " + r.findings().size() + " statement(s)";
                case UNKNOWN -> "undecided";
            };
        }
    }
}
