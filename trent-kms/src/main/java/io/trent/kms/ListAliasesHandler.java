package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** ListAliases: the caller's aliases in the request's Region, optionally of one key; IAM-only authorization. */
final class ListAliasesHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", false);
        Paging.Request request = Paging.read(p, 1, 50, 100);
        p.validate();
        Paging paging = request.open();
        LoadedKey key = keyId == null ? null : kms.resolve(keyId, call.scope());
        kms.authorize(call, null, null);
        Scope scope = call.scope();
        Page<AliasRecord> page = scope.account() == null || (key != null && !key.record().account().equals(scope.account()))
                ? new Page<>(List.of(), false)
                : kms.store.read(r -> r.aliases(scope.account(), scope.region(), key == null ? null : key.arn(),
                paging.after(0), paging.limit()));
        ArrayNode aliases = Json.array();
        for (AliasRecord a : page.items()) {
            ObjectNode e = aliases.addObject().put("AliasName", a.name()).put("AliasArn", a.arn())
                    .put("TargetKeyId", a.targetKeyArn().substring(a.targetKeyArn().lastIndexOf('/') + 1));
            e.set("CreationDate", Json.timestamp(a.creationDate()));
            e.set("LastUpdatedDate", Json.timestamp(a.lastUpdatedDate()));
        }
        ObjectNode out = Json.object().set("Aliases", aliases);
        Paging.finish(out, page.truncated(), page.last() == null ? "" : page.last().name());
        return out;
    }
}
