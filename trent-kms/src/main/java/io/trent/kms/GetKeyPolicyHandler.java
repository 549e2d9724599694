package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** GetKeyPolicy: the stored document verbatim; the only policy name is "default". */
final class GetKeyPolicyHandler implements Operation {
    static final String DEFAULT = "default";

    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        String name = p.string("PolicyName", 1, 128, Params.POLICY_NAME, false);
        p.validate();
        LoadedKey key = kms.authorizedKey(call, keyId);
        if (name != null && !name.equals(DEFAULT))
            throw new KmsException.NotFound("Key policy " + name + " does not exist; the only key policy is default");
        return Json.object().put("Policy", key.record().policy()).put("PolicyName", DEFAULT);
    }
}
