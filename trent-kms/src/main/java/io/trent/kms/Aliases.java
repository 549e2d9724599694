package io.trent.kms;

/** Rules shared by the alias operations. */
final class Aliases {
    private Aliases() {}

    /** A validated AliasName member must start with {@code alias/}: ValidationException in AWS's words if not. */
    static void checkPrefix(String name) {
        if (!name.startsWith(KeyIds.ALIAS_PREFIX))
            throw new KmsException.Validation("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
    }

    /**
     * The name of a new alias: the prefix, then a name (InvalidAliasNameException, which only CreateAlias has;
     * for the other alias operations such a name simply names no alias).
     */
    static void checkNewName(String name) {
        checkPrefix(name);
        if (name.length() == KeyIds.ALIAS_PREFIX.length())
            throw new KmsException.InvalidAliasName("Alias name must begin with alias/ followed by a name: " + name);
    }

    static String readName(Params params) {
        return params.string("AliasName", 1, 256, Params.ALIAS_NAME, true);
    }

    /** A validated TargetKeyId must name a key by key id or key ARN: aliases cannot point at aliases. */
    static void checkTarget(Call call, String target) {
        if (KeyIds.parse(target, call.scope()).alias())
            throw new KmsException.Validation("TargetKeyId must identify a KMS key by key id or key ARN, not an alias: "
                    + target);
    }

    static void checkRoom(KmsStore.Reader r, KeyRecord key) {
        if (r.aliasesOf(key.arn()).size() >= Kms.MAX_ALIASES_PER_KEY)
            throw new KmsException.LimitExceeded("The KMS key " + key.arn() + " already has "
                    + Kms.MAX_ALIASES_PER_KEY + " aliases, the maximum");
    }

    /** The current stored alias; NotFoundException when it does not exist. */
    static AliasRecord existing(KmsStore.Reader r, String aliasArn) {
        AliasRecord a = r.alias(aliasArn);
        if (a == null) throw KeyIds.aliasNotFound(aliasArn);
        return a;
    }

    /** The family for UpdateAlias' "same type" rule: symmetric encryption, HMAC, or asymmetric. */
    static String type(KeyRecord k) {
        return switch (k.keySpec().family()) {
            case SYMMETRIC -> "symmetric encryption";
            case HMAC -> "HMAC";
            default -> "asymmetric";
        };
    }
}
