package io.trent.analyzer.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.policy.catalog.ConditionKey;
import io.trent.policy.catalog.ConditionKeys;
import io.trent.policy.catalog.KmsAction;
import io.trent.policy.catalog.KmsActions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.trent.analyzer.lint.JsonPaths.element;
import static io.trent.analyzer.lint.JsonPaths.member;

/**
 * A policy document as far as it can be read, with every structural problem (MALFORMED_POLICY) found on the way.
 * Unreadable parts are left out rather than guessed: a statement that is not an object has no entry, an Action
 * entry that is not a string is skipped, and so on.
 */
final class LintPolicy {
    /** One string of a list-valued element, or one condition value in canonical text form. */
    record Entry(String text, String path) {}

    /** Action, NotAction, Resource or NotResource. */
    record ElementList(String name, String path, List<Entry> entries) {}

    enum PrincipalClass { EVERYONE, ACCOUNT, IAM, SERVICE, INVALID }

    /** One principal entry; {@code problem} says why an INVALID entry is invalid. */
    record PrincipalRef(String type, String value, String path, PrincipalClass cls, String problem) {}

    /** Principal or NotPrincipal. */
    record Principals(String path, List<PrincipalRef> entries) {}

    /**
     * One (operator, key) pair. {@code operator} is null when outside the grammar, {@code info} when the key is not in
     * the catalog; {@code valueProblem} is set when the value is not a string, number, boolean or non-empty list of them.
     */
    record Cond(String operatorText, String operatorPath, Operator operator, String key, String path,
                ConditionKey info, List<Entry> values, String valueProblem) {
        boolean on(String keyName) { return key.equalsIgnoreCase(keyName); }

        boolean positive() { return operator != null && operator.positive(); }

        /** {@code Null: "false"}: the statement requires the key to be present. */
        boolean requiresPresence() {
            return operator != null && operator.isNull() && !values.isEmpty()
                    && values.stream().allMatch(v -> v.text().equalsIgnoreCase("false"));
        }
    }

    record Stmt(int index, String path, String effect, Principals principal, Principals notPrincipal,
                ElementList action, ElementList notAction, ElementList resource, ElementList notResource,
                List<Entry> operators, List<Cond> conditions) {
        boolean allow() { return "Allow".equals(effect); }

        List<PrincipalRef> principals() { return principal == null ? List.of() : principal.entries(); }

        boolean hasPrincipal(PrincipalClass c) {
            return principals().stream().anyMatch(p -> p.cls() == c);
        }

        /** Principal (not NotPrincipal) made only of account and IAM principals. */
        boolean onlyAccountOrIamPrincipals() {
            return notPrincipal == null && !principals().isEmpty() && principals().stream()
                    .allMatch(p -> p.cls() == PrincipalClass.ACCOUNT || p.cls() == PrincipalClass.IAM);
        }

        /** NotPrincipal, or Principal naming everyone. */
        boolean grantsEveryone() {
            return notPrincipal != null || hasPrincipal(PrincipalClass.EVERYONE);
        }

        List<Entry> actionEntries() { return action == null ? List.of() : action.entries(); }

        /** The catalog actions the statement applies to: Action expanded, or the complement of NotAction. */
        Set<KmsAction> actionSet() {
            EnumSet<KmsAction> s = EnumSet.noneOf(KmsAction.class);
            ElementList list = action != null ? action : notAction;
            if (list == null) return s;
            for (Entry e : list.entries()) s.addAll(KmsActions.expand(e.text()));
            return action != null ? s : EnumSet.complementOf(s);
        }

        /**
         * The first Action entry that "names" an action with property {@code p} (catalog section 1): a literal entry
         * names its action, a wildcard entry counts only when every action it expands to has the property.
         */
        Optional<Entry> naming(Predicate<KmsAction> p) {
            for (Entry e : actionEntries()) {
                Set<KmsAction> expansion = KmsActions.expand(e.text());
                if (!expansion.isEmpty() && expansion.stream().allMatch(p)) return Optional.of(e);
            }
            return Optional.empty();
        }

        Optional<Cond> condition(Predicate<Cond> p) {
            return conditions.stream().filter(p).findFirst();
        }
    }

    /** A MALFORMED_POLICY problem; {@code statement} is -1 outside statements. */
    record Problem(int statement, String path, String message) {}

    private static final List<String> TOP_LEVEL = List.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_ELEMENTS = List.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final String PARTITION = "aws(?:-[a-z]+)*";
    private static final String NAME = "[\\w+=,.@-]+";
    private static final String IAM_PATH = "(?:[!-~&&[^*/]]+/)*";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROOT_ARN = Pattern.compile("arn:" + PARTITION + ":iam::\\d{12}:root");
    private static final Pattern IAM_ARN = Pattern.compile("arn:" + PARTITION + ":(?:iam::\\d{12}:(?:(?:user|role)/"
            + IAM_PATH + NAME + "|federated-user/" + NAME + ")|sts::\\d{12}:(?:assumed-role/" + NAME + "/" + NAME
            + "|federated-user/" + NAME + "))");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.amazonaws\\.com(?:\\.cn)?");

    final JsonNode root;
    /** The Version member, or null when absent. */
    final JsonNode version;
    final List<Stmt> statements = new ArrayList<>();
    final List<Problem> malformed = new ArrayList<>();
    private final LintMode mode;

    LintPolicy(JsonNode root, LintMode mode) {
        this.root = root;
        this.mode = mode;
        this.version = root != null && root.isObject() ? root.get("Version") : null;
        readDocument();
    }

    /** Policy variables are substituted only under Version 2012-10-17. */
    boolean variablesEnabled() {
        return version != null && "2012-10-17".equals(version.asText());
    }

    private void readDocument() {
        if (root == null) return;
        if (!root.isObject()) {
            malformed.add(new Problem(-1, JsonPaths.ROOT, "The document is a JSON " + kind(root)
                    + ", not an object; a policy is an object with Version and Statement."));
            return;
        }
        for (Map.Entry<String, JsonNode> m : root.properties()) {
            if (!TOP_LEVEL.contains(m.getKey())) {
                malformed.add(new Problem(-1, member(JsonPaths.ROOT, m.getKey()), "Unknown top-level element \""
                        + m.getKey() + "\"; only Version, Id and Statement are allowed (names are case-sensitive)."));
            }
        }
        JsonNode id = root.get("Id");
        if (id != null && !id.isTextual()) {
            malformed.add(new Problem(-1, member(JsonPaths.ROOT, "Id"), "Id must be a string."));
        }
        String path = member(JsonPaths.ROOT, "Statement");
        JsonNode st = root.get("Statement");
        if (st == null) {
            malformed.add(new Problem(-1, JsonPaths.ROOT, "The document has no Statement element; add a Statement "
                    + "array with at least one statement."));
        } else if (st.isObject()) {
            readStatement(0, path, st);
        } else if (!st.isArray()) {
            malformed.add(new Problem(-1, path, "Statement must be an object or an array of objects, not a "
                    + kind(st) + "."));
        } else if (st.isEmpty()) {
            malformed.add(new Problem(-1, path, "Statement is empty; a policy needs at least one statement."));
        } else {
            for (int i = 0; i < st.size(); i++) {
                JsonNode s = st.get(i);
                if (s.isObject()) {
                    readStatement(i, element(path, i), s);
                } else {
                    malformed.add(new Problem(i, element(path, i), "A statement must be a JSON object, not a "
                            + kind(s) + "."));
                }
            }
        }
    }

    private void readStatement(int index, String path, JsonNode s) {
        for (Map.Entry<String, JsonNode> m : s.properties()) {
            if (!STATEMENT_ELEMENTS.contains(m.getKey())) {
                malformed.add(new Problem(index, member(path, m.getKey()), "Unknown statement element \"" + m.getKey()
                        + "\"; allowed are " + String.join(", ", STATEMENT_ELEMENTS) + " (case-sensitive)."));
            }
        }
        JsonNode sid = s.get("Sid");
        if (sid != null && !sid.isTextual()) {
            malformed.add(new Problem(index, member(path, "Sid"), "Sid must be a string."));
        }
        String effect = readEffect(index, path, s.get("Effect"));
        if (mode == LintMode.IDENTITY) {
            for (String name : List.of("Principal", "NotPrincipal")) {
                if (s.has(name)) {
                    malformed.add(new Problem(index, member(path, name), "An identity policy has no " + name
                            + " element: the principal is the identity the policy is attached to. Remove it."));
                }
            }
        } else {
            requireOne(index, path, s, "Principal", "NotPrincipal", "a key policy statement names who it applies to");
        }
        requireOne(index, path, s, "Action", "NotAction", "use Action with the KMS actions to allow or deny");
        requireOne(index, path, s, "Resource", "NotResource", "use \"Resource\": \"*\" (this key)");
        List<Entry> operators = new ArrayList<>();
        List<Cond> conditions = readConditions(index, path, s.get("Condition"), operators);
        statements.add(new Stmt(index, path, effect,
                readPrincipals(index, path, s, "Principal"), readPrincipals(index, path, s, "NotPrincipal"),
                readList(index, path, s, "Action"), readList(index, path, s, "NotAction"),
                readList(index, path, s, "Resource"), readList(index, path, s, "NotResource"),
                List.copyOf(operators), conditions));
    }

    private String readEffect(int index, String path, JsonNode e) {
        if (e == null) {
            malformed.add(new Problem(index, path, "The statement has no Effect; add \"Effect\": \"Allow\" or \"Deny\"."));
            return null;
        }
        if (e.isTextual() && (e.asText().equals("Allow") || e.asText().equals("Deny"))) return e.asText();
        malformed.add(new Problem(index, member(path, "Effect"), "Effect is " + e
                + "; it must be exactly \"Allow\" or \"Deny\" (case-sensitive)."));
        return null;
    }

    private void requireOne(int index, String path, JsonNode s, String a, String b, String hint) {
        if (s.has(a) && s.has(b)) {
            malformed.add(new Problem(index, path, "The statement has both " + a + " and " + b + "; keep one of them."));
        } else if (!s.has(a) && !s.has(b)) {
            malformed.add(new Problem(index, path, "The statement has neither " + a + " nor " + b + "; " + hint + "."));
        }
    }

    private ElementList readList(int index, String stmtPath, JsonNode s, String name) {
        JsonNode n = s.get(name);
        if (n == null) return null;
        String path = member(stmtPath, name);
        List<Entry> entries = new ArrayList<>();
        if (n.isTextual()) {
            entries.add(new Entry(n.asText(), path));
        } else if (n.isArray() && !n.isEmpty()) {
            for (int i = 0; i < n.size(); i++) {
                if (n.get(i).isTextual()) {
                    entries.add(new Entry(n.get(i).asText(), element(path, i)));
                } else {
                    malformed.add(new Problem(index, element(path, i), name + " entries must be strings, not a "
                            + kind(n.get(i)) + "."));
                }
            }
        } else {
            malformed.add(new Problem(index, path, name + " must be a string or a non-empty array of strings."));
        }
        return new ElementList(name, path, List.copyOf(entries));
    }

    private Principals readPrincipals(int index, String stmtPath, JsonNode s, String name) {
        JsonNode n = s.get(name);
        if (n == null) return null;
        String path = member(stmtPath, name);
        List<PrincipalRef> refs = new ArrayList<>();
        if (n.isTextual()) {
            refs.add(n.asText().equals("*")
                    ? new PrincipalRef("*", "*", path, PrincipalClass.EVERYONE, null)
                    : invalid("*", n.asText(), path, "a principal given as a string must be \"*\"; name specific "
                            + "principals in an object such as {\"AWS\": \"arn:aws:iam::111122223333:role/Name\"}"));
        } else if (n.isObject() && !n.isEmpty()) {
            for (Map.Entry<String, JsonNode> m : n.properties()) {
                String typePath = member(path, m.getKey());
                JsonNode v = m.getValue();
                if (v.isTextual()) {
                    refs.add(classify(m.getKey(), v.asText(), typePath));
                } else if (v.isArray() && !v.isEmpty()) {
                    for (int i = 0; i < v.size(); i++) {
                        refs.add(v.get(i).isTextual() ? classify(m.getKey(), v.get(i).asText(), element(typePath, i))
                                : invalid(m.getKey(), v.get(i).toString(), element(typePath, i),
                                "principal entries must be strings"));
                    }
                } else {
                    refs.add(invalid(m.getKey(), v.toString(), typePath,
                            "must be a string or a non-empty array of strings"));
                }
            }
        } else if (n.isObject()) {
            refs.add(invalid("", "{}", path, "names no principal"));
        } else {
            malformed.add(new Problem(index, path, name + " must be \"*\" or an object such as {\"AWS\": [...]}."));
        }
        return new Principals(path, List.copyOf(refs));
    }

    private static PrincipalRef classify(String type, String value, String path) {
        switch (type) {
            case "AWS" -> {
                if (value.equals("*")) return new PrincipalRef(type, value, path, PrincipalClass.EVERYONE, null);
                if (ACCOUNT_ID.matcher(value).matches() || ROOT_ARN.matcher(value).matches()) {
                    return new PrincipalRef(type, value, path, PrincipalClass.ACCOUNT, null);
                }
                if (IAM_ARN.matcher(value).matches()) return new PrincipalRef(type, value, path, PrincipalClass.IAM, null);
                if (value.contains("*") || value.contains("?")) {
                    return invalid(type, value, path, "partial wildcards are not allowed in principals; use "
                            + "\"Principal\": \"*\" with an ArnLike condition on aws:PrincipalArn");
                }
                if (value.contains(":group/")) return invalid(type, value, path, "IAM groups cannot be principals; "
                        + "name the account, or the users or roles");
                return invalid(type, value, path, "expected a 12-digit account ID or an account root, user, role, "
                        + "assumed-role or federated-user ARN");
            }
            case "Service" -> {
                return SERVICE.matcher(value).matches()
                        ? new PrincipalRef(type, value, path, PrincipalClass.SERVICE, null)
                        : invalid(type, value, path, "a service principal has the form name.amazonaws.com "
                        + "(lower case, optionally with a Region)");
            }
            case "Federated", "CanonicalUser" -> {
                return invalid(type, value, path, type + " principals never call KMS and do not belong in a key "
                        + "policy");
            }
            default -> {
                return invalid(type, value, path, "unknown principal type \"" + type
                        + "\"; use AWS or Service (case-sensitive)");
            }
        }
    }

    private static PrincipalRef invalid(String type, String value, String path, String problem) {
        return new PrincipalRef(type, value, path, PrincipalClass.INVALID, problem);
    }

    /** The (operator, key) pairs of a Condition element; the operator names go to {@code operators}. */
    private List<Cond> readConditions(int index, String stmtPath, JsonNode c, List<Entry> operators) {
        if (c == null) return List.of();
        String path = member(stmtPath, "Condition");
        if (!c.isObject()) {
            malformed.add(new Problem(index, path, "Condition must be an object of the form "
                    + "{\"Operator\": {\"key\": value}}, not a " + kind(c) + "."));
            return List.of();
        }
        List<Cond> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : c.properties()) {
            String opPath = member(path, op.getKey());
            operators.add(new Entry(op.getKey(), opPath));
            if (!op.getValue().isObject()) {
                malformed.add(new Problem(index, opPath, "The value of operator " + op.getKey()
                        + " must be an object mapping condition keys to values."));
                continue;
            }
            Operator operator = Operator.parse(op.getKey()).orElse(null);
            for (Map.Entry<String, JsonNode> k : op.getValue().properties()) {
                String keyPath = member(opPath, k.getKey());
                List<Entry> values = new ArrayList<>();
                String problem = readValues(k.getValue(), keyPath, values);
                out.add(new Cond(op.getKey(), opPath, operator, k.getKey(), keyPath,
                        ConditionKeys.lookup(k.getKey()).orElse(null), List.copyOf(values), problem));
            }
        }
        return List.copyOf(out);
    }

    private static String readValues(JsonNode v, String path, List<Entry> out) {
        if (v.isValueNode() && !v.isNull()) {
            out.add(new Entry(v.asText(), path));
            return null;
        }
        if (!v.isArray()) return "a condition value must be a string, number, boolean or a list of them, not "
                + (v.isNull() ? "null" : "a " + kind(v));
        if (v.isEmpty()) return "the value list is empty";
        String problem = null;
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isValueNode() && !e.isNull()) {
                out.add(new Entry(e.asText(), element(path, i)));
            } else {
                problem = "list entries must be strings, numbers or booleans, not "
                        + (e.isNull() ? "null" : "a " + kind(e));
            }
        }
        return problem;
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
