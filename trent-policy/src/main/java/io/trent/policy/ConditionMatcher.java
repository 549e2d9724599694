package io.trent.policy;

import java.util.List;
import java.util.Locale;

/**
 * One (operator, key) pair compiled: the combining rules of section 4.1, set operators of 4.4 and IfExists of 4.5.
 * <ul>
 *   <li>Absent key (or an empty multi-valued key): positive false, negated true, IfExists true, ForAnyValue false,
 *       ForAllValues true; Null "true" / "false" hold when absent / present.</li>
 *   <li>A request value satisfies a positive operator when it matches some policy value, a negated one when it
 *       matches none of them and every comparison was possible.</li>
 *   <li>Without a set operator a positive operator needs some request value to satisfy it (ForAnyValue) and a
 *       negated one needs every request value to (ForAllValues); for single-valued keys both mean "the value".</li>
 * </ul>
 */
final class ConditionMatcher {
    private final Condition source;
    private final String lowerKey;
    private final boolean negated, ifExists, forAll;
    private final ValueTest[] tests;
    private final boolean isNull, nullWhenAbsent, nullWhenPresent;

    ConditionMatcher(Condition c, boolean variables) {
        this.source = c;
        // interned: statements reading the same key share one string, so a context finds it by identity
        this.lowerKey = c.key().toLowerCase(Locale.ROOT).intern();
        this.negated = c.operator().negated();
        this.ifExists = c.ifExists();
        SetQualifier qualifier = c.qualifier() == null ? SetQualifier.NONE : c.qualifier();
        this.forAll = qualifier == SetQualifier.FOR_ALL_VALUES || qualifier == SetQualifier.NONE && negated;
        this.isNull = c.operator() == ConditionOperator.NULL;
        boolean whenAbsent = false, whenPresent = false;
        this.tests = new ValueTest[c.values().size()];
        for (int i = 0; i < tests.length; i++) {
            String v = c.values().get(i);
            whenAbsent |= v.equalsIgnoreCase("true");
            whenPresent |= v.equalsIgnoreCase("false");
            tests[i] = ValueTest.of(c.operator(), v, variables);
        }
        this.nullWhenAbsent = whenAbsent;
        this.nullWhenPresent = whenPresent;
    }

    boolean test(RequestContext ctx) {
        Object v = ctx.raw(lowerKey);
        boolean absent = v == null || v instanceof List<?> list && list.isEmpty();
        if (isNull) return absent ? nullWhenAbsent : nullWhenPresent;
        if (absent) return ifExists || forAll;
        if (v instanceof String single) return satisfies(single, ctx);
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) v;
        int n = values.size();
        if (forAll) {
            for (int i = 0; i < n; i++) if (!satisfies(values.get(i), ctx)) return false;
            return true;
        }
        for (int i = 0; i < n; i++) if (satisfies(values.get(i), ctx)) return true;
        return false;
    }

    private boolean satisfies(String request, RequestContext ctx) {
        if (negated) {
            for (ValueTest t : tests) if (t.test(request, ctx) != ValueTest.NO_MATCH) return false;
            return true;
        }
        for (ValueTest t : tests) if (t.test(request, ctx) == ValueTest.MATCH) return true;
        return false;
    }

    Mismatch.Condition mismatch(RequestContext ctx) {
        RequestContext.Values v = ctx.getLower(lowerKey);
        return new Mismatch.Condition(source.operatorText(), source.key(), source.values(), v == null ? null : v.values());
    }
}
