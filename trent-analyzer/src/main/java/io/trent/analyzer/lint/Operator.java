package io.trent.analyzer.lint;

import io.trent.policy.ConditionOperator;
import io.trent.policy.SetQualifier;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A condition operator of the lint grammar: optional set prefix, base operator, optional IfExists suffix. */
record Operator(ConditionOperator base, SetQualifier qualifier, boolean ifExists) {
    private static final Map<String, ConditionOperator> BASES = Stream.of(ConditionOperator.values())
            .collect(Collectors.toUnmodifiableMap(o -> o.awsName().toLowerCase(Locale.ROOT), Function.identity()));
    private static final String ANY = "foranyvalue:";
    private static final String ALL = "forallvalues:";
    private static final String IF_EXISTS = "ifexists";

    /** Parses an operator name, case-insensitively; empty when it is outside the grammar. */
    static Optional<Operator> parse(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        SetQualifier q = SetQualifier.NONE;
        if (s.startsWith(ANY)) {
            q = SetQualifier.FOR_ANY_VALUE;
            s = s.substring(ANY.length());
        } else if (s.startsWith(ALL)) {
            q = SetQualifier.FOR_ALL_VALUES;
            s = s.substring(ALL.length());
        }
        boolean ifExists = s.endsWith(IF_EXISTS);
        if (ifExists) s = s.substring(0, s.length() - IF_EXISTS.length());
        ConditionOperator base = BASES.get(s);
        if (base == null || (ifExists && base == ConditionOperator.NULL)) return Optional.empty();
        return Optional.of(new Operator(base, q, ifExists));
    }

    ConditionOperator.Family family() { return base.family(); }

    /** Neither negated, nor Null, nor IfExists-suffixed (catalog section 1). */
    boolean positive() {
        return !base.negated() && base != ConditionOperator.NULL && !ifExists;
    }

    boolean isNull() { return base == ConditionOperator.NULL; }
}
