package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** GetPublicKey: the DER SubjectPublicKeyInfo of an asymmetric key, with what the key may be used for. */
final class GetPublicKeyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        List<String> tokens = GrantTokens.read(p);
        p.validate();
        GrantTokens.check(tokens);
        LoadedKey key = kms.authorizedKey(call, keyId);
        KeyRecord k = key.record();
        Kms.requireEnabled(k);
        byte[] publicKey = k.publicKey();
        if (publicKey == null)
            throw new KmsException.UnsupportedOperation(k.arn() + " key spec is " + k.keySpec()
                    + " which is not valid for GetPublicKey: only asymmetric keys have a public key.");
        ObjectNode out = Json.object().put("KeyId", k.arn()).put("PublicKey", Json.blob(publicKey));
        KeyMetadata.putKeySpec(out, k.keySpec());
        out.put("KeyUsage", k.keyUsage().name());
        KeyMetadata.putAlgorithms(out, k);
        return out;
    }
}
