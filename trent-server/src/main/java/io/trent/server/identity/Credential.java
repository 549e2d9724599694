package io.trent.server.identity;

import io.trent.policy.Caller;

/**
 * A configured access key and who signs with it. The secret never appears in {@link #toString()}.
 *
 * @param actsOnBehalfOfCallers the caller is a service principal allowed to make forward-access calls
 */
public record Credential(String accessKeyId, String secret, Caller caller, boolean actsOnBehalfOfCallers) {
    @Override
    public String toString() {
        return "Credential[" + accessKeyId + " -> " + caller.arn() + ", secret redacted]";
    }
}
