package io.trent.authz;

import io.trent.policy.CompiledPolicy;

import java.util.List;
import java.util.Map;

/**
 * What authorization needs to know about a KMS key.
 *
 * @param multiRegionKeyType "PRIMARY", "REPLICA" or null for single-Region keys
 * @param aliases            alias names ("alias/x") pointing at the key
 * @param grants             grants on the key
 */
public record KmsKey(String arn, String keyId, String account, String region, CompiledPolicy policy,
                     String keySpec, String keyUsage, String origin, boolean multiRegion, String multiRegionKeyType,
                     Map<String, String> tags, List<String> aliases, List<Grant> grants) {
    public KmsKey {
        tags = Map.copyOf(tags);
        aliases = List.copyOf(aliases);
        grants = List.copyOf(grants);
    }
}
