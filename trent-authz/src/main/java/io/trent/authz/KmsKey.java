package io.trent.authz;

import io.trent.policy.CompiledPolicy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What authorization needs to know about a KMS key.
 *
 * @param multiRegionKeyType "PRIMARY", "REPLICA" or null for single-Region keys
 * @param aliases            alias names ("alias/x") pointing at the key
 * @param tags               resource tags (aws:ResourceTag/*)
 * @param grants             grants on the key
 */
public record KmsKey(String arn, String keyId, String account, String region, CompiledPolicy policy,
                     String keySpec, String keyUsage, String origin, boolean multiRegion, String multiRegionKeyType,
                     Map<String, String> tags, List<String> aliases, List<Grant> grants) {
    public KmsKey {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags)); // sorted, so explanations list tags in a stable order
        aliases = List.copyOf(aliases);
        grants = List.copyOf(grants);
    }
}
