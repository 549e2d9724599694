package io.trent.analyzer.lint;

import io.trent.analyzer.lint.LintPolicy.Cond;
import io.trent.analyzer.lint.LintPolicy.Entry;
import io.trent.analyzer.lint.LintPolicy.Stmt;
import io.trent.policy.ConditionOperator;
import io.trent.policy.ConditionOperator.Family;
import io.trent.policy.SetQualifier;
import io.trent.policy.catalog.ConditionKey;
import io.trent.policy.catalog.ConditionKeys;
import io.trent.policy.catalog.KeyType;
import io.trent.policy.catalog.KmsAction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Checks on the Condition element: 4 (in values) and 10 to 24. */
final class ConditionChecks {
    private static final Set<ConditionOperator> EQUALS_FAMILY = EnumSet.of(ConditionOperator.STRING_EQUALS,
            ConditionOperator.STRING_NOT_EQUALS, ConditionOperator.STRING_EQUALS_IGNORE_CASE,
            ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE);
    private static final Set<ConditionOperator> IGNORE_CASE = EnumSet.of(ConditionOperator.STRING_EQUALS_IGNORE_CASE,
            ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE);
    private static final Set<ConditionOperator> LIKE_FAMILY = EnumSet.of(ConditionOperator.STRING_LIKE,
            ConditionOperator.STRING_NOT_LIKE);
    private static final List<String> KEY_NAMES = ConditionKeys.all().stream().filter(k -> !k.prefix())
            .map(ConditionKey::name).toList();
    private static final List<String> OPERATOR_NAMES = Stream.of(ConditionOperator.values())
            .flatMap(o -> o == ConditionOperator.NULL ? Stream.of(o.awsName())
                    : Stream.of(o.awsName(), o.awsName() + "IfExists"))
            .flatMap(o -> Stream.of(o, "ForAnyValue:" + o, "ForAllValues:" + o))
            .toList();

    private ConditionChecks() {}

    static void run(Stmt s, LintContext ctx) {
        for (Entry op : s.operators()) {
            if (Operator.parse(op.text()).isEmpty()) unknownOperator(s, op, ctx);
        }
        List<Cond> seen = new ArrayList<>();
        for (Cond c : s.conditions()) {
            for (Cond earlier : seen) {
                if (earlier.operatorPath().equals(c.operatorPath()) && earlier.key().equalsIgnoreCase(c.key())) {
                    ctx.out().add(LintCode.DUPLICATE_CONDITION_KEY, s.index(), c.path(), "\"" + c.key() + "\" and \""
                            + earlier.key() + "\" are the same key (keys ignore case), so only one of them is "
                            + "honoured. Keep one and merge the values.");
                    break;
                }
            }
            seen.add(c);
            if (ctx.variablesLiteral()) variablesWithoutVersion(s, c, ctx);
            values(s, c, ctx);
            if (c.info() == null) {
                unknownKey(s, c, ctx);
                continue;
            }
            if (c.operator() == null) continue;
            types(s, c, ctx);
            setOperators(s, c, ctx);
            absentKeys(s, c, ctx);
            applicability(s, c, ctx);
            if (c.on(ConditionKeys.VIA_SERVICE)) viaService(s, c, ctx);
        }
    }

    private static void unknownOperator(Stmt s, Entry op, LintContext ctx) {
        String text = op.text();
        String hint;
        if (text.toLowerCase(Locale.ROOT).endsWith("ifexists") && text.toLowerCase(Locale.ROOT).contains("null")) {
            hint = "Null cannot take IfExists: it already tests whether the key exists.";
        } else {
            hint = Spelling.closest(text, OPERATOR_NAMES).map(o -> "Did you mean " + o + "?")
                    .orElse("Use an IAM condition operator such as StringEquals, optionally with ForAnyValue:/"
                            + "ForAllValues: and IfExists.");
        }
        ctx.out().add(LintCode.UNKNOWN_OPERATOR, s.index(), op.path(),
                "\"" + text + "\" is not a condition operator. " + hint);
    }

    private static void variablesWithoutVersion(Stmt s, Cond c, LintContext ctx) {
        for (Entry v : c.values()) {
            if (ValueSyntax.hasVariable(v.text())) {
                ctx.out().add(LintCode.POLICY_VARIABLE_WITHOUT_VERSION, s.index(), v.path(), "\"" + v.text()
                        + "\" uses a policy variable, but without \"Version\": \"2012-10-17\" it is compared as "
                        + "literal text, so the condition never matches what it means. Add the Version element.");
            }
        }
    }

    private static void values(Stmt s, Cond c, LintContext ctx) {
        if (c.valueProblem() != null) {
            ctx.out().add(LintCode.INVALID_CONDITION_VALUE, s.index(), c.path(),
                    "Invalid value for " + c.key() + ": " + c.valueProblem() + ".");
        }
        if (c.operator() == null) return;
        for (Entry v : c.values()) {
            String problem = ValueSyntax.problem(c.operator().family(), v.text(), ctx.variablesEnabled());
            if (problem != null) {
                ctx.out().add(LintCode.INVALID_CONDITION_VALUE, s.index(), v.path(), "\"" + v.text() + "\" "
                        + problem + ", so " + c.operatorText() + " cannot compare it; " + expected(c.operator().family()) + ".");
            }
        }
        if (EQUALS_FAMILY.contains(c.operator().base())) {
            for (Entry v : c.values()) {
                if (ValueSyntax.hasWildcardOutsideVariables(v.text())) {
                    ctx.out().add(LintCode.WILDCARD_IN_EQUALS_OPERATOR, s.index(), v.path(), "\"" + v.text() + "\": "
                            + c.operatorText() + " compares * and ? literally. Use StringLike (or StringNotLike) if "
                            + "they are meant as wildcards.");
                }
            }
        }
    }

    private static String expected(Family family) {
        return switch (family) {
            case NUMERIC -> "write a decimal number such as 30";
            case DATE -> "write a date such as 2030-01-01T00:00:00Z or epoch seconds";
            case BOOL, NULL -> "write true or false";
            case IP -> "write an address or CIDR block such as 203.0.113.0/24";
            case BINARY -> "write base64";
            default -> "fix the value";
        };
    }

    private static void unknownKey(Stmt s, Cond c, LintContext ctx) {
        String lower = c.key().toLowerCase(Locale.ROOT);
        String why;
        if (lower.equals(ConditionKeys.ENCRYPTION_CONTEXT_PREFIX.toLowerCase(Locale.ROOT))) {
            why = "kms:EncryptionContext: needs the context key after the colon, e.g. kms:EncryptionContext:AppName.";
        } else if (lower.startsWith("kms:") || lower.startsWith("aws:")) {
            why = Spelling.closest(c.key(), KEY_NAMES).map(k -> "Did you mean " + k + "?")
                    .orElse("It is neither a KMS nor a global condition key.");
        } else {
            why = "Keys of other services never appear in a KMS request.";
        }
        ctx.out().add(LintCode.UNKNOWN_CONDITION_KEY, s.index(), c.path(), "Unknown condition key \"" + c.key()
                + "\": it is never in the request context, so the condition never means what it says. " + why);
    }

    /** Checks 14, 15, 16: does the operator family fit the key type? */
    private static void types(Stmt s, Cond c, LintContext ctx) {
        ConditionKey k = c.info();
        Family f = c.operator().family();
        if (f == Family.NULL) return;
        if (f == Family.ARN) {
            if (!k.operatorTypes().contains(KeyType.ARN)) {
                ctx.out().add(LintCode.ARN_OPERATOR_ON_NON_ARN_KEY, s.index(), c.path(), c.key() + " is a "
                        + typeName(k.type()) + " key, not an ARN key, so " + c.operatorText() + " does not fit it. "
                        + "Use a " + typeName(k.type()) + " operator"
                        + (k.type() == KeyType.STRING ? " (StringLike for patterns)." : "."));
            }
            return;
        }
        if (f == Family.STRING && k.type() == KeyType.ARN) {
            ctx.out().add(LintCode.STRING_OPERATOR_ON_ARN_KEY, s.index(), c.path(), c.key() + " is an ARN key; "
                    + "ArnLike/ArnEquals compare the six ARN fields separately, so a * cannot swallow a colon. "
                    + "Prefer them to " + c.operatorText() + ".");
            return;
        }
        KeyType wanted = switch (f) {
            case STRING -> KeyType.STRING;
            case NUMERIC -> KeyType.NUMERIC;
            case DATE -> KeyType.DATE;
            case BOOL -> KeyType.BOOL;
            case IP -> KeyType.IP;
            default -> null; // BINARY: no condition key is binary
        };
        if (wanted == null || !k.operatorTypes().contains(wanted)) {
            ctx.out().add(LintCode.OPERATOR_TYPE_MISMATCH, s.index(), c.path(), c.operatorText() + " does not fit "
                    + c.key() + ", which is a " + typeName(k.type()) + " key; use a " + typeName(k.type())
                    + " operator.");
        }
    }

    private static String typeName(KeyType t) {
        return switch (t) {
            case STRING -> "String";
            case ARN -> "ARN";
            case NUMERIC -> "Numeric";
            case DATE -> "Date";
            case BOOL -> "Bool";
            case IP -> "IP address";
        };
    }

    /** Checks 18, 19, 20. */
    private static void setOperators(Stmt s, Cond c, LintContext ctx) {
        ConditionKey k = c.info();
        SetQualifier q = c.operator().qualifier();
        if (q == SetQualifier.FOR_ALL_VALUES && !k.multiValued()) {
            ctx.out().add(LintCode.FORALLVALUES_ON_SINGLE_VALUED_KEY, s.index(), c.path(), c.key() + " is "
                    + "single-valued, and ForAllValues: is true when it is absent, so requests without it match too. "
                    + "Drop the ForAllValues: prefix.");
        }
        if (k.multiValued() && q == SetQualifier.NONE && !c.operator().isNull()) {
            ctx.out().add(LintCode.MISSING_SET_OPERATOR_ON_MULTIVALUED_KEY, s.index(), c.path(), c.key() + " can "
                    + "hold several values; say how they are compared with ForAnyValue:" + c.operatorText()
                    + " (some value) or ForAllValues:" + c.operatorText() + " (every value).");
        }
        if (s.allow() && q == SetQualifier.FOR_ALL_VALUES && k.multiValued() && k.absentable()
                && !requiresValue(s, c)) {
            ctx.out().add(LintCode.FORALLVALUES_MATCHES_EMPTY_SET, s.index(), c.path(), "ForAllValues: is true when "
                    + c.key() + " is absent or empty, so this Allow also admits requests without it. Add "
                    + "\"Null\": {\"" + c.key() + "\": \"false\"} or a ForAnyValue: condition on the same key.");
        }
    }

    /** Something else in the statement makes a request without values of the key fail (check 20). */
    private static boolean requiresValue(Stmt s, Cond c) {
        return s.condition(o -> o.on(c.key()) && (o.requiresPresence() || (o.operator() != null
                && o.operator().qualifier() == SetQualifier.FOR_ANY_VALUE && !o.operator().ifExists()
                && !o.operator().isNull()))).isPresent()
                || (c.on(ConditionKeys.ENCRYPTION_CONTEXT_KEYS) && s.condition(o -> o.info() != null && o.info().prefix()
                && o.info().encryptionContext() && o.positive()).isPresent());
    }

    /** Check 21. */
    private static void absentKeys(Stmt s, Cond c, LintContext ctx) {
        Operator op = c.operator();
        ConditionKey k = c.info();
        if (!s.allow() || !op.base().negated() || op.ifExists() || op.qualifier() != SetQualifier.NONE) return;
        if (!k.absentable() && s.naming(a -> k.absentFor(a)).isEmpty()) return;
        if (s.condition(o -> o.on(c.key()) && o.requiresPresence()).isPresent()) return;
        ctx.out().add(LintCode.NEGATED_CONDITION_MATCHES_ABSENT_KEY, s.index(), c.path(), c.operatorText()
                + " is true when " + c.key() + " is missing, so this Allow also admits requests without it. Add "
                + "\"Null\": {\"" + c.key() + "\": \"false\"}, or write " + c.operatorText() + "IfExists if that is "
                + "intended.");
    }

    /** Checks 22 and 23: operation-specific keys on actions that never carry them. */
    private static void applicability(Stmt s, Cond c, LintContext ctx) {
        ConditionKey k = c.info();
        if (!k.operationSpecific() || c.operator().isNull() || c.operator().ifExists()) return;
        s.naming(a -> !k.applicableActions().contains(a)).ifPresent(e -> {
            if (k.encryptionContext()) {
                ctx.out().add(LintCode.ENCRYPTION_CONTEXT_ON_UNSUPPORTED_ACTION, s.index(), c.path(), "\"" + e.text()
                        + "\" never carries an encryption context, so " + c.key() + " is always absent for it: "
                        + "an Allow never grants it (or grants it unconditionally), a Deny never applies. Move it to "
                        + "a statement without this condition.");
            } else {
                ctx.out().add(LintCode.CONDITION_KEY_NOT_APPLICABLE_TO_ACTION, s.index(), c.path(), c.key()
                        + " is only in the request context of " + actionList(k.applicableActions()) + ", never of \""
                        + e.text() + "\". Move that action to a statement without this condition.");
            }
        });
    }

    private static String actionList(Set<KmsAction> actions) {
        return String.join(", ", actions.stream().filter(KmsAction::keyResource).map(KmsAction::iamName).toList());
    }

    /** Check 24. */
    private static void viaService(Stmt s, Cond c, LintContext ctx) {
        ConditionOperator base = c.operator().base();
        boolean equals = EQUALS_FAMILY.contains(base);
        if (!equals && !LIKE_FAMILY.contains(base)) return;
        for (Entry v : c.values()) {
            if (ctx.variablesEnabled() && ValueSyntax.hasVariable(v.text())) continue;
            String text = IGNORE_CASE.contains(base) ? v.text().toLowerCase(Locale.ROOT) : v.text();
            boolean possible = equals ? ViaServiceFormat.isName(text) : ViaServiceFormat.globAcceptsSomeName(text);
            if (!possible) {
                ctx.out().add(LintCode.VIA_SERVICE_INVALID_FORMAT, s.index(), v.path(), "\"" + v.text() + "\" can "
                        + "never equal a kms:ViaService value, which has the form service.region.amazonaws.com in "
                        + "lower case (for example ec2.us-west-2.amazonaws.com).");
            }
        }
    }
}
