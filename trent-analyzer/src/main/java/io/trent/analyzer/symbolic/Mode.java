package io.trent.analyzer.symbolic;

/**
 * Which semantics the analysis reproduces.
 *
 * <p>{@link #engine} mode is the authorization engine's for one concrete key (its account and Region known): a caller
 * of another account only reaches cross-account operations and always needs its own identity policies, and the
 * witnesses are replayed through the engine. {@link #catalog} mode is the request model of the lint catalog
 * (lint-catalog.md section 1): the key's account is unknown, so every caller may be of it, and an account principal
 * delegates while every other principal grants directly.
 *
 * @param keyAccount the key's account; null in catalog mode
 * @param partition  the partition of the key and of every caller
 * @param region     the key's Region; null in catalog mode
 * @param keyId      the key's id, for witnesses
 */
public record Mode(String keyAccount, String partition, String region, String keyId) {
    public static final String DEFAULT_ACCOUNT = "111122223333";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

    public static Mode engine(String keyAccount) {
        return new Mode(keyAccount, "aws", DEFAULT_REGION, DEFAULT_KEY_ID);
    }

    public static Mode catalog() {
        return new Mode(null, "aws", null, DEFAULT_KEY_ID);
    }

    /**
     * The key's account when none is given: the first account principal of the policies (an account ID or root ARN),
     * else the account of their first principal ARN, else {@link #DEFAULT_ACCOUNT}.
     */
    public static String defaultAccount(io.trent.policy.Policy... policies) {
        String fallback = null;
        for (io.trent.policy.Policy p : policies) {
            for (io.trent.policy.Statement s : p.statements()) {
                if (s.principals() == null) continue;
                for (io.trent.policy.PrincipalEntry e : s.principals()) {
                    if (e instanceof io.trent.policy.PrincipalEntry.Account a) return a.accountId();
                    String account = e instanceof io.trent.policy.PrincipalEntry.User u ? u.accountId()
                            : e instanceof io.trent.policy.PrincipalEntry.Role r ? r.accountId()
                            : e instanceof io.trent.policy.PrincipalEntry.AssumedRole ar ? ar.accountId()
                            : e instanceof io.trent.policy.PrincipalEntry.FederatedUser f ? f.accountId() : null;
                    if (fallback == null) fallback = account;
                }
            }
        }
        return fallback != null ? fallback : DEFAULT_ACCOUNT;
    }

    public boolean engineMode() {
        return keyAccount != null;
    }

    public String keyArn() {
        return "arn:" + partition + ":kms:" + (region == null ? DEFAULT_REGION : region) + ":"
                + (keyAccount == null ? DEFAULT_ACCOUNT : keyAccount) + ":key/" + keyId;
    }
}
