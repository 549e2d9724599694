package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** DeleteAlias: authorized on the alias and the key it points at; any key state. */
final class DeleteAliasHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        String name = Aliases.readName(call.params());
        call.params().validate();
        Aliases.checkPrefix(name);
        String aliasArn = call.scope().aliasArn(name);
        AliasRecord alias = kms.store.read(r -> Aliases.existing(r, aliasArn));
        LoadedKey key = kms.loaded(alias.targetKeyArn());
        if (key == null) throw KeyIds.aliasNotFound(aliasArn);
        kms.authorize(call, key, null);
        try {
            kms.write(w -> {
                Aliases.existing(w, aliasArn);
                w.deleteAlias(aliasArn);
                return null;
            });
        } finally {
            kms.invalidateAlias(aliasArn);
            kms.invalidateKey(alias.targetKeyArn());
        }
        return Json.object();
    }
}
