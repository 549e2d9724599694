package io.trent.analyzer.symbolic;

import io.trent.policy.Effect;
import io.trent.policy.Policy;
import io.trent.policy.PolicyValues;
import io.trent.policy.catalog.KmsAction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Formulas shared by the analyses: what a policy allows, denies, and which requests come from unknown parties. */
final class Queries {
    private Queries() {}

    /** Some Deny statement of {@code p} matches. */
    static Formula denied(Compiler c, Policy p) {
        List<Formula> out = new ArrayList<>();
        for (Compiler.Compiled s : c.statements(p)) if (!s.allow()) out.add(s.match());
        return Formula.or(out);
    }

    /** Some Allow statement of {@code p} matches with at least {@code level}. */
    static Formula allowedAtLeast(Compiler c, Policy p, int level) {
        List<Formula> out = new ArrayList<>();
        for (Compiler.Compiled s : c.statements(p)) if (s.allow()) out.add(s.matchAtLeast(level));
        return Formula.or(out);
    }

    /** The policy gives at least {@code level}: an Allow reaches it and no Deny matches. */
    static Formula grants(Compiler c, Policy p, int level) {
        return Formula.and(allowedAtLeast(c, p, level), Formula.not(denied(c, p)));
    }

    /**
     * Requests of an unknown party (lint check 29): an IAM caller whose account and name appear nowhere in the
     * policies (nor are the key's account), whose identity-binding keys are absent or take values that appear nowhere,
     * and whose source IP is absent or outside every CIDR of at least /8 (IPv4) or /32 (IPv6) the policies name.
     */
    static Formula unknownParty(Compiler c, List<Policy> policies) {
        Space s = c.space;
        PrincipalSpace ps = s.principals;
        List<Formula> parts = new ArrayList<>();
        parts.add(s.principalWhere(cell -> cell.iam() && !ps.knownAccount(cell)
                && (cell.kind() == PrincipalSpace.Kind.ROOT || !ps.knownName(cell))));
        for (String key : Compiler.IDENTITY_BINDING) {
            Var v = s.var(key);
            if (v == null) continue;
            BitSet fresh = new BitSet();
            StringAtoms atoms = Space.strings(v);
            int offset = v.scalar() ? 1 : 0;
            for (int i = 0; i < atoms.size(); i++) if (!atoms.literal(i)) fresh.set(i + offset);
            if (v.scalar()) {
                fresh.set(Var.ABSENT);
                parts.add(Formula.in(v, fresh));
            } else {
                parts.add(Formula.all(v, fresh));
            }
        }
        Var ip = s.var("aws:sourceip");
        if (ip != null) {
            List<IntervalAtoms.Range> narrow = narrowCidrs(policies);
            IntervalAtoms atoms = ((Domain.Ints) ip.domain).atoms();
            BitSet outside = Formula.complement(atoms.inside(narrow, 1), ip.size);
            parts.add(Formula.in(ip, outside));
        }
        return Formula.and(parts);
    }

    /** CIDR blocks of IpAddress/NotIpAddress values with a prefix of at least /8 (IPv4) or /32 (IPv6). */
    private static List<IntervalAtoms.Range> narrowCidrs(List<Policy> policies) {
        List<IntervalAtoms.Range> out = new ArrayList<>();
        for (Policy p : policies) {
            for (var st : p.statements()) {
                for (var cond : st.conditions()) {
                    if (cond.operator().family() != io.trent.policy.ConditionOperator.Family.IP) continue;
                    for (String v : cond.values()) {
                        PolicyValues.IpBlock b = PolicyValues.ip(v);
                        if (b == null) continue;
                        BigInteger size = b.last().subtract(b.first()).add(BigInteger.ONE);
                        int hostBits = size.bitLength() - 1;
                        int prefix = (b.v4() ? 32 : 128) - hostBits;
                        if (prefix < (b.v4() ? 8 : 32)) continue;
                        BigInteger shift = b.v4() ? BigInteger.ZERO : Space.V6_OFFSET;
                        out.add(new IntervalAtoms.Range(b.first().add(shift), b.last().add(shift)));
                    }
                }
            }
        }
        return out;
    }

    /** A role session of a role nobody names, with no principal tags (lint check 30). */
    static Formula freshRole(Compiler c) {
        Space s = c.space;
        PrincipalSpace ps = s.principals;
        List<Formula> parts = new ArrayList<>();
        parts.add(s.principalWhere(cell -> cell.kind() == PrincipalSpace.Kind.SESSION && !ps.knownName(cell)));
        for (Var v : s.vars) if (v.name.startsWith(Keys.PRINCIPAL_TAG)) parts.add(Formula.absent(v));
        return Formula.and(parts);
    }

    /** No kms:ViaService and no encryption context. */
    static Formula directWithoutContext(Compiler c) {
        Space s = c.space;
        List<Formula> parts = new ArrayList<>();
        Var via = s.var(Keys.VIA);
        if (via != null) parts.add(Formula.absent(via));
        for (Var v : s.vars) if (v.name.startsWith(Keys.EC_SLOT) || v.name.equals(Keys.EC_KEYS)) parts.add(Formula.absent(v));
        return Formula.and(parts);
    }

    /** Actions found one by one (solve, record the solution's action, exclude it, solve again), with their solutions. */
    record Found(List<KmsAction> actions, List<Box> boxes, String unknown) {}

    static Found actionsOf(Space s, Formula f) {
        List<KmsAction> actions = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        Set<KmsAction> excluded = EnumSet.noneOf(KmsAction.class);
        Formula base = Formula.and(s.constraints, f);
        while (true) {
            Formula q = excluded.isEmpty() ? base : Formula.and(base, Formula.not(s.actionIn(excluded)));
            Solver.Result r = Solver.solve(q, s.box());
            if (r instanceof Solver.Result.Sat sat) {
                KmsAction a = new Witness(s, sat.box()).action();
                boxes.add(sat.box());
                actions.add(a);
                excluded.add(a);
            } else {
                return new Found(actions, boxes, r instanceof Solver.Result.Unknown u ? u.reason() : null);
            }
        }
    }

    static boolean isAllow(io.trent.policy.Statement st) {
        return st.effect() == Effect.ALLOW;
    }
}
