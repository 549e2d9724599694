package io.trent.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Principal/NotPrincipal of one statement (sections 2.2-2.4). Entries are grouped by kind so a match is a few
 * string comparisons. Role entries match sessions of the role by account and role name (the path is ignored,
 * session ARNs do not carry it); service entries compare names ignoring case.
 */
final class PrincipalMatcher {
    /** Statement without Principal: identity policies apply to their holder, key policies to nobody. */
    private final PrincipalMatch absent;
    private final boolean present, not, everyone;
    private final PrincipalEntry.Account[] accounts;
    private final PrincipalEntry.User[] users;
    private final PrincipalEntry.Role[] roles;
    private final PrincipalEntry.AssumedRole[] sessions;
    private final PrincipalEntry.FederatedUser[] federated;
    private final String[] services;

    PrincipalMatcher(Statement s, PolicyType type) {
        List<PrincipalEntry> entries = s.principals();
        this.present = entries != null;
        this.absent = type == PolicyType.IDENTITY_POLICY ? PrincipalMatch.IMPLICIT : PrincipalMatch.NONE;
        this.not = s.notPrincipal();
        List<PrincipalEntry.Account> accounts = new ArrayList<>();
        List<PrincipalEntry.User> users = new ArrayList<>();
        List<PrincipalEntry.Role> roles = new ArrayList<>();
        List<PrincipalEntry.AssumedRole> sessions = new ArrayList<>();
        List<PrincipalEntry.FederatedUser> federated = new ArrayList<>();
        List<String> services = new ArrayList<>();
        boolean everyone = false;
        for (PrincipalEntry e : entries == null ? List.<PrincipalEntry>of() : entries) {
            if (e instanceof PrincipalEntry.Everyone) everyone = true;
            else if (e instanceof PrincipalEntry.Account a) accounts.add(a);
            else if (e instanceof PrincipalEntry.User u) users.add(u);
            else if (e instanceof PrincipalEntry.Role r) roles.add(r);
            else if (e instanceof PrincipalEntry.AssumedRole ar) sessions.add(ar);
            else if (e instanceof PrincipalEntry.FederatedUser f) federated.add(f);
            else if (e instanceof PrincipalEntry.Service svc) services.add(svc.raw());
        }
        this.everyone = everyone;
        this.accounts = accounts.toArray(PrincipalEntry.Account[]::new);
        this.users = users.toArray(PrincipalEntry.User[]::new);
        this.roles = roles.toArray(PrincipalEntry.Role[]::new);
        this.sessions = sessions.toArray(PrincipalEntry.AssumedRole[]::new);
        this.federated = federated.toArray(PrincipalEntry.FederatedUser[]::new);
        this.services = services.toArray(String[]::new);
    }

    /**
     * Registers the statement at {@code index} under every caller it may match: a superset, {@link #match} decides.
     * Users, roles, sessions and federated users are filed under the caller name they compare with
     * ({@link Caller.Iam#name()}), accounts under the account ID.
     */
    void index(StatementIndex.Builder index, int statement) {
        if (!present) {
            if (absent != PrincipalMatch.NONE) index.anyCaller(statement);
            return;
        }
        if (not || everyone) {
            index.anyCaller(statement);
            return;
        }
        if (services.length > 0) index.service(statement);
        for (PrincipalEntry.Account a : accounts) index.account(a.accountId(), statement);
        for (PrincipalEntry.User u : users) index.name(u.pathAndName(), statement);
        for (PrincipalEntry.Role r : roles) index.name(r.roleName(), statement);
        for (PrincipalEntry.AssumedRole s : sessions) index.name(s.roleName(), statement);
        for (PrincipalEntry.FederatedUser f : federated) index.name(f.name(), statement);
    }

    PrincipalMatch match(Caller caller) {
        if (!present) return absent;
        if (caller == null) return PrincipalMatch.NONE;
        if (not) return excepted(caller) ? PrincipalMatch.NONE : PrincipalMatch.EVERYONE;
        if (everyone) return PrincipalMatch.EVERYONE;
        if (caller instanceof Caller.Service s) return serviceListed(s) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
        Caller.Iam c = (Caller.Iam) caller;
        if (c.type() == null) return PrincipalMatch.NONE;
        boolean direct = switch (c.type()) {
            case USER -> userListed(c);
            case ASSUMED_ROLE -> sessionListed(c);
            case FEDERATED_USER -> federatedListed(c);
            case ROOT -> false;
        };
        if (direct) return PrincipalMatch.DIRECT;
        if (c.type() == Caller.IamType.ASSUMED_ROLE && roleListed(c)) return PrincipalMatch.ROLE;
        return accountListed(c) ? PrincipalMatch.ACCOUNT : PrincipalMatch.NONE;
    }

    /** Section 2.4: the caller is excepted only when every link of its chain is listed. */
    private boolean excepted(Caller caller) {
        if (everyone) return true;
        if (caller instanceof Caller.Service s) return serviceListed(s);
        Caller.Iam c = (Caller.Iam) caller;
        if (c.type() == null || !accountListed(c)) return false;
        return switch (c.type()) {
            case ROOT -> true;
            case USER -> userListed(c);
            case ASSUMED_ROLE -> roleListed(c) && sessionListed(c);
            case FEDERATED_USER -> federatedListed(c);
        };
    }

    private boolean serviceListed(Caller.Service s) {
        String name = s.arn();
        if (name == null) return false;
        for (String svc : services) if (svc.equalsIgnoreCase(name)) return true;
        return false;
    }

    private boolean accountListed(Caller.Iam c) {
        for (PrincipalEntry.Account a : accounts) {
            // a bare account ID names the account in whatever partition the caller is in
            if (a.accountId().equals(c.account()) && (!a.raw().startsWith("arn:") || a.partition().equals(c.partition())))
                return true;
        }
        return false;
    }

    private boolean userListed(Caller.Iam c) {
        for (PrincipalEntry.User u : users) {
            if (u.pathAndName().equals(c.name()) && u.accountId().equals(c.account()) && u.partition().equals(c.partition()))
                return true;
        }
        return false;
    }

    private boolean roleListed(Caller.Iam c) {
        for (PrincipalEntry.Role r : roles) {
            if (r.roleName().equals(c.name()) && r.accountId().equals(c.account()) && r.partition().equals(c.partition()))
                return true;
        }
        return false;
    }

    private boolean sessionListed(Caller.Iam c) {
        for (PrincipalEntry.AssumedRole s : sessions) {
            if (s.sessionName().equals(c.sessionName()) && s.roleName().equals(c.name()) && s.accountId().equals(c.account())
                    && s.partition().equals(c.partition()))
                return true;
        }
        return false;
    }

    private boolean federatedListed(Caller.Iam c) {
        for (PrincipalEntry.FederatedUser f : federated) {
            if (f.name().equals(c.name()) && f.accountId().equals(c.account()) && f.partition().equals(c.partition())) return true;
        }
        return false;
    }
}
