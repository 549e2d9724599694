package io.trent.policy;

/** The authenticated principal that signed a request. */
public sealed interface Caller {
    /** The ARN (IAM callers) or the service principal name (service callers), as used in messages. */
    String arn();

    enum IamType { ROOT, USER, ASSUMED_ROLE, FEDERATED_USER }

    /**
     * An IAM caller.
     *
     * @param name for USER the path and name after "user/", for ASSUMED_ROLE the role name, for FEDERATED_USER the
     *             user name, for ROOT the account id
     * @param sessionName the role session name (ASSUMED_ROLE only), else null
     */
    record Iam(String arn, String partition, String account, IamType type, String name, String sessionName) implements Caller {
        /** The IAM principal ARN (aws:PrincipalArn): the role ARN for a session, the ARN itself otherwise. */
        public String principalArn() {
            return type == IamType.ASSUMED_ROLE ? "arn:" + partition + ":iam::" + account + ":role/" + name : arn;
        }
    }

    /** An AWS service principal calling with its own identity, e.g. cloudtrail.amazonaws.com. */
    record Service(String arn) implements Caller {}

    /** Parses an IAM principal ARN (root, user, assumed-role session, federated user). */
    static Caller.Iam parseIam(String arn) {
        return Callers.parseIam(arn);
    }
}
