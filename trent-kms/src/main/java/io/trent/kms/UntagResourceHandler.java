package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** UntagResource: removes tags by key (absent keys are ignored); not on keys pending deletion. */
final class UntagResourceHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        LoadedKey key = kms.resolve(call, "KeyId");
        List<String> tagKeys = call.params().stringList("TagKeys", Integer.MAX_VALUE, 1, 128, true);
        tagKeys.forEach(Tags::checkKey);
        kms.authorize(call, key, null);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            w.removeTags(k.arn(), tagKeys);
            return null;
        });
        return Json.object();
    }
}
