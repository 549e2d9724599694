package io.trent.kms;

import io.trent.policy.Caller;

/**
 * Where short key identifiers (key ids, alias names) point: the caller's partition and account in the Region of
 * the request. Service principals have no account of their own; they get the source account they act for.
 */
record Scope(String partition, String account, String region) {

    static Scope of(Invocation inv) {
        String region = inv.transport().region();
        if (inv.caller() instanceof Caller.Iam iam) return new Scope(iam.partition(), iam.account(), region);
        return new Scope(partitionOf(region), inv.transport().sourceAccount(), region);
    }

    static String partitionOf(String region) {
        if (region.startsWith("cn-")) return "aws-cn";
        if (region.startsWith("us-gov-")) return "aws-us-gov";
        return "aws";
    }

    /** The same partition and Region in another account (ciphertexts name their key's account). */
    Scope withAccount(String otherAccount) {
        return new Scope(partition, otherAccount, region);
    }

    String keyArn(String keyId) {
        return "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + keyId;
    }

    /** @param aliasName {@code alias/NAME} */
    String aliasArn(String aliasName) {
        return "arn:" + partition + ":kms:" + region + ":" + account + ":" + aliasName;
    }

    String rootArn() {
        return "arn:" + partition + ":iam::" + account + ":root";
    }
}
