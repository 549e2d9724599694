package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Verify: SignatureValid true, or KMSInvalidSignatureException, as AWS answers a signature that does not verify. */
final class VerifyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        byte[] message = p.blob("Message", 1, Signing.MAX_MESSAGE, true);
        String messageType = p.enumValue("MessageType", Signing.MESSAGE_TYPES, false);
        byte[] signature = p.blob("Signature", 1, Signing.MAX_SIGNATURE, true);
        String algorithmName = p.enumValue("SigningAlgorithm", Signing.NAMES, true);
        List<String> tokens = GrantTokens.read(p);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        Signing.Algorithm algorithm = Signing.ALGORITHMS.get(algorithmName);
        boolean digest = Signing.checkMessage(algorithm, messageType, message);
        GrantTokens.check(tokens);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.requireEnabled(key.record());
        Signing.checkKey(key, algorithm, call.operation());
        Kms.dryRun(dryRun);
        if (!Signing.verify(key, algorithm, message, digest, signature))
            throw new KmsException.InvalidSignature("");
        return Json.object().put("KeyId", key.arn()).put("SignatureValid", true)
                .put("SigningAlgorithm", algorithmName);
    }
}
