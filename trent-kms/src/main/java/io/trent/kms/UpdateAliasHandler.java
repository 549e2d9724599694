package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * UpdateAlias: authorized on the alias, the current key and the new key. The new key must not be pending deletion
 * and must be of the same type and key usage as the current one.
 */
final class UpdateAliasHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String name = Aliases.readName(p);
        String targetKeyId = p.keyId("TargetKeyId", true);
        p.validate();
        Aliases.checkPrefix(name);
        String aliasArn = call.scope().aliasArn(name);
        Aliases.checkTarget(call, targetKeyId);
        LoadedKey target = kms.resolve(targetKeyId, call.scope());
        AliasRecord alias = kms.store.read(r -> Aliases.existing(r, aliasArn));
        LoadedKey current = kms.loaded(alias.targetKeyArn());
        if (current == null) throw KeyIds.aliasNotFound(aliasArn);
        kms.authorize(call, current, target);
        try {
            kms.updateKey(target.arn(), (w, k) -> {
                Kms.requireNotPendingDeletion(k);
                AliasRecord stored = Aliases.existing(w, aliasArn);
                if (stored.targetKeyArn().equals(k.arn())) return null;
                KeyRecord from = w.key(stored.targetKeyArn());
                if (from != null && (!Aliases.type(from).equals(Aliases.type(k)) || from.keyUsage() != k.keyUsage()))
                    throw new KmsException.Validation("The alias points at a " + Aliases.type(from) + " key with key usage "
                            + from.keyUsage() + "; the new key must be of the same type and usage, but "
                            + k.arn() + " is a " + Aliases.type(k) + " key with key usage " + k.keyUsage());
                Aliases.checkRoom(w, k);
                w.updateAlias(stored.retarget(k.arn(), kms.now()));
                return null;
            });
        } finally {
            kms.invalidateAlias(aliasArn);
            kms.invalidateKey(alias.targetKeyArn());
        }
        return Json.object();
    }
}
