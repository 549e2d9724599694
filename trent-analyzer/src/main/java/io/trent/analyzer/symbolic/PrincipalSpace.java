package io.trent.analyzer.symbolic;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import io.trent.policy.PrincipalEntry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The callers of the request space, as cells: a kind (root, IAM user, role session, federated user, service) and an
 * atom for each part of its identity (account, user path and name, role name, session name, service name). Every
 * principal entry and every condition on a principal-derived key (aws:PrincipalArn, kms:CallerAccount ...) is
 * constant on a cell. The partition is the key's partition: no caller comes from another one.
 */
final class PrincipalSpace {
    enum Kind { ROOT, USER, SESSION, FEDERATED, SERVICE }

    /** One cell; atom indexes of the kind's parts, -1 where a part does not apply. */
    record Cell(Kind kind, int account, int name, int session) {
        boolean iam() {
            return kind != Kind.SERVICE;
        }
    }

    static final int MAX_CELLS = 200_000;

    final String partition;
    final StringAtoms accounts, users, roles, sessions, federated, services;
    final List<Cell> cells;
    private final Map<Automaton, Map<Kind, List<Automaton[]>>> arnProducts;
    private final Map<Automaton, BitSet[]> insideCache = new IdentityHashMap<>();

    private PrincipalSpace(Builder b) {
        this.partition = b.partition;
        this.accounts = StringAtoms.build(Languages.digits12(), b.accounts.patterns, b.accounts.literals, b.accountPreferred);
        this.users = StringAtoms.build(Languages.pathName(), b.users.patterns, b.users.literals, List.of("Alice", "Witness"));
        this.roles = StringAtoms.build(Languages.name(), b.roles.patterns, b.roles.literals, List.of("Witness", "App"));
        this.sessions = StringAtoms.build(Languages.name(), b.sessions.patterns, b.sessions.literals, List.of("session"));
        this.federated = StringAtoms.build(Languages.name(), b.federated.patterns, b.federated.literals, List.of("Witness"));
        this.services = StringAtoms.build(Languages.serviceName(), b.services.patterns, b.services.literals,
                List.of("example.amazonaws.com", "witness.amazonaws.com"));
        this.arnProducts = b.arnProducts;
        long count = (long) accounts.size() * (1 + users.size() + (long) roles.size() * sessions.size() + federated.size());
        if (count > MAX_CELLS) throw new TooComplexException(count + " kinds of caller, more than " + MAX_CELLS);
        List<Cell> cells = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
            cells.add(new Cell(Kind.ROOT, a, -1, -1));
            for (int u = 0; u < users.size(); u++) cells.add(new Cell(Kind.USER, a, u, -1));
            for (int r = 0; r < roles.size(); r++)
                for (int s = 0; s < sessions.size(); s++) cells.add(new Cell(Kind.SESSION, a, r, s));
            for (int f = 0; f < federated.size(); f++) cells.add(new Cell(Kind.FEDERATED, a, f, -1));
        }
        for (int s = 0; s < services.size(); s++) cells.add(new Cell(Kind.SERVICE, -1, s, -1));
        this.cells = List.copyOf(cells);
    }

    /** Languages of one identity part, collected before the partition is built. */
    private static final class Part {
        final List<Automaton> patterns = new ArrayList<>();
        private final Set<Automaton> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<String> literals = new LinkedHashSet<>();

        void add(Automaton lang) {
            if (!seen.add(lang)) return;
            if (lang.isFinite()) {
                Set<String> few = lang.getFiniteStrings(8);
                if (few != null) {
                    literals.addAll(few);
                    return;
                }
            }
            patterns.add(lang);
        }
    }

    static final class Builder {
        private final String partition;
        private final Part accounts = new Part(), users = new Part(), roles = new Part(), sessions = new Part(),
                federated = new Part(), services = new Part();
        private final Map<Automaton, Map<Kind, List<Automaton[]>>> arnProducts = new IdentityHashMap<>();
        private final List<String> accountPreferred = new ArrayList<>(List.of("444455556666", "555566667777", "777788889999"));

        Builder(String partition) {
            this.partition = partition;
        }

        void account(String id) {
            accounts.literals.add(id);
        }

        void account(Automaton lang) {
            accounts.add(lang.intersection(Languages.digits12()));
        }

        void entry(PrincipalEntry e) {
            if (e instanceof PrincipalEntry.Account a) {
                account(a.accountId());
            } else if (e instanceof PrincipalEntry.User u) {
                account(u.accountId());
                users.literals.add(u.pathAndName());
            } else if (e instanceof PrincipalEntry.Role r) {
                account(r.accountId());
                roles.literals.add(r.roleName());
            } else if (e instanceof PrincipalEntry.AssumedRole s) {
                account(s.accountId());
                roles.literals.add(s.roleName());
                sessions.literals.add(s.sessionName());
            } else if (e instanceof PrincipalEntry.FederatedUser f) {
                account(f.accountId());
                federated.literals.add(f.name());
            } else if (e instanceof PrincipalEntry.Service s) {
                services.literals.add(s.raw().toLowerCase(Locale.ROOT));
            }
        }

        /** A language over aws:PrincipalArn values. */
        void arn(Automaton lang) {
            if (arnProducts.containsKey(lang)) return;
            Map<Kind, List<Automaton[]>> byKind = new java.util.EnumMap<>(Kind.class);
            for (Kind k : List.of(Kind.ROOT, Kind.USER, Kind.SESSION, Kind.FEDERATED)) {
                List<Automaton[]> products = Languages.decompose(lang, template(k), universes(k));
                byKind.put(k, products);
                for (Automaton[] p : products) {
                    accounts.add(p[0]);
                    if (p.length > 1) nameParts(k).add(p[1]);
                }
            }
            arnProducts.put(lang, byKind);
        }

        /** A language over aws:username values: registers the user path-names whose last segment is in it. */
        Automaton username(Automaton lang) {
            Automaton pathNames = Languages.name().concatenate(BasicAutomata.makeChar('/')).repeat()
                    .concatenate(lang.intersection(Languages.name()));
            // a fresh automaton: minimizing it in place is safe
            pathNames.minimize();
            users.add(pathNames);
            return pathNames;
        }

        void service(Automaton lang) {
            services.add(lang.intersection(Languages.serviceName()));
        }

        /**
         * A literal string of the policies: account IDs and the names in IAM ARNs become atoms of their own, so that
         * "an account (a role) that appears nowhere in the policy" is a union of atoms.
         */
        void literal(String s) {
            if (s.length() == 12 && s.chars().allMatch(Character::isDigit)) {
                accounts.literals.add(s);
                return;
            }
            if (!s.startsWith("arn:") && s.contains(".amazonaws.com")) {
                services.literals.add(s.toLowerCase(Locale.ROOT));
                return;
            }
            String[] f = s.split(":", 6);
            if (f.length != 6 || !f[0].equals("arn") || !f[3].isEmpty()) return;
            String resource = f[5];
            if (f[4].length() == 12 && f[4].chars().allMatch(Character::isDigit)) accounts.literals.add(f[4]);
            if (f[2].equals("iam") && resource.startsWith("user/")) users.literals.add(resource.substring(5));
            else if (f[2].equals("iam") && resource.startsWith("role/")) roles.literals.add(resource.substring(resource.lastIndexOf('/') + 1));
            else if (f[2].equals("sts") && resource.startsWith("assumed-role/")) {
                String[] rs = resource.substring(13).split("/", -1);
                if (rs.length == 2) {
                    roles.literals.add(rs[0]);
                    sessions.literals.add(rs[1]);
                }
            } else if (f[2].equals("sts") && resource.startsWith("federated-user/")) federated.literals.add(resource.substring(15));
        }

        private Part nameParts(Kind k) {
            return switch (k) {
                case USER -> users;
                case SESSION -> roles;
                case FEDERATED -> federated;
                default -> throw new IllegalArgumentException(k.toString());
            };
        }

        private String[] template(Kind k) {
            String iam = "arn:" + partition + ":iam::", sts = "arn:" + partition + ":sts::";
            return switch (k) {
                case ROOT -> new String[] {iam, ":root"};
                case USER -> new String[] {iam, ":user/", ""};
                case SESSION -> new String[] {iam, ":role/", ""};
                case FEDERATED -> new String[] {sts, ":federated-user/", ""};
                default -> throw new IllegalArgumentException(k.toString());
            };
        }

        private static Automaton[] universes(Kind k) {
            return switch (k) {
                case ROOT -> new Automaton[] {Languages.digits12()};
                case USER -> new Automaton[] {Languages.digits12(), Languages.pathName()};
                default -> new Automaton[] {Languages.digits12(), Languages.name()};
            };
        }

        PrincipalSpace build() {
            return new PrincipalSpace(this);
        }
    }

    int size() {
        return cells.size();
    }

    /** The cells (as variable atoms, offset 1) satisfying {@code p}. */
    BitSet where(Predicate<Cell> p) {
        BitSet b = new BitSet();
        for (int i = 0; i < cells.size(); i++) if (p.test(cells.get(i))) b.set(i + 1);
        return b;
    }

    StringAtoms names(Kind k) {
        return switch (k) {
            case USER -> users;
            case SESSION -> roles;
            case FEDERATED -> federated;
            case SERVICE -> services;
            case ROOT -> throw new IllegalArgumentException("root has no name");
        };
    }

    /** Whether the cell's account is exactly {@code id}. */
    boolean accountIs(Cell c, String id) {
        return c.iam() && accounts.literal(c.account) && accounts.example(c.account).equals(id);
    }

    /** Whether the cell's account is one literal of the policies (as opposed to an account nobody names). */
    boolean knownAccount(Cell c) {
        return c.iam() && accounts.literal(c.account);
    }

    /** Whether the cell's name part (role, user, federated user, service) is one literal of the policies. */
    boolean knownName(Cell c) {
        return c.kind != Kind.ROOT && names(c.kind).literal(c.name);
    }

    private static boolean atomIs(StringAtoms atoms, int i, String value) {
        return atoms.literal(i) && atoms.example(i).equals(value);
    }

    /** The cells a principal entry names (NotPrincipal's "listed" links included), as a {@link PrincipalEntry} matcher would. */
    boolean entryMatches(PrincipalEntry e, Cell c) {
        if (e instanceof PrincipalEntry.Everyone) return true;
        if (e instanceof PrincipalEntry.Account a)
            return c.iam() && (!a.raw().startsWith("arn:") || a.partition().equals(partition)) && accountIs(c, a.accountId());
        if (e instanceof PrincipalEntry.User u)
            return c.kind == Kind.USER && u.partition().equals(partition) && accountIs(c, u.accountId())
                    && atomIs(users, c.name, u.pathAndName());
        if (e instanceof PrincipalEntry.Role r)
            return c.kind == Kind.SESSION && r.partition().equals(partition) && accountIs(c, r.accountId())
                    && atomIs(roles, c.name, r.roleName());
        if (e instanceof PrincipalEntry.AssumedRole s)
            return c.kind == Kind.SESSION && s.partition().equals(partition) && accountIs(c, s.accountId())
                    && atomIs(roles, c.name, s.roleName()) && atomIs(sessions, c.session, s.sessionName());
        if (e instanceof PrincipalEntry.FederatedUser f)
            return c.kind == Kind.FEDERATED && f.partition().equals(partition) && accountIs(c, f.accountId())
                    && atomIs(federated, c.name, f.name());
        if (e instanceof PrincipalEntry.Service s)
            return c.kind == Kind.SERVICE && atomIs(services, c.name, s.raw().toLowerCase(Locale.ROOT));
        return false;
    }

    /** Whether aws:PrincipalArn of an IAM cell is in {@code lang} (registered with {@link Builder#arn}). */
    boolean arnIn(Cell c, Automaton lang) {
        List<Automaton[]> products = arnProducts.get(lang).get(c.kind);
        for (Automaton[] p : products) {
            if (!inside(accounts, p[0]).get(c.account)) continue;
            if (p.length == 1 || inside(names(c.kind), p[1]).get(c.name)) return true;
        }
        return false;
    }

    /** Atoms of {@code atoms} inside a registered language (cached). */
    BitSet inside(StringAtoms atoms, Automaton lang) {
        BitSet[] perPart = insideCache.computeIfAbsent(lang, k -> new BitSet[6]);
        int slot = atoms == accounts ? 0 : atoms == users ? 1 : atoms == roles ? 2 : atoms == sessions ? 3
                : atoms == federated ? 4 : 5;
        if (perPart[slot] == null) perPart[slot] = atoms.inside(lang, 0);
        return perPart[slot];
    }

    /** The caller ARN of an IAM cell, or the service name. */
    String callerArn(Cell c) {
        String acct = c.iam() ? accounts.example(c.account) : null;
        return switch (c.kind) {
            case ROOT -> "arn:" + partition + ":iam::" + acct + ":root";
            case USER -> "arn:" + partition + ":iam::" + acct + ":user/" + users.example(c.name);
            case SESSION -> "arn:" + partition + ":sts::" + acct + ":assumed-role/" + roles.example(c.name) + "/"
                    + sessions.example(c.session);
            case FEDERATED -> "arn:" + partition + ":sts::" + acct + ":federated-user/" + federated.example(c.name);
            case SERVICE -> services.example(c.name);
        };
    }

    /** The user or role ARN identity policies and boundaries of this IAM cell are keyed by, or null (root, federated). */
    String holderArn(Cell c) {
        String acct = c.iam() ? accounts.example(c.account) : null;
        return switch (c.kind) {
            case USER -> "arn:" + partition + ":iam::" + acct + ":user/" + users.example(c.name);
            case SESSION -> "arn:" + partition + ":iam::" + acct + ":role/" + roles.example(c.name);
            default -> null;
        };
    }

    String account(Cell c) {
        return c.iam() ? accounts.example(c.account) : null;
    }
}
