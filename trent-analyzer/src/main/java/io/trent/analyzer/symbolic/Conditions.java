package io.trent.analyzer.symbolic;

import dk.brics.automaton.Automaton;
import io.trent.policy.Condition;
import io.trent.policy.ConditionOperator;
import io.trent.policy.PolicyValues;
import io.trent.policy.SetQualifier;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conditions as predicates over the request space, with the combining rules of the engine's condition matcher
 * (sections 4.1, 4.4 and 4.5 of the reference): a condition is first resolved (which variable, which value
 * predicates), its languages are registered with the space's partitions, and once the space is built it is compiled
 * to a formula.
 */
final class Conditions {
    /** One policy value, read the way the evaluator reads it for the condition's operator. */
    sealed interface Pred {
        /** A string language; {@code literal} is set when it is a single string. */
        record Str(String literal, Automaton lang) implements Pred {}

        record Ranges(List<IntervalAtoms.Range> ranges) implements Pred {}

        /** For Bool-valued keys: whether the value matches "true" and "false". */
        record Bool(boolean onTrue, boolean onFalse) implements Pred {}
    }

    /** The combining rules of one (operator, key) pair. */
    record Semantics(boolean isNull, boolean nullWhenAbsent, boolean nullWhenPresent, boolean negated,
                     SetQualifier qualifier, boolean ifExists) {
        boolean whenAbsent() {
            if (isNull) return nullWhenAbsent;
            return ifExists || (qualifier == SetQualifier.NONE ? negated : qualifier == SetQualifier.FOR_ALL_VALUES);
        }

        /** Every value of a multi-valued key must satisfy the operator (otherwise some value must). */
        boolean forAll() {
            return qualifier == SetQualifier.FOR_ALL_VALUES || qualifier == SetQualifier.NONE && negated;
        }
    }

    sealed interface Resolved {
        record Opaque(String reason) implements Resolved {}

        record Constant(boolean value) implements Resolved {}

        record OnVar(String var, Semantics sem, List<Pred> preds) implements Resolved {}

        record OnPrincipal(Keys.PrincipalKey key, Semantics sem, List<Pred> preds) implements Resolved {}
    }

    private static final BigInteger HUGE = BigInteger.TEN.pow(60);
    private final Map<String, Automaton> langs = new HashMap<>();
    private final Map<Automaton, Automaton> usernames = new java.util.IdentityHashMap<>();

    // ---------------------------------------------------------------------------------------------------------
    // resolving

    Resolved resolve(Condition c, boolean variables) {
        ConditionOperator op = c.operator();
        boolean isNull = op == ConditionOperator.NULL;
        boolean whenAbsent = false, whenPresent = false;
        for (String v : c.values()) {
            whenAbsent |= v.equalsIgnoreCase("true");
            whenPresent |= v.equalsIgnoreCase("false");
        }
        SetQualifier q = c.qualifier() == null ? SetQualifier.NONE : c.qualifier();
        Semantics sem = new Semantics(isNull, whenAbsent, whenPresent, op.negated(), q, c.ifExists());
        Keys.Target target = Keys.resolve(c.key());
        if (target instanceof Keys.Target.Unmodeled u) return new Resolved.Opaque(u.reason());
        if (target instanceof Keys.Target.Absent) return new Resolved.Constant(sem.whenAbsent());
        Keys.Spelling spelling;
        if (target instanceof Keys.Target.Principal p) {
            spelling = p.key() == Keys.PrincipalKey.IS_SERVICE ? Keys.Spelling.BOOL : Keys.Spelling.TEXT;
        } else {
            Keys.Target.OnVar v = (Keys.Target.OnVar) target;
            spelling = v.spelling();
            if ((v.var().startsWith(Keys.EC_SLOT) || v.var().startsWith(Keys.REQUEST_TAG))
                    && v.var().chars().anyMatch(ch -> ch > 0xFF))
                return new Resolved.Opaque(c.key() + ": key names beyond Latin-1 are outside the exact fragment");
        }
        List<Pred> preds = new ArrayList<>();
        if (!isNull) {
            for (String raw : c.values()) {
                Object p = pred(op, raw, spelling, variables);
                if (p instanceof String reason) return new Resolved.Opaque(c.operatorText() + " " + c.key() + ": " + reason);
                preds.add((Pred) p);
            }
        }
        return target instanceof Keys.Target.Principal p ? new Resolved.OnPrincipal(p.key(), sem, preds)
                : new Resolved.OnVar(((Keys.Target.OnVar) target).var(), sem, preds);
    }

    /** The predicate of one value, or a String saying why it is outside the exact fragment. */
    private Object pred(ConditionOperator op, String raw, Keys.Spelling spelling, boolean variables) {
        ConditionOperator.Family family = op.family();
        try {
            switch (family) {
                case STRING, ARN -> {
                    if (spelling != Keys.Spelling.TEXT && spelling != Keys.Spelling.BOOL)
                        return "string comparison with a " + spelling.name().toLowerCase(Locale.ROOT) + " value";
                    Pred.Str s = stringPred(op, raw, variables);
                    if (s == null) return "a policy variable in the value";
                    if (s.lang() == null && s.literal() == null) return "case folding beyond Latin-1";
                    if (spelling == Keys.Spelling.BOOL) return new Pred.Bool(matches(s, "true"), matches(s, "false"));
                    return s;
                }
                case BOOL -> {
                    if (spelling != Keys.Spelling.BOOL) return "Bool on a key that is not Boolean";
                    String v = PolicyValues.text(raw, variables);
                    if (v == null) return "a policy variable in the value";
                    return new Pred.Bool(v.equalsIgnoreCase("true"), v.equalsIgnoreCase("false"));
                }
                case NUMERIC -> {
                    if (spelling != Keys.Spelling.INTEGER && spelling != Keys.Spelling.EPOCH_SECONDS)
                        return "numeric comparison with a value that is not an integer";
                    BigDecimal d = PolicyValues.decimal(raw);
                    if (d == null) return "not a number";
                    return new Pred.Ranges(List.of(numeric(op, d)));
                }
                case DATE -> {
                    if (spelling != Keys.Spelling.ISO_SECONDS && spelling != Keys.Spelling.EPOCH_SECONDS)
                        return "date comparison with a value that is not a date";
                    Instant t = PolicyValues.date(raw);
                    if (t == null) return "not a date";
                    return new Pred.Ranges(List.of(date(op, t)));
                }
                case IP -> {
                    if (spelling != Keys.Spelling.IP) return "IP comparison with a value that is not an address";
                    PolicyValues.IpBlock b = PolicyValues.ip(raw);
                    if (b == null) return "not an address";
                    BigInteger shift = b.v4() ? BigInteger.ZERO : Space.V6_OFFSET;
                    return new Pred.Ranges(List.of(new IntervalAtoms.Range(b.first().add(shift), b.last().add(shift))));
                }
                default -> {
                    return "BinaryEquals";
                }
            }
        } catch (IllegalArgumentException e) {
            return "malformed value: " + e.getMessage();
        }
    }

    private static boolean matches(Pred.Str s, String value) {
        return s.literal() != null ? s.literal().equals(value) : s.lang().run(value);
    }

    /** A language for String/ARN operators; null for a request-dependent variable; (null, null) for unsupported folding. */
    private Pred.Str stringPred(ConditionOperator op, String raw, boolean variables) {
        switch (op) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> {
                String text = PolicyValues.text(raw, variables);
                return text == null ? null : new Pred.Str(text, null);
            }
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> {
                String text = PolicyValues.text(raw, variables);
                if (text == null) return null;
                String folded = text.toLowerCase(Locale.ROOT);
                Automaton a = langs.computeIfAbsent("i:" + folded, k -> Languages.foldedEquals(folded));
                return new Pred.Str(null, a);
            }
            case STRING_LIKE, STRING_NOT_LIKE -> {
                int[] tokens = PolicyValues.glob(raw, variables);
                if (tokens == null) return null;
                if (!wildcard(tokens)) return new Pred.Str(text(tokens), null);
                return new Pred.Str(null, langs.computeIfAbsent("g:" + key(tokens), k -> Languages.glob(tokens)));
            }
            default -> {
                int[] tokens = PolicyValues.glob(raw, variables);
                if (tokens == null) return null;
                return new Pred.Str(null, langs.computeIfAbsent("a:" + key(tokens), k -> Languages.arn(tokens)));
            }
        }
    }

    private static boolean wildcard(int[] tokens) {
        for (int t : tokens) if (t < 0) return true;
        return false;
    }

    private static String text(int[] tokens) {
        StringBuilder b = new StringBuilder(tokens.length);
        for (int t : tokens) b.append((char) t);
        return b.toString();
    }

    private static String key(int[] tokens) {
        StringBuilder b = new StringBuilder(tokens.length);
        for (int t : tokens) b.append(t == Languages.STAR ? "\uFFFF*" : t == Languages.QMARK ? "\uFFFF?" : String.valueOf((char) t));
        return b.toString();
    }

    /** Integers n with {@code n OP d}. */
    private static IntervalAtoms.Range numeric(ConditionOperator op, BigDecimal d) {
        BigInteger floor = d.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger ceil = d.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return switch (op) {
            case NUMERIC_LESS_THAN -> new IntervalAtoms.Range(HUGE.negate(), ceil.subtract(BigInteger.ONE));
            case NUMERIC_LESS_THAN_EQUALS -> new IntervalAtoms.Range(HUGE.negate(), floor);
            case NUMERIC_GREATER_THAN -> new IntervalAtoms.Range(floor.add(BigInteger.ONE), HUGE);
            case NUMERIC_GREATER_THAN_EQUALS -> new IntervalAtoms.Range(ceil, HUGE);
            default -> floor.equals(ceil) ? new IntervalAtoms.Range(floor, floor) : new IntervalAtoms.Range(BigInteger.ONE, BigInteger.ZERO);
        };
    }

    /** Whole epoch seconds s with {@code instant(s) OP t}. */
    private static IntervalAtoms.Range date(ConditionOperator op, Instant t) {
        BigInteger sec = BigInteger.valueOf(t.getEpochSecond());
        boolean whole = t.getNano() == 0;
        return switch (op) {
            case DATE_LESS_THAN -> new IntervalAtoms.Range(HUGE.negate(), whole ? sec.subtract(BigInteger.ONE) : sec);
            case DATE_LESS_THAN_EQUALS -> new IntervalAtoms.Range(HUGE.negate(), sec);
            case DATE_GREATER_THAN -> new IntervalAtoms.Range(sec.add(BigInteger.ONE), HUGE);
            case DATE_GREATER_THAN_EQUALS -> new IntervalAtoms.Range(whole ? sec : sec.add(BigInteger.ONE), HUGE);
            default -> whole ? new IntervalAtoms.Range(sec, sec) : new IntervalAtoms.Range(BigInteger.ONE, BigInteger.ZERO);
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // registering

    void register(Resolved r, Space.Builder b) {
        if (r instanceof Resolved.OnVar v) {
            b.declare(v.var());
            for (Pred p : v.preds()) {
                if (p instanceof Pred.Str s) {
                    if (s.literal() != null) b.literal(v.var(), s.literal());
                    else b.pattern(v.var(), s.lang());
                } else if (p instanceof Pred.Ranges rs) {
                    b.ranges(v.var(), rs.ranges());
                }
            }
        } else if (r instanceof Resolved.OnPrincipal p) {
            for (Pred pred : p.preds()) {
                if (!(pred instanceof Pred.Str s)) continue;
                Automaton lang = lang(s);
                switch (p.key()) {
                    case ARN -> b.principals.arn(lang);
                    case ACCOUNT -> b.principals.account(lang);
                    case USERNAME -> usernames.computeIfAbsent(lang, b.principals::username);
                    case SERVICE_NAME, SERVICE_NAMES -> b.principals.service(lang);
                    default -> { }
                }
            }
        }
    }

    /** The automaton of a predicate (literals get one automaton per distinct string). */
    private Automaton lang(Pred.Str s) {
        return s.lang() != null ? s.lang() : langs.computeIfAbsent("l:" + s.literal(), k -> Languages.literal(s.literal()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // compiling

    Formula compile(Resolved r, Space space) {
        if (r instanceof Resolved.Opaque o) return new Formula.Opaque(o.reason());
        if (r instanceof Resolved.Constant c) return c.value() ? Formula.TRUE : Formula.FALSE;
        if (r instanceof Resolved.OnVar v) return onVar(space.var(v.var()), v.sem(), v.preds(), space);
        return onPrincipal((Resolved.OnPrincipal) r, space);
    }

    private Formula onVar(Var v, Semantics sem, List<Pred> preds, Space space) {
        int offset = v.scalar() ? 1 : 0;
        int values = v.scalar() ? v.size - 1 : v.size;
        BitSet sat;
        if (sem.isNull()) {
            sat = new BitSet();
            if (sem.nullWhenPresent()) sat.set(offset, offset + values);
        } else {
            BitSet matched = new BitSet();
            for (Pred p : preds) matched.or(atoms(v, p, space));
            if (sem.negated()) {
                sat = new BitSet();
                sat.set(offset, offset + values);
                sat.andNot(matched);
            } else {
                sat = matched;
            }
        }
        boolean absent = sem.whenAbsent();
        if (v.scalar()) {
            if (absent) sat.set(Var.ABSENT);
            return Formula.in(v, sat);
        }
        if (sem.isNull()) return absent ? (sem.nullWhenPresent() ? Formula.TRUE : Formula.absent(v))
                : (sem.nullWhenPresent() ? Formula.present(v) : Formula.FALSE);
        if (sem.forAll()) {
            Formula all = Formula.all(v, sat);
            return absent ? all : Formula.and(Formula.present(v), all);
        }
        Formula any = Formula.any(v, sat);
        return absent ? Formula.or(Formula.absent(v), any) : any;
    }

    /** The value atoms of {@code v} a predicate matches. */
    private BitSet atoms(Var v, Pred p, Space space) {
        if (p instanceof Pred.Str s) return s.literal() != null ? space.insideLiteral(v, s.literal()) : space.inside(v, s.lang());
        if (p instanceof Pred.Ranges r) return ((Domain.Ints) v.domain).atoms().inside(r.ranges(), 1);
        Pred.Bool b = (Pred.Bool) p;
        BitSet m = new BitSet();
        if (b.onTrue()) m.set(Domain.TRUE);
        if (b.onFalse()) m.set(Domain.FALSE);
        return m;
    }

    private Formula onPrincipal(Resolved.OnPrincipal r, Space space) {
        PrincipalSpace ps = space.principals;
        Semantics sem = r.sem();
        BitSet mask = new BitSet();
        for (int i = 0; i < ps.cells.size(); i++) {
            PrincipalSpace.Cell c = ps.cells.get(i);
            Boolean present = valueSatisfies(r, c, ps);
            boolean truth = present == null ? sem.whenAbsent() : present;
            if (truth) mask.set(i + 1);
        }
        return Formula.in(space.principal, mask);
    }

    /** Whether the cell's value of the key satisfies the condition; null when the cell has no value. */
    private Boolean valueSatisfies(Resolved.OnPrincipal r, PrincipalSpace.Cell c, PrincipalSpace ps) {
        boolean has = switch (r.key()) {
            case ARN, ACCOUNT, TYPE -> c.iam();
            case USERNAME -> c.kind() == PrincipalSpace.Kind.USER;
            case SERVICE_NAME, SERVICE_NAMES -> !c.iam();
            case IS_SERVICE -> true;
        };
        if (!has) return null;
        Semantics sem = r.sem();
        if (sem.isNull()) return sem.nullWhenPresent();
        boolean matched = false;
        for (Pred p : r.preds()) {
            if (predMatches(r.key(), p, c, ps)) {
                matched = true;
                break;
            }
        }
        return sem.negated() != matched;
    }

    private boolean predMatches(Keys.PrincipalKey key, Pred p, PrincipalSpace.Cell c, PrincipalSpace ps) {
        if (p instanceof Pred.Bool b) return c.iam() ? b.onFalse() : b.onTrue();
        Pred.Str s = (Pred.Str) p;
        return switch (key) {
            case ARN -> ps.arnIn(c, lang(s));
            case ACCOUNT -> ps.inside(ps.accounts, lang(s)).get(c.account());
            case TYPE -> matches(s, switch (c.kind()) {
                case ROOT -> "Account";
                case USER -> "User";
                case SESSION -> "AssumedRole";
                default -> "FederatedUser";
            });
            case USERNAME -> ps.inside(ps.users, usernames.get(lang(s))).get(c.name());
            case SERVICE_NAME, SERVICE_NAMES -> ps.inside(ps.services, lang(s)).get(c.name());
            case IS_SERVICE -> false;
        };
    }
}
