package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.authz.Grant;

/**
 * ListRetirableGrants: the grants in the request's Region (on keys of any account) whose retiring principal is the
 * one given; IAM-only authorization.
 */
final class ListRetirableGrantsHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        Paging.Request request = Paging.read(p, 2, 50, 100);
        String retiring = p.string("RetiringPrincipal", 1, 256, Params.PRINCIPAL_ID, true);
        p.validate();
        Paging paging = request.open();
        kms.authorize(call, null, null);
        Scope scope = call.scope();
        Page<Grant> page = kms.store.read(r -> r.retirableGrants(retiring, scope.partition(), scope.region(),
                paging.after(0), paging.after(1), paging.limit()));
        ArrayNode grants = Json.array();
        for (Grant g : page.items()) grants.add(Grants.render(g, Grants.partitionOf(g.keyArn())));
        ObjectNode out = Json.object().set("Grants", grants);
        Grant last = page.last();
        Paging.finish(out, page.truncated(), last == null ? "" : last.keyArn(), last == null ? "" : last.grantId());
        return out;
    }
}
