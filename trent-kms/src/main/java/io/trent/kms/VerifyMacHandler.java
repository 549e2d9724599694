package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.MessageDigest;
import java.util.List;

/** VerifyMac: MacValid true, or KMSInvalidMacException; the comparison takes the same time wherever they differ. */
final class VerifyMacHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        byte[] message = p.blob("Message", 1, Macs.MAX_MESSAGE, true);
        String keyId = p.keyId("KeyId", true);
        String algorithm = p.enumValue("MacAlgorithm", Macs.ALGORITHMS, true);
        byte[] mac = p.blob("Mac", 1, Macs.MAX_MAC, true);
        List<String> tokens = GrantTokens.read(p);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        GrantTokens.check(tokens);
        LoadedKey key = kms.authorizedKey(call, keyId);
        Kms.requireEnabled(key.record());
        Kms.requireUsage(key.record(), KeyUsage.GENERATE_VERIFY_MAC, algorithm, call.operation());
        Kms.dryRun(dryRun);
        if (!MessageDigest.isEqual(Macs.compute(key, message), mac)) throw new KmsException.InvalidMac("");
        return Json.object().put("KeyId", key.arn()).put("MacValid", true).put("MacAlgorithm", algorithm);
    }
}
