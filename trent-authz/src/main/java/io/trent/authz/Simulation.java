package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.policy.Effect;
import io.trent.policy.StatementResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One conformance case (format: shared/conformance/README.md) turned into a key, identities and a request, ready to
 * be decided any number of times by the same {@link Authorizer} the server uses. Parsing happens once; {@link #decide}
 * only derives the request context and authorizes, so {@code trent bench-policy} can time it.
 */
public final class Simulation {
    private final String description;
    private final Outcome expected;
    private final KmsRequest request;
    private final Map<String, String> principalTags;
    private final Authorizer authorizer;
    /** Stand-in for a ReEncrypt source or destination the case does not describe: not evaluated (§5.2). */
    private final KmsKey undescribed;

    Simulation(String description, Outcome expected, KmsRequest request, Map<String, String> principalTags,
               Identities identities, KmsKey undescribed) {
        this.description = description;
        this.expected = expected;
        this.request = request;
        this.principalTags = principalTags;
        this.authorizer = new Authorizer(identities);
        this.undescribed = undescribed;
    }

    public static Simulation load(Path file) throws SimulationException {
        return CaseParser.load(file);
    }

    public static Simulation parse(JsonNode root) throws SimulationException {
        return CaseParser.parse(root);
    }

    public String description() { return description; }

    /** The decision the case expects, or null when it states none. */
    public Outcome expected() { return expected; }

    /** Derives the request context and authorizes; no parsing. Without a case time, aws:CurrentTime is now. */
    public Decision decide() {
        return authorizer.decide(request, described(RequestContextBuilder.checks(request, principalTags)));
    }

    /** The condition keys of one evaluated check, in documented spelling and derivation order. */
    public record CheckContext(String check, Map<String, Object> keys) {}

    /** The condition keys of each evaluated check. */
    public List<CheckContext> context() {
        List<AuthzCheck> all = RequestContextBuilder.checks(request, principalTags);
        List<Map<String, Object>> shown = RequestContextBuilder.describe(request, principalTags);
        List<CheckContext> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++)
            if (undescribed == null || all.get(i).key() != undescribed)
                out.add(new CheckContext(all.get(i).label(), shown.get(i)));
        return out;
    }

    private List<AuthzCheck> described(List<AuthzCheck> checks) {
        if (undescribed == null) return checks;
        List<AuthzCheck> out = new ArrayList<>(checks.size());
        for (AuthzCheck c : checks) if (c.key() != undescribed) out.add(c);
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // rendering

    /** Human-readable report: decision, deciding statements, statements that did not apply and why, context. */
    public String text(Decision d) {
        StringBuilder s = new StringBuilder();
        if (description != null) s.append(description).append("\n\n");
        s.append("Decision: ").append(d.outcome().caseName());
        if (expected != null)
            s.append(expected == d.outcome() ? " (as expected)" : " (expected " + expected.caseName() + ")");
        s.append('\n');
        if (d.message() != null) s.append("Message:  ").append(d.message()).append('\n');
        s.append("\nChecks:\n");
        for (String c : d.checks()) s.append("  ").append(c).append('\n');
        s.append(d.outcome() == Outcome.ALLOW ? "\nAllowed by:\n" : "\nDenied by:\n");
        if (d.reasons().isEmpty()) s.append("  (no statement or grant allows the request)\n");
        for (Decision.Reason r : d.reasons())
            s.append("  ").append(r.source()).append(": ").append(r.description()).append('\n');
        s.append("\nStatements that did not apply:\n");
        if (d.notApplied().isEmpty()) s.append("  (none)\n");
        for (StatementResult r : d.notApplied())
            s.append("  ").append(r.ref()).append(" (").append(effect(r)).append("): ").append(why(r)).append('\n');
        List<CheckContext> contexts = context();
        for (CheckContext c : contexts) {
            s.append("\nRequest context").append(contexts.size() > 1 ? " of " + c.check() : "").append(":\n");
            for (Map.Entry<String, Object> e : c.keys().entrySet())
                s.append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
        return s.toString();
    }

    /**
     * {@code {"decision", "expected", "message", "reasons": [{source, description}], "notApplied": [{policy,
     * statement, effect, reason}], "context": {key: value or [values]}, "checks": ["kms:X on ARN: Outcome"],
     * "contexts": [{check, keys}]}}; {@code context} is the first check's keys, {@code contexts} has every check's.
     */
    public ObjectNode json(Decision d) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("decision", d.outcome().caseName());
        if (expected != null) out.put("expected", expected.caseName());
        if (d.message() == null) out.putNull("message");
        else out.put("message", d.message());
        ArrayNode reasons = out.putArray("reasons");
        for (Decision.Reason r : d.reasons())
            reasons.addObject().put("source", r.source()).put("description", r.description());
        ArrayNode notApplied = out.putArray("notApplied");
        for (StatementResult r : d.notApplied()) {
            ObjectNode n = notApplied.addObject();
            n.put("policy", r.policyName());
            n.put("statement", r.statement().label());
            n.put("effect", effect(r));
            n.put("reason", why(r));
        }
        List<CheckContext> contexts = context();
        out.set("context", contexts.isEmpty() ? JsonNodeFactory.instance.objectNode()
                : CaseParser.JSON.valueToTree(contexts.get(0).keys()));
        ArrayNode checks = out.putArray("checks");
        d.checks().forEach(checks::add);
        ArrayNode perCheck = out.putArray("contexts");
        for (CheckContext c : contexts)
            perCheck.addObject().put("check", c.check()).set("keys", CaseParser.JSON.valueToTree(c.keys()));
        return out;
    }

    private static String effect(StatementResult r) {
        return r.effect() == Effect.ALLOW ? "Allow" : "Deny";
    }

    private static String why(StatementResult r) {
        return r.mismatch() == null ? "did not apply" : r.mismatch().describe();
    }

    /** The JSON form of a case that could not be simulated. */
    public static ObjectNode errorJson(String message) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("decision", "Error");
        out.put("error", message);
        return out;
    }
}
