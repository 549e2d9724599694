package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** TagResource: adds or replaces tags; at most 50 per key; not on keys pending deletion. */
final class TagResourceHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        List<Tags.Tag> tagList = Tags.read(p, true);
        p.validate();
        Map<String, String> tags = Tags.check(tagList);
        LoadedKey key = kms.authorizedKey(call, keyId);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            Tags.checkCount(w.tags(k.arn()), tags);
            w.putTags(k.arn(), tags);
            return null;
        });
        return Json.object();
    }
}
