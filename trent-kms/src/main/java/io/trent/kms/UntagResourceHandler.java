package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** UntagResource: removes tags by key (absent keys are ignored); not on keys pending deletion. */
final class UntagResourceHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        List<String> tagKeys = p.stringList("TagKeys", Integer.MAX_VALUE, 1, 128, true);
        p.validate();
        tagKeys.forEach(Tags::checkKey);
        LoadedKey key = kms.authorizedKey(call, keyId);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            w.removeTags(k.arn(), tagKeys);
            return null;
        });
        return Json.object();
    }
}
