package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** ListResourceTags: the key's tags by tag key, paged (a key has at most 50, so paging is in memory). */
final class ListResourceTagsHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        Paging.Request request = Paging.read(p, 1, 50, 50);
        p.validate();
        Paging paging = request.open();
        LoadedKey key = kms.authorizedKey(call, keyId);
        Map<String, String> page = new LinkedHashMap<>();
        boolean truncated = false;
        String last = "";
        for (Map.Entry<String, String> t : kms.store.read(r -> r.tags(key.arn())).entrySet()) {
            if (paging.after(0) != null && EncryptionContext.compareCodePoints(t.getKey(), paging.after(0)) <= 0)
                continue;
            if (page.size() == paging.limit()) {
                truncated = true;
                break;
            }
            page.put(t.getKey(), t.getValue());
            last = t.getKey();
        }
        ObjectNode out = Json.object().set("Tags", Tags.render(page));
        Paging.finish(out, truncated, last);
        return out;
    }
}
