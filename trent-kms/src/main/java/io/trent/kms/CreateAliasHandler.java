package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** CreateAlias: authorized on the alias (IAM) and the key (key policy); at most 50 aliases per key. */
final class CreateAliasHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String name = Aliases.readName(p);
        String targetKeyId = p.keyId("TargetKeyId", true);
        p.validate();
        Aliases.checkNewName(name);
        Aliases.checkTarget(call, targetKeyId);
        LoadedKey key = kms.authorizedKey(call, targetKeyId);
        String aliasArn = call.scope().aliasArn(name);
        kms.updateKey(key.arn(), (w, k) -> {
            Kms.requireNotPendingDeletion(k);
            if (w.alias(aliasArn) != null)
                throw new KmsException.AlreadyExists("An alias with the name " + aliasArn + " already exists");
            Aliases.checkRoom(w, k);
            var now = kms.now();
            w.insertAlias(new AliasRecord(aliasArn, name, k.account(), k.region(), k.arn(), now, now));
            return null;
        });
        kms.invalidateAlias(aliasArn);
        return Json.object();
    }
}
