package io.trent.policy.catalog;

import io.trent.policy.PolicyValues;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Named sets of {@link KmsAction}s and expansion of action patterns against the catalog. */
public final class KmsActions {
    /** Every catalog action. */
    public static final Set<KmsAction> ALL = frozen(EnumSet.allOf(KmsAction.class));
    /** Actions authorized by the key policy. */
    public static final Set<KmsAction> KEY_RESOURCE = where(KmsAction::keyResource);
    /** Actions never authorized by a key policy. */
    public static final Set<KmsAction> IAM_ONLY = where(KmsAction::iamOnly);
    /** EC_OPS: actions whose request takes an encryption context. */
    public static final Set<KmsAction> EC_OPS = where(KmsAction::takesEncryptionContext);
    /** SENSITIVE: decryption, grant management and key administration. */
    public static final Set<KmsAction> SENSITIVE = where(KmsAction::sensitive);

    private KmsActions() {}

    /**
     * The catalog actions an Action/NotAction pattern matches: the whole {@code service:name} string is compared
     * case-insensitively, {@code *} matching any sequence and {@code ?} one character. {@code "*"} gives every
     * action; patterns of other services and unknown KMS names give the empty set.
     */
    public static Set<KmsAction> expand(String pattern) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (!hasWildcard(p)) return KmsAction.of(p).filter(a -> p.startsWith("kms:"))
                .map(a -> frozen(EnumSet.of(a))).orElse(Set.of());
        Predicate<String> matches = PolicyValues.actionPattern(pattern);
        EnumSet<KmsAction> out = EnumSet.noneOf(KmsAction.class);
        for (KmsAction a : KmsAction.values()) {
            if (matches.test(a.iamName())) out.add(a);
        }
        return frozen(out);
    }

    /** True when the pattern contains {@code *} or {@code ?}. */
    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /**
     * The service prefix of an action pattern in lower case ({@code "kms"} for {@code "KMS:Decrypt"}), or the empty
     * string when the pattern has no colon.
     */
    public static String service(String pattern) {
        int colon = pattern.indexOf(':');
        return colon < 0 ? "" : pattern.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static Set<KmsAction> where(Predicate<KmsAction> p) {
        EnumSet<KmsAction> s = EnumSet.noneOf(KmsAction.class);
        for (KmsAction a : KmsAction.values()) if (p.test(a)) s.add(a);
        return frozen(s);
    }

    private static Set<KmsAction> frozen(EnumSet<KmsAction> s) {
        return Collections.unmodifiableSet(s);
    }
}
