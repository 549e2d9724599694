package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** DescribeKey: any key state; cross-account by ARN. */
final class DescribeKeyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        List<String> tokens = GrantTokens.read(p);
        p.validate();
        GrantTokens.check(tokens);
        LoadedKey key = kms.authorizedKey(call, keyId);
        return Json.object().set("KeyMetadata", KeyMetadata.of(key.record(), key.currentMaterialId()));
    }
}
