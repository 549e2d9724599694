package io.trent.authz;

import io.trent.policy.Caller;

import java.util.List;
import java.util.Map;

/** Where the engine finds the IAM side of a caller: its policies, boundary, tags and its account's SCPs. */
public interface Identities {
    /** Identity policies of the user, or of the session's role. Empty when none. */
    List<NamedPolicy> identityPolicies(Caller.Iam caller);

    /** Permissions boundary of the user or role, or null. */
    NamedPolicy permissionsBoundary(Caller.Iam caller);

    /** Session policy of a role session or federated user, or null. */
    default NamedPolicy sessionPolicy(Caller.Iam caller) { return null; }

    /** SCPs that apply to the account (empty: no SCP gate). */
    List<NamedPolicy> serviceControlPolicies(String account);

    /** Principal tags (aws:PrincipalTag/*). */
    Map<String, String> principalTags(Caller.Iam caller);

    Identities NONE = new Identities() {
        public List<NamedPolicy> identityPolicies(Caller.Iam c) { return List.of(); }
        public NamedPolicy permissionsBoundary(Caller.Iam c) { return null; }
        public List<NamedPolicy> serviceControlPolicies(String a) { return List.of(); }
        public Map<String, String> principalTags(Caller.Iam c) { return Map.of(); }
    };
}
