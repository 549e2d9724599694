package io.trent.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.policy.Caller;

/**
 * One KMS API request as authorization sees it.
 *
 * @param operation  API operation name, e.g. "GenerateDataKey"
 * @param parameters the request body as the KMS API takes it (a JSON object)
 * @param key        the resolved target key (for Decrypt without KeyId: the key recorded in the ciphertext);
 *                   null for operations without a key
 * @param otherKey   the second key: ReEncrypt destination, UpdateAlias new target, UpdatePrimaryRegion replica;
 *                   null otherwise or when it is the same as {@code key}
 */
public record KmsRequest(String operation, JsonNode parameters, Caller caller, Transport transport,
                         KmsKey key, KmsKey otherKey) {}
