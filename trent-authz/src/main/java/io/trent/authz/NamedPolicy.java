package io.trent.authz;

import io.trent.policy.CompiledPolicy;

/** A compiled policy with the name used in explanations, e.g. "identity policy arn:...:role/Analyst[0]". */
public record NamedPolicy(String name, CompiledPolicy policy) {}
