package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.policy.CompiledPolicy;

/**
 * PutKeyPolicy: authorized against the current policy; the new one is validated (§1.5) and must pass the lockout
 * safety check unless BypassPolicyLockoutSafetyCheck is true.
 */
final class PutKeyPolicyHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        String name = p.string("PolicyName", 1, 128, Params.POLICY_NAME, false);
        String text = p.string("Policy", 1, 131_072, Params.POLICY, true);
        boolean bypass = p.bool("BypassPolicyLockoutSafetyCheck");
        p.validate();
        if (name != null && !name.equals(GetKeyPolicyHandler.DEFAULT))
            throw new KmsException.Validation("PolicyName must be default, the only key policy name");
        LoadedKey key = kms.authorizedKey(call, keyId);
        CompiledPolicy compiled = CompiledPolicy.compile(PolicyValidation.validate(text, kms.principals));
        if (!bypass) kms.lockoutCheck(call, key.view(), compiled);
        kms.updateKey(key.arn(), (w, k) -> {
            w.updateKey(k.withPolicy(text));
            return null;
        });
        return Json.object();
    }
}
