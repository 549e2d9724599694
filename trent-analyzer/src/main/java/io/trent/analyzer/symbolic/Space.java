package io.trent.analyzer.symbolic;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import io.trent.policy.catalog.KmsAction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request space of one analysis: the variables (the caller, the action, and one per condition key the policies
 * mention, plus the hidden ones those depend on), their atoms, and the constraints that tie them together the way the
 * engine derives request keys (kms:ViaService only for IAM callers, kms:EncryptionContextKeys is the key set of the
 * encryption context, operation keys only on their operations ...).
 */
final class Space {
    static final long MIN_SECONDS = 10_000L;
    /** 9999-12-31T23:59:59Z: four-digit years keep aws:CurrentTime readable as a date. */
    static final long MAX_SECONDS = 253_402_300_799L;
    static final BigInteger MAX_NUMBER = new BigInteger("999999999999999999");
    static final BigInteger V6_OFFSET = BigInteger.ONE.shiftLeft(32);
    static final BigInteger PREFERRED_TIME = BigInteger.valueOf(1_767_225_600L); // 2026-01-01T00:00:00Z

    final Mode mode;
    final List<Var> vars;
    final Var action;
    final List<KmsAction> actions;
    final Var principal;
    final PrincipalSpace principals;
    private final Map<String, Var> byName;
    final Formula constraints;

    private Space(Builder b, PrincipalSpace principals, List<Var> vars, Map<String, Var> byName) {
        this.mode = b.mode;
        this.principals = principals;
        this.vars = List.copyOf(vars);
        this.byName = byName;
        this.actions = b.actions;
        this.action = byName.get(Keys.ACTION);
        this.principal = byName.get(Keys.PRINCIPAL);
        this.constraints = constraints();
    }

    /** The variable for a key group, or null when no policy mentions it. */
    Var var(String name) {
        return byName.get(name);
    }

    Box box() {
        return Box.full(vars);
    }

    BitSet actionMask(Set<KmsAction> set) {
        BitSet b = new BitSet();
        for (int i = 0; i < actions.size(); i++) if (set.contains(actions.get(i))) b.set(i + 1);
        return b;
    }

    Formula actionIn(Set<KmsAction> set) {
        return Formula.in(action, actionMask(set));
    }

    Formula principalWhere(java.util.function.Predicate<PrincipalSpace.Cell> p) {
        return Formula.in(principal, principals.where(p));
    }

    /** The key of a scalar variable's atom as a string domain. */
    static StringAtoms strings(Var v) {
        return ((Domain.Strings) v.domain).atoms();
    }

    /** The mask of a string variable's atoms inside {@code lang} (a registered language), with the variable's offset. */
    BitSet inside(Var v, Automaton lang) {
        return strings(v).inside(lang, v.scalar() ? 1 : 0);
    }

    BitSet insideLiteral(Var v, String literal) {
        return strings(v).insideLiteral(literal, v.scalar() ? 1 : 0);
    }

    private Formula constraints() {
        List<Formula> c = new ArrayList<>();
        Formula iam = principalWhere(PrincipalSpace.Cell::iam);
        Formula service = Formula.not(iam);
        for (Var v : vars) {
            if (v == action || v == principal) continue;
            Keys.VarSpec spec = Keys.spec(v.name);
            if (spec.applicable() != null) {
                c.add(Formula.or(actionIn(spec.applicable()), Formula.absent(v)));
                if (spec.required()) c.add(Formula.or(Formula.not(actionIn(spec.applicable())), Formula.present(v)));
            }
        }
        Var via = var(Keys.VIA);
        if (via != null) c.add(Formula.or(iam, Formula.absent(via)));
        Var viaAws = var(Keys.VIA_AWS);
        if (viaAws != null) c.add(Formula.or(Formula.and(isTrue(viaAws), Formula.present(via)),
                Formula.and(isFalse(viaAws), Formula.absent(via))));
        Var gfa = var(Keys.GRANT_FOR_AWS);
        if (gfa != null) {
            Formula g = actionIn(Keys.GRANT_FOR_RESOURCE);
            c.add(Formula.or(Formula.not(g), Formula.and(isTrue(gfa), Formula.present(via)),
                    Formula.and(isFalse(gfa), Formula.absent(via))));
        }
        Var ea = var(Keys.ENCRYPTION_ALGORITHM);
        if (ea != null) c.add(Formula.or(Formula.not(actionIn(Keys.EA_DEFAULT)),
                Formula.in(ea, insideLiteral(ea, "SYMMETRIC_DEFAULT"))));
        mapCoupling(c, var(Keys.EC_KEYS), Keys.EC_SLOT, Keys.EC_OPS);
        mapCoupling(c, var(Keys.TAG_KEYS), Keys.REQUEST_TAG, EnumSet.of(KmsAction.TAG_RESOURCE));
        Var type = var(Keys.CONSTRAINT_TYPE);
        if (type != null) {
            Var keys = var(Keys.EC_KEYS);
            c.add(Formula.or(Formula.not(actionIn(EnumSet.of(KmsAction.CREATE_GRANT))),
                    Formula.and(Formula.absent(type), Formula.absent(keys)),
                    Formula.and(Formula.present(type), Formula.present(keys))));
        }
        Var sourceArn = var(Keys.SOURCE_ARN), sourceAccount = var(Keys.SOURCE_ACCOUNT);
        if (sourceArn != null) c.add(Formula.or(service, Formula.absent(sourceArn)));
        if (sourceAccount != null) c.add(Formula.or(service, Formula.absent(sourceAccount)));
        if (sourceArn != null && sourceAccount != null)
            c.add(Formula.or(Formula.absent(sourceArn), Formula.present(sourceAccount),
                    Formula.in(sourceArn, inside(sourceArn, NO_ACCOUNT_ARN))));
        for (Var v : vars) if (v.name.startsWith(Keys.PRINCIPAL_TAG)) c.add(Formula.or(iam, Formula.absent(v)));
        Var mr = var(Keys.MULTI_REGION), mrType = var(Keys.MULTI_REGION_TYPE);
        if (mrType != null) c.add(Formula.or(Formula.and(isTrue(mr), Formula.present(mrType)),
                Formula.and(isFalse(mr), Formula.absent(mrType))));
        Var spec = var(Keys.KEY_SPEC), usage = var(Keys.KEY_USAGE);
        if (spec != null && usage != null) {
            for (String s : Keys.KEY_SPECS) {
                BitSet usages = new BitSet();
                for (String u : Keys.usages(s)) usages.or(insideLiteral(usage, u));
                c.add(Formula.or(Formula.not(Formula.in(spec, insideLiteral(spec, s))), Formula.in(usage, usages)));
            }
        }
        if (mode.engineMode()) {
            c.add(Formula.or(Formula.not(actionIn(Keys.NEEDS_IAM_CALLER)), iam));
            Formula local = principalWhere(cell -> !cell.iam() || principals.accountIs(cell, mode.keyAccount()));
            c.add(Formula.or(local, actionIn(Keys.CROSS_ACCOUNT)));
            Var region = var(Keys.REGION);
            if (region != null) c.add(Formula.in(region, insideLiteral(region, mode.region())));
            Var resourceAccount = var(Keys.RESOURCE_ACCOUNT);
            if (resourceAccount != null) c.add(Formula.in(resourceAccount, insideLiteral(resourceAccount, mode.keyAccount())));
        }
        return Formula.and(c);
    }

    /** A map-shaped request parameter: value slots {@code prefix<k>} and the variable holding its key set. */
    private void mapCoupling(List<Formula> c, Var keys, String prefix, Set<KmsAction> ops) {
        if (keys == null) return;
        for (Var slot : vars) {
            if (!slot.name.startsWith(prefix)) continue;
            BitSet spellings = inside(keys, caseVariants(slot.name.substring(prefix.length())));
            c.add(Formula.or(Formula.not(actionIn(ops)),
                    Formula.and(Formula.absent(slot), Formula.all(keys, Formula.complement(spellings, keys.size))),
                    Formula.and(Formula.present(slot), Formula.any(keys, spellings))));
        }
    }

    Formula isTrue(Var bool) {
        return Formula.in(bool, Formula.single(Domain.TRUE));
    }

    Formula isFalse(Var bool) {
        return Formula.in(bool, Formula.single(Domain.FALSE));
    }

    /** ARNs whose account field the engine cannot read (it then derives no aws:SourceAccount). */
    static final Automaton NO_ACCOUNT_ARN;

    static {
        Automaton noColon = Languages.strings().minus(Languages.strings().concatenate(BasicAutomata.makeChar(':'))
                .concatenate(Languages.strings()));
        Automaton field = noColon.concatenate(BasicAutomata.makeChar(':'));
        Automaton withAccount = BasicAutomata.makeString("arn:").concatenate(field.repeat(3, 3))
                .concatenate(noColon.intersection(BasicAutomata.makeAnyChar().repeat(1)))
                .concatenate(BasicAutomata.makeChar(':')).concatenate(Languages.strings());
        NO_ACCOUNT_ARN = Languages.strings().minus(withAccount);
        NO_ACCOUNT_ARN.minimize();
    }

    private static final java.util.concurrent.ConcurrentMap<String, Optional<Automaton>> CASE_VARIANTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Every spelling of a lower-case map key that the engine's case-insensitive lookup finds (shared: never minimize
     * or determinize it), or null when the key has characters beyond Latin-1.
     */
    static Automaton caseVariants(String lowerKey) {
        return CASE_VARIANTS.computeIfAbsent(lowerKey, k -> Optional.ofNullable(Languages.foldedEquals(k))).orElse(null);
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Collects the languages and ranges of every variable, then builds the space. */
    static final class Builder {
        final Mode mode;
        final List<KmsAction> actions;
        final PrincipalSpace.Builder principals;
        private final Map<String, Lang> strings = new LinkedHashMap<>();
        private final Map<String, List<List<IntervalAtoms.Range>>> ranges = new LinkedHashMap<>();
        private final Set<String> bools = new LinkedHashSet<>();

        /** Languages of one string variable; a pattern object registered twice counts once. */
        static final class Lang {
            final Set<Automaton> patterns = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            final Set<String> literals = new LinkedHashSet<>();
        }

        Builder(Mode mode) {
            this.mode = mode;
            List<KmsAction> acts = new ArrayList<>();
            for (KmsAction a : KmsAction.values()) {
                if (!a.keyResource()) continue;
                if (mode.engineMode() && (a == KmsAction.RETIRE_GRANT || a == KmsAction.SYNCHRONIZE_MULTI_REGION_KEY)) continue;
                acts.add(a);
            }
            this.actions = List.copyOf(acts);
            this.principals = new PrincipalSpace.Builder(mode.partition());
            if (mode.engineMode()) principals.account(mode.keyAccount());
        }

        /** Declares a variable (and the hidden ones it depends on). */
        void declare(String name) {
            Keys.VarSpec spec = Keys.spec(name);
            switch (spec.type()) {
                case STRING, STRING_SET -> strings.computeIfAbsent(name, k -> new Lang());
                case NUMBER, SECONDS, IP -> ranges.computeIfAbsent(name, k -> new ArrayList<>());
                case BOOL -> bools.add(name);
            }
            switch (name) {
                case Keys.VIA_AWS, Keys.GRANT_FOR_AWS -> declare(Keys.VIA);
                case Keys.CONSTRAINT_TYPE -> declare(Keys.EC_KEYS);
                case Keys.MULTI_REGION_TYPE -> declare(Keys.MULTI_REGION);
                case Keys.ENCRYPTION_ALGORITHM -> strings.get(name).literals.add("SYMMETRIC_DEFAULT");
                case Keys.KEY_SPEC -> strings.get(name).literals.addAll(Keys.KEY_SPECS);
                case Keys.KEY_USAGE -> strings.get(name).literals.addAll(Keys.KEY_USAGES);
                case Keys.REGION -> {
                    if (mode.region() != null) strings.get(name).literals.add(mode.region());
                }
                case Keys.RESOURCE_ACCOUNT -> {
                    if (mode.keyAccount() != null) strings.get(name).literals.add(mode.keyAccount());
                }
                default -> { }
            }
        }

        boolean declared(String name) {
            return strings.containsKey(name) || ranges.containsKey(name) || bools.contains(name);
        }

        void pattern(String var, Automaton lang) {
            declare(var);
            strings.get(var).patterns.add(lang);
        }

        void literal(String var, String value) {
            declare(var);
            strings.get(var).literals.add(value);
        }

        void ranges(String var, List<IntervalAtoms.Range> set) {
            declare(var);
            ranges.get(var).add(set);
        }

        Space build() {
            if (strings.containsKey(Keys.EC_KEYS)) couple(Keys.EC_KEYS, Keys.EC_SLOT);
            if (strings.containsKey(Keys.TAG_KEYS)) couple(Keys.TAG_KEYS, Keys.REQUEST_TAG);
            if (strings.containsKey(Keys.SOURCE_ARN) && strings.containsKey(Keys.SOURCE_ACCOUNT))
                strings.get(Keys.SOURCE_ARN).patterns.add(NO_ACCOUNT_ARN);
            PrincipalSpace ps = principals.build();
            List<Var> vars = new ArrayList<>();
            Map<String, Var> byName = new LinkedHashMap<>();
            BitSet actionsInit = new BitSet();
            actionsInit.set(1, actions.size() + 1);
            add(vars, byName, Keys.ACTION, Var.Kind.SCALAR, actions.size() + 1, actionsInit, false, null);
            BitSet cellsInit = new BitSet();
            cellsInit.set(1, ps.size() + 1);
            add(vars, byName, Keys.PRINCIPAL, Var.Kind.SCALAR, ps.size() + 1, cellsInit, false, null);
            for (Map.Entry<String, Lang> e : strings.entrySet()) {
                Keys.VarSpec spec = Keys.spec(e.getKey());
                StringAtoms atoms = StringAtoms.build(spec.universe(), List.copyOf(e.getValue().patterns), e.getValue().literals,
                        spec.preferred());
                if (spec.type() == Keys.Type.STRING_SET) {
                    BitSet init = new BitSet();
                    init.set(0, atoms.size());
                    add(vars, byName, e.getKey(), Var.Kind.SET, atoms.size(), init, !alwaysPresent(spec), new Domain.Strings(atoms));
                } else {
                    add(vars, byName, e.getKey(), Var.Kind.SCALAR, atoms.size() + 1, scalarInit(spec, atoms.size()), false,
                            new Domain.Strings(atoms));
                }
            }
            for (Map.Entry<String, List<List<IntervalAtoms.Range>>> e : ranges.entrySet()) {
                Keys.VarSpec spec = Keys.spec(e.getKey());
                Domain.Ints.Kind kind = switch (spec.type()) {
                    case NUMBER -> Domain.Ints.Kind.NUMBER;
                    case SECONDS -> Domain.Ints.Kind.SECONDS;
                    default -> Domain.Ints.Kind.IP;
                };
                IntervalAtoms atoms = IntervalAtoms.build(universe(kind), e.getValue());
                BigInteger preferred = kind == Domain.Ints.Kind.SECONDS ? PREFERRED_TIME
                        : !spec.preferred().isEmpty() ? new BigInteger(spec.preferred().get(0)) : null;
                add(vars, byName, e.getKey(), Var.Kind.SCALAR, atoms.size() + 1, scalarInit(spec, atoms.size()), false,
                        new Domain.Ints(atoms, kind, preferred));
            }
            for (String name : bools) {
                Keys.VarSpec spec = Keys.spec(name);
                add(vars, byName, name, Var.Kind.SCALAR, 3, scalarInit(spec, 2), false, new Domain.Bools());
            }
            return new Space(this, ps, vars, byName);
        }

        /** Registers the spellings of every slot's key with the key-set variable. */
        private void couple(String keysVar, String slotPrefix) {
            for (String name : List.copyOf(strings.keySet())) {
                if (!name.startsWith(slotPrefix)) continue;
                strings.get(keysVar).patterns.add(caseVariants(name.substring(slotPrefix.length())));
            }
        }

        private static boolean alwaysPresent(Keys.VarSpec spec) {
            return spec.required() && spec.applicable() == null;
        }

        private static BitSet scalarInit(Keys.VarSpec spec, int values) {
            BitSet b = new BitSet();
            b.set(alwaysPresent(spec) ? 1 : 0, values + 1);
            return b;
        }

        private static void add(List<Var> vars, Map<String, Var> byName, String name, Var.Kind kind, int size,
                                BitSet init, boolean absentable, Domain domain) {
            Var v = new Var(vars.size(), name, kind, size, init, absentable, domain);
            vars.add(v);
            byName.put(name, v);
        }

        static List<IntervalAtoms.Range> universe(Domain.Ints.Kind kind) {
            return switch (kind) {
                case NUMBER -> List.of(new IntervalAtoms.Range(MAX_NUMBER.negate(), MAX_NUMBER));
                case SECONDS -> List.of(IntervalAtoms.Range.of(MIN_SECONDS, MAX_SECONDS));
                case IP -> {
                    BigInteger v6Last = V6_OFFSET.add(BigInteger.ONE.shiftLeft(128)).subtract(BigInteger.ONE);
                    BigInteger mappedFirst = V6_OFFSET.add(BigInteger.valueOf(0xffff_0000_0000L));
                    BigInteger mappedLast = V6_OFFSET.add(BigInteger.valueOf(0xffff_ffff_ffffL));
                    yield List.of(new IntervalAtoms.Range(BigInteger.ZERO, V6_OFFSET.subtract(BigInteger.ONE)),
                            new IntervalAtoms.Range(V6_OFFSET, mappedFirst.subtract(BigInteger.ONE)),
                            new IntervalAtoms.Range(mappedLast.add(BigInteger.ONE), v6Last));
                }
            };
        }
    }
}
