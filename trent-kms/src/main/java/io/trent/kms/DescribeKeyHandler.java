package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** DescribeKey: any key state; cross-account by ARN. */
final class DescribeKeyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        LoadedKey key = kms.resolve(call, "KeyId");
        GrantTokens.check(call.params());
        kms.authorize(call, key, null);
        return Json.object().set("KeyMetadata", KeyMetadata.of(key.record()));
    }
}
