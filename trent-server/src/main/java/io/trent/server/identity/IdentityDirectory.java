package io.trent.server.identity;

import io.trent.authz.Identities;
import io.trent.authz.NamedPolicy;
import io.trent.kms.PrincipalDirectory;
import io.trent.policy.Caller;
import io.trent.server.config.TrentConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The principals of a configuration: who owns each access key, and the IAM side (policies, boundaries, tags,
 * SCPs) of every configured user and role. Principals of configured accounts exist only when configured; accounts
 * the configuration does not mention (such as the --dev account) accept any principal. Immutable.
 */
public final class IdentityDirectory implements Identities, PrincipalDirectory {
    private final Map<String, Credential> credentials = new HashMap<>();
    private final Map<String, TrentConfig.Account> accounts = new HashMap<>();
    /** By account + "|" + the part of the ARN after "user/". */
    private final Map<String, TrentConfig.User> users = new HashMap<>();
    /** By account + "|" + role name (session ARNs carry no path). */
    private final Map<String, TrentConfig.Role> roles = new HashMap<>();

    public IdentityDirectory(TrentConfig config) {
        for (TrentConfig.Account a : config.accounts()) {
            accounts.put(a.id(), a);
            add(a.rootAccessKeys(), Caller.parseIam(a.rootArn()), false);
            for (TrentConfig.User u : a.users()) {
                users.put(a.id() + "|" + u.pathAndName(), u);
                add(u.accessKeys(), Caller.parseIam("arn:aws:iam::" + a.id() + ":user/" + u.pathAndName()), false);
            }
            for (TrentConfig.Role r : a.roles()) {
                roles.put(a.id() + "|" + r.name(), r);
                add(r.accessKeys(), Caller.parseIam("arn:aws:sts::" + a.id() + ":assumed-role/" + r.name() + "/"
                        + r.sessionName()), false);
            }
        }
        for (TrentConfig.Service s : config.services())
            add(s.accessKeys(), new Caller.Service(s.name()), s.actsOnBehalfOfCallers());
    }

    private void add(List<TrentConfig.AccessKey> keys, Caller caller, boolean fas) {
        for (TrentConfig.AccessKey k : keys)
            credentials.put(k.id(), new Credential(k.id(), k.secret(), caller, fas));
    }

    /** The credential of a configured access key, or null. */
    public Credential credential(String accessKeyId) {
        return credentials.get(accessKeyId);
    }

    /** Whether a forward-access call may name this caller: known in its account, or its account is unconfigured. */
    public boolean knows(Caller.Iam caller) {
        if (!accounts.containsKey(caller.account())) return true;
        return switch (caller.type()) {
            case ROOT, FEDERATED_USER -> true;
            case USER, ASSUMED_ROLE -> principal(caller) != null;
        };
    }

    @Override
    public boolean exists(String principalArn) {
        String[] part = principalArn.split(":", 6);
        if (part.length != 6 || !part[0].equals("arn") || !part[3].isEmpty() || part[4].length() != 12
                || !part[4].chars().allMatch(c -> c >= '0' && c <= '9')) return false;
        String account = part[4], resource = part[5];
        if (part[2].equals("iam") && resource.startsWith("role/")) {
            int slash = resource.lastIndexOf('/');
            String name = resource.substring(slash + 1), path = resource.substring(4, slash + 1);
            if (name.isEmpty()) return false;
            if (!accounts.containsKey(account)) return true;
            TrentConfig.Role r = roles.get(account + "|" + name);
            return r != null && r.path().equals(path);
        }
        try {
            return knows(Caller.parseIam(principalArn));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public List<NamedPolicy> identityPolicies(Caller.Iam caller) {
        TrentConfig.Principal p = principal(caller);
        return p == null ? List.of() : p.policies();
    }

    @Override
    public NamedPolicy permissionsBoundary(Caller.Iam caller) {
        TrentConfig.Principal p = principal(caller);
        return p == null ? null : p.permissionsBoundary();
    }

    @Override
    public List<NamedPolicy> serviceControlPolicies(String account) {
        TrentConfig.Account a = accounts.get(account);
        return a == null ? List.of() : a.serviceControlPolicies();
    }

    @Override
    public Map<String, String> principalTags(Caller.Iam caller) {
        TrentConfig.Principal p = principal(caller);
        return p == null ? Map.of() : p.tags();
    }

    /** The configured user or role of an IAM caller, or null (root, federated users, unknown principals). */
    private TrentConfig.Principal principal(Caller.Iam caller) {
        return switch (caller.type()) {
            case USER -> users.get(caller.account() + "|" + caller.name());
            case ASSUMED_ROLE -> roles.get(caller.account() + "|" + caller.name());
            case ROOT, FEDERATED_USER -> null;
        };
    }
}
