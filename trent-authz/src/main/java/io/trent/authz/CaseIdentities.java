package io.trent.authz;

import io.trent.policy.Caller;

import java.util.List;
import java.util.Map;

/**
 * The IAM side of a conformance case. Policies are keyed by user or role ARN; a session finds its role's by account
 * and role name (§2.1: session ARNs carry no role path).
 */
final class CaseIdentities implements Identities {
    private final Map<String, List<NamedPolicy>> identityPolicies;
    private final Map<String, NamedPolicy> boundaries;
    private final List<NamedPolicy> scps;
    private final Map<String, String> callerTags;
    /** The last caller's lookup key: a simulation asks for the same caller on every decision. */
    private volatile Memo memo;

    private record Memo(Caller.Iam caller, String key) {}

    /** @param identityPolicies and {@code boundaries} keyed by {@link #principalKey} */
    CaseIdentities(Map<String, List<NamedPolicy>> identityPolicies, Map<String, NamedPolicy> boundaries,
                   List<NamedPolicy> scps, Map<String, String> callerTags) {
        this.identityPolicies = Map.copyOf(identityPolicies);
        this.boundaries = Map.copyOf(boundaries);
        this.scps = List.copyOf(scps);
        this.callerTags = Map.copyOf(callerTags);
    }

    /** The lookup key of a user or role ARN: role ARNs lose their path, other ARNs are kept as they are. */
    static String principalKey(String arn) {
        int role = arn.indexOf(":role/");
        if (arn.startsWith("arn:") && role > 0) {
            String account = RequestContextBuilder.arnAccount(arn);
            return "role " + account + " " + arn.substring(arn.lastIndexOf('/') + 1);
        }
        return arn;
    }

    private String callerKey(Caller.Iam caller) {
        Memo m = memo;
        if (m != null && m.caller == caller) return m.key;
        String key = caller.type() == Caller.IamType.ASSUMED_ROLE ? "role " + caller.account() + " " + caller.name()
                : caller.arn();
        memo = new Memo(caller, key);
        return key;
    }

    @Override
    public List<NamedPolicy> identityPolicies(Caller.Iam caller) {
        return identityPolicies.getOrDefault(callerKey(caller), List.of());
    }

    @Override
    public NamedPolicy permissionsBoundary(Caller.Iam caller) {
        return boundaries.get(callerKey(caller));
    }

    /** A case lists the SCPs of the caller's account. */
    @Override
    public List<NamedPolicy> serviceControlPolicies(String account) {
        return scps;
    }

    @Override
    public Map<String, String> principalTags(Caller.Iam caller) {
        return callerTags;
    }
}
