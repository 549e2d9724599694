package io.trent.kms;

import io.trent.authz.Transport;
import io.trent.policy.Caller;

/**
 * Who called and how, as the server authenticated it.
 *
 * @param requestId the id the server reports in x-amzn-RequestId (for logs; never used for decisions)
 */
public record Invocation(Caller caller, Transport transport, String requestId) {}
