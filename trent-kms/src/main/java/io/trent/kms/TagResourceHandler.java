package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** TagResource: adds or replaces tags; at most 50 per key; not on keys pending deletion. */
final class TagResourceHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        LoadedKey key = kms.resolve(call, "KeyId");
        Map<String, String> tags = Tags.read(call.params(), true);
        kms.authorize(call, key, null);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            Tags.checkCount(w.tags(k.arn()), tags);
            w.putTags(k.arn(), tags);
            return null;
        });
        return Json.object();
    }
}
