package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** ListKeys: the caller's keys in the request's Region, by key id. */
final class ListKeysHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Paging.Request request = Paging.read(call.params(), 1, 100, 1000);
        call.params().validate();
        Paging paging = request.open();
        kms.authorize(call, null, null);
        Scope scope = call.scope();
        Page<KeyRecord> page = scope.account() == null ? new Page<>(List.of(), false)
                : kms.store.read(r -> r.keys(scope.account(), scope.region(), paging.after(0), paging.limit()));
        ArrayNode keys = Json.array();
        for (KeyRecord k : page.items())
            if (!kms.deleted(k)) keys.addObject().put("KeyId", k.keyId()).put("KeyArn", k.arn());
        ObjectNode out = Json.object().set("Keys", keys);
        Paging.finish(out, page.truncated(), page.last() == null ? "" : page.last().keyId());
        return out;
    }
}
