package io.trent.analyzer.symbolic;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** Named sets of caller cells: one principal given on the command line, and the classes who-can reports. */
final class PrincipalGroups {
    record Group(String description, BitSet cells) {}

    private PrincipalGroups() {}

    /**
     * The cells of one principal: an account ID (every IAM principal of it), a root, user, role (every session),
     * assumed-role or federated-user ARN, or a service principal name. The principal must have been registered with
     * the space (see {@link Compiler#of}).
     *
     * @throws IllegalArgumentException when {@code principal} is none of these
     */
    static BitSet cellsOf(PrincipalSpace ps, String principal) {
        if (principal.length() == 12 && principal.chars().allMatch(Character::isDigit))
            return ps.where(c -> ps.accountIs(c, principal));
        if (!principal.startsWith("arn:")) {
            String service = principal.toLowerCase(Locale.ROOT);
            if (!service.contains(".")) throw new IllegalArgumentException("not a principal: " + principal);
            return ps.where(c -> !c.iam() && ps.services.literal(c.name()) && ps.services.example(c.name()).equals(service));
        }
        String[] f = principal.split(":", 6);
        if (f.length != 6) throw new IllegalArgumentException("not a principal ARN: " + principal);
        String resource = f[5];
        if (resource.startsWith("role/")) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            String arn = "arn:" + f[1] + ":iam::" + f[4] + ":role/" + name;
            return ps.where(c -> c.kind() == PrincipalSpace.Kind.SESSION && ps.roles.literal(c.name())
                    && ps.knownAccount(c) && arn.equals(ps.holderArn(c)));
        }
        if (!(resource.equals("root") || resource.startsWith("user/") || resource.startsWith("assumed-role/")
                || resource.startsWith("federated-user/")))
            throw new IllegalArgumentException("not a root, user, role, assumed-role or federated-user ARN: " + principal);
        BitSet b = ps.where(c -> c.iam() && ps.knownAccount(c) && (c.kind() == PrincipalSpace.Kind.ROOT || ps.knownName(c))
                && (c.kind() != PrincipalSpace.Kind.SESSION || ps.sessions.literal(c.session()))
                && principal.equals(ps.callerArn(c)));
        if (b.isEmpty()) throw new IllegalArgumentException("not a principal ARN: " + principal);
        return b;
    }

    /** The classes of callers who-can reports, in a stable order. */
    static List<Group> groups(PrincipalSpace ps) {
        List<Group> out = new ArrayList<>();
        for (int a = 0; a < ps.accounts.size(); a++) {
            if (!ps.accounts.literal(a)) continue;
            int acct = a;
            String id = ps.accounts.example(a);
            String root = "arn:" + ps.partition + ":iam::" + id + ":root";
            out.add(new Group("the root user " + root, ps.where(c -> c.iam() && c.account() == acct
                    && c.kind() == PrincipalSpace.Kind.ROOT)));
            for (PrincipalSpace.Kind k : List.of(PrincipalSpace.Kind.USER, PrincipalSpace.Kind.SESSION, PrincipalSpace.Kind.FEDERATED)) {
                StringAtoms names = ps.names(k);
                for (int n = 0; n < names.size(); n++) {
                    if (!names.literal(n)) continue;
                    int name = n;
                    String what = switch (k) {
                        case USER -> "the user arn:" + ps.partition + ":iam::" + id + ":user/" + names.example(n);
                        case SESSION -> "sessions of the role arn:" + ps.partition + ":iam::" + id + ":role/" + names.example(n);
                        default -> "the federated user arn:" + ps.partition + ":sts::" + id + ":federated-user/" + names.example(n);
                    };
                    out.add(new Group(what, ps.where(c -> c.kind() == k && c.account() == acct && c.name() == name)));
                }
            }
            out.add(new Group("other principals of account " + id, ps.where(c -> c.iam() && c.account() == acct
                    && c.kind() != PrincipalSpace.Kind.ROOT && !ps.knownName(c))));
        }
        out.add(new Group("root users of accounts the policies do not name", ps.where(c -> c.iam() && !ps.knownAccount(c)
                && c.kind() == PrincipalSpace.Kind.ROOT)));
        out.add(new Group("other principals of accounts the policies do not name", ps.where(c -> c.iam()
                && !ps.knownAccount(c) && c.kind() != PrincipalSpace.Kind.ROOT)));
        for (int n = 0; n < ps.services.size(); n++) {
            if (!ps.services.literal(n)) continue;
            int name = n;
            out.add(new Group("the service " + ps.services.example(n), ps.where(c -> !c.iam() && c.name() == name)));
        }
        out.add(new Group("other AWS services", ps.where(c -> !c.iam() && !ps.services.literal(c.name()))));
        out.removeIf(g -> g.cells().isEmpty());
        return out;
    }
}
