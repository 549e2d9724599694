package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Sign: a signature of a message (RAW, up to 4096 bytes) or of its digest (DIGEST) with an asymmetric key. */
final class SignHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        byte[] message = p.blob("Message", 1, Signing.MAX_MESSAGE, true);
        String messageType = p.enumValue("MessageType", Signing.MESSAGE_TYPES, false);
        List<String> tokens = GrantTokens.read(p);
        String algorithmName = p.enumValue("SigningAlgorithm", Signing.NAMES, true);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        Signing.Algorithm algorithm = Signing.ALGORITHMS.get(algorithmName);
        boolean digest = Signing.checkMessage(algorithm, messageType, message);
        GrantTokens.check(tokens);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.requireEnabled(key.record());
        Signing.checkKey(key, algorithm, call.operation());
        Kms.dryRun(dryRun);
        return Json.object().put("KeyId", key.arn())
                .put("Signature", Json.blob(Signing.sign(key, algorithm, message, digest, kms.random)))
                .put("SigningAlgorithm", algorithmName);
    }
}
