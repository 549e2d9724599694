package io.trent.authz;

/** Key policy documents the service writes itself. */
public final class KeyPolicies {
    private KeyPolicies() {}

    /**
     * The policy CreateKey and ReplicateKey store when the request has none (§10.1): it delegates every KMS action
     * on the key to the account's IAM policies and lets the account's root user manage the key. The layout is the
     * one GetKeyPolicy returns from AWS for a default policy, so clients that compare the text see the same bytes.
     */
    public static String defaultPolicy(String partition, String account) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:%s:iam::%s:root"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""".formatted(partition, account);
    }
}
