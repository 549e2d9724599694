package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** GenerateMac: the HMAC of a message of up to 4096 bytes under an HMAC key. */
final class GenerateMacHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        byte[] message = p.blob("Message", 1, Macs.MAX_MESSAGE, true);
        String keyId = p.keyId("KeyId", true);
        String algorithm = p.enumValue("MacAlgorithm", Macs.ALGORITHMS, true);
        List<String> tokens = GrantTokens.read(p);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        GrantTokens.check(tokens);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.requireEnabled(key.record());
        Kms.requireUsage(key.record(), KeyUsage.GENERATE_VERIFY_MAC, algorithm, call.operation());
        Kms.dryRun(dryRun);
        return Json.object().put("Mac", Json.blob(Macs.compute(key, message))).put("MacAlgorithm", algorithm)
                .put("KeyId", key.arn());
    }
}
