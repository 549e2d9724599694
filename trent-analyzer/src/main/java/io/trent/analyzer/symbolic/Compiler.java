package io.trent.analyzer.symbolic;

import io.trent.policy.Condition;
import io.trent.policy.Effect;
import io.trent.policy.Policy;
import io.trent.policy.PolicyValues;
import io.trent.policy.PrincipalEntry;
import io.trent.policy.Statement;
import io.trent.policy.catalog.KmsAction;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the request space for a set of policies and compiles each statement into formulas: whom it matches (and
 * with which access level), which actions, which condition.
 */
final class Compiler {
    /**
     * How much a key-policy match gives, from the weakest to the strongest (section 5.2): NONE; DELEGATED needs an
     * identity-policy Allow (and boundary, session policy); ROLE is limited by the boundary and session policy only;
     * FULL needs nothing else. In catalog mode only DELEGATED (account principal) and ROLE ("direct") occur.
     */
    static final int NONE = 0, DELEGATED = 1, ROLE = 2, FULL = 3;

    /** The identity-binding keys of lint check 29, whose values an unknown party does not control. */
    static final List<String> IDENTITY_BINDING = List.of("aws:principalorgid", "aws:principalorgpaths",
            Keys.SOURCE_ACCOUNT, Keys.SOURCE_ARN, "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourcevpc", "aws:sourcevpce");

    /**
     * One compiled statement. {@code principal[k]} matches the callers the statement reaches with at least level k
     * ({@code principal[0]} every caller it matches); identity-policy statements have only {@code principal[0]}
     * (their holder).
     */
    record Compiled(Policy policy, Statement statement, Formula[] principal, Formula action, Formula condition,
                    Formula resource) {
        boolean allow() {
            return statement.effect() == Effect.ALLOW;
        }

        Formula match() {
            return Formula.and(principal[0], action, resource, condition);
        }

        Formula matchAtLeast(int level) {
            return Formula.and(principal[level], action, resource, condition);
        }

        /** False when no request can match both statements at {@code level}: their callers or actions are disjoint. */
        boolean mayOverlap(Compiled other, int level) {
            return Formula.mayIntersect(principal[level], other.principal[level]) && Formula.mayIntersect(action, other.action);
        }
    }

    final Space space;
    private final Conditions conditions;
    private final Map<Condition, Conditions.Resolved> resolved;
    private final Map<Statement, Compiled> compiled = new IdentityHashMap<>();

    private Compiler(Space space, Conditions conditions, Map<Condition, Conditions.Resolved> resolved) {
        this.space = space;
        this.conditions = conditions;
        this.resolved = resolved;
    }

    /**
     * @param keyPolicies      key policies (each with a Principal per statement)
     * @param identityPolicies identity policies by the user or role ARN that holds them
     */
    static Compiler of(Mode mode, List<Policy> keyPolicies, Map<String, List<Policy>> identityPolicies) {
        return of(mode, keyPolicies, identityPolicies, List.of());
    }

    /** @param principals principals a query names (account IDs, ARNs, service names): they get cells of their own */
    static Compiler of(Mode mode, List<Policy> keyPolicies, Map<String, List<Policy>> identityPolicies,
                       List<String> principals) {
        return of(mode, keyPolicies, identityPolicies, principals, Set.of());
    }

    /**
     * @param resourceUnknown indexes of key-policy statements whose Resource was not "*" (lint only): whether they
     *                        match the key is unknown
     */
    static Compiler of(Mode mode, List<Policy> keyPolicies, Map<String, List<Policy>> identityPolicies,
                       List<String> principals, Set<Integer> resourceUnknown) {
        Conditions conditions = new Conditions();
        Space.Builder b = new Space.Builder(mode);
        Map<Condition, Conditions.Resolved> resolved = new IdentityHashMap<>();
        List<Policy> all = new ArrayList<>(keyPolicies);
        identityPolicies.values().forEach(all::addAll);
        List<String> literals = new ArrayList<>();
        for (Policy p : all) {
            for (Statement s : p.statements()) {
                if (s.principals() != null) {
                    for (PrincipalEntry e : s.principals()) {
                        b.principals.entry(e);
                        literals.add(e.raw());
                    }
                }
                for (Condition c : s.conditions()) {
                    Conditions.Resolved r = conditions.resolve(c, p.variablesEnabled());
                    resolved.put(c, r);
                    conditions.register(r, b);
                    literals.addAll(c.values());
                }
            }
            Matcher m = ACCOUNT_ID.matcher(p.text() == null ? "" : p.text());
            while (m.find()) b.principals.literal(m.group());
        }
        for (String holder : identityPolicies.keySet()) {
            b.principals.literal(holder);
            literals.add(holder);
        }
        for (String l : literals) b.principals.literal(l);
        for (String p : principals) b.principals.literal(p);
        for (String key : IDENTITY_BINDING) {
            if (!b.declared(key)) continue;
            Keys.Type type = Keys.spec(key).type();
            if (type == Keys.Type.STRING || type == Keys.Type.STRING_SET) for (String l : literals) b.literal(key, l);
        }
        Space space = b.build();
        Compiler c = new Compiler(space, conditions, resolved);
        for (Policy p : keyPolicies) {
            for (Statement s : p.statements()) {
                Compiled k = c.keyStatement(p, s);
                if (resourceUnknown.contains(s.index()))
                    k = new Compiled(p, s, k.principal(), k.action(), k.condition(),
                            new Formula.Opaque("a key-policy Resource other than \"*\" matches this key or nothing"));
                c.compiled.put(s, k);
            }
        }
        for (Map.Entry<String, List<Policy>> e : identityPolicies.entrySet())
            for (Policy p : e.getValue()) for (Statement s : p.statements()) c.compiled.put(s, c.identityStatement(p, s, e.getKey()));
        return c;
    }

    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");

    List<Compiled> statements(Policy p) {
        List<Compiled> out = new ArrayList<>();
        for (Statement s : p.statements()) out.add(compiled.get(s));
        return out;
    }

    private Compiled keyStatement(Policy p, Statement s) {
        PrincipalSpace ps = space.principals;
        BitSet[] masks = {new BitSet(), new BitSet(), new BitSet(), new BitSet()};
        for (int i = 0; i < ps.cells.size(); i++) {
            int level = level(s, ps.cells.get(i));
            for (int k = 0; k <= 3; k++) if (level > NONE && level >= Math.max(k, 1)) masks[k].set(i + 1);
        }
        Formula[] principal = new Formula[4];
        for (int k = 0; k <= 3; k++) principal[k] = Formula.in(space.principal, masks[k]);
        Formula resource = s.resources().isEmpty() || s.notResource() ? Formula.FALSE
                : s.resources().contains("*") ? Formula.TRUE : Formula.FALSE;
        return new Compiled(p, s, principal, action(s), condition(s), resource);
    }

    private Compiled identityStatement(Policy p, Statement s, String holder) {
        PrincipalSpace ps = space.principals;
        BitSet mask = ps.where(c -> holds(ps, c, holder));
        Formula[] principal = {Formula.in(space.principal, mask), Formula.FALSE, Formula.FALSE, Formula.FALSE};
        return new Compiled(p, s, principal, action(s), condition(s), resource(p, s));
    }

    /** Whether an IAM cell is the holder of policies keyed by {@code holder} (a user ARN, or a role ARN for its sessions). */
    private static boolean holds(PrincipalSpace ps, PrincipalSpace.Cell c, String holder) {
        if (!c.iam() || c.kind() == PrincipalSpace.Kind.ROOT || c.kind() == PrincipalSpace.Kind.FEDERATED) return false;
        String arn = ps.holderArn(c);
        if (c.kind() == PrincipalSpace.Kind.USER) return ps.users.literal(c.name()) && ps.knownAccount(c) && arn.equals(holder);
        int role = holder.indexOf(":role/");
        return role > 0 && ps.roles.literal(c.name()) && ps.knownAccount(c)
                && holder.startsWith(arn.substring(0, arn.indexOf(":role/")) + ":role/")
                && holder.substring(holder.lastIndexOf('/') + 1).equals(ps.roles.example(c.name()));
    }

    /** The level a key-policy statement's Principal/NotPrincipal gives a cell (NONE when it does not match). */
    private int level(Statement s, PrincipalSpace.Cell c) {
        List<PrincipalEntry> entries = s.principals() == null ? List.of() : s.principals();
        PrincipalSpace ps = space.principals;
        if (s.notPrincipal()) return excepted(entries, c, ps) ? NONE : level(c, Kind.EVERYONE);
        int best = NONE;
        for (PrincipalEntry e : entries) {
            if (!ps.entryMatches(e, c)) continue;
            Kind k = e instanceof PrincipalEntry.Everyone ? Kind.EVERYONE
                    : e instanceof PrincipalEntry.Account ? Kind.ACCOUNT
                    : e instanceof PrincipalEntry.Role ? Kind.ROLE : Kind.DIRECT;
            best = Math.max(best, level(c, k));
        }
        return best;
    }

    private enum Kind { EVERYONE, DIRECT, ROLE, ACCOUNT }

    private int level(PrincipalSpace.Cell c, Kind k) {
        Mode mode = space.mode;
        if (!mode.engineMode()) return k == Kind.ACCOUNT ? DELEGATED : ROLE;
        if (!c.iam()) return FULL;
        boolean root = c.kind() == PrincipalSpace.Kind.ROOT;
        if (root) return FULL;
        if (!space.principals.accountIs(c, mode.keyAccount())) return DELEGATED;
        return switch (k) {
            case EVERYONE, DIRECT -> FULL;
            case ROLE -> ROLE;
            case ACCOUNT -> DELEGATED;
        };
    }

    /** Section 2.4: a NotPrincipal excepts a caller only when every link of its chain is listed. */
    private static boolean excepted(List<PrincipalEntry> entries, PrincipalSpace.Cell c, PrincipalSpace ps) {
        boolean everyone = false, account = false, self = false, role = false, session = false;
        for (PrincipalEntry e : entries) {
            if (!ps.entryMatches(e, c)) continue;
            if (e instanceof PrincipalEntry.Everyone) everyone = true;
            else if (e instanceof PrincipalEntry.Account) account = true;
            else if (e instanceof PrincipalEntry.Role) role = true;
            else if (e instanceof PrincipalEntry.AssumedRole) session = true;
            else self = true;
        }
        if (everyone) return true;
        if (!c.iam()) return self;
        if (!account) return false;
        return switch (c.kind()) {
            case ROOT -> true;
            case SESSION -> role && session;
            default -> self;
        };
    }

    private Formula action(Statement s) {
        if (s.actions().isEmpty()) return Formula.FALSE;
        Set<KmsAction> named = EnumSet.noneOf(KmsAction.class);
        for (String pattern : s.actions()) {
            java.util.function.Predicate<String> matches = PolicyValues.actionPattern(pattern);
            for (KmsAction a : space.actions) if (matches.test(a.iamName())) named.add(a);
        }
        BitSet mask = space.actionMask(named);
        if (s.notAction()) mask = Formula.complement(mask, space.action.size);
        mask.clear(0);
        return Formula.in(space.action, mask);
    }

    private Formula resource(Policy p, Statement s) {
        if (s.resources().isEmpty()) return Formula.FALSE;
        boolean listed = false;
        for (String r : s.resources()) {
            if (r.equals("*")) {
                listed = true;
                break;
            }
            int[] tokens;
            try {
                tokens = PolicyValues.glob(r, p.variablesEnabled());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (tokens == null) return new Formula.Opaque("a policy variable in Resource " + r);
            if (Languages.arn(tokens).run(space.mode.keyArn())) {
                listed = true;
                break;
            }
        }
        return listed != s.notResource() ? Formula.TRUE : Formula.FALSE;
    }

    private Formula condition(Statement s) {
        List<Formula> parts = new ArrayList<>(s.conditions().size());
        for (Condition c : s.conditions()) parts.add(conditions.compile(resolved.get(c), space));
        return Formula.and(parts);
    }

    /** The statement's conditions alone, for "can this condition ever be true". */
    Formula conditionOf(Statement s) {
        return compiled.get(s).condition();
    }
}
