package io.trent.policy.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One entry of the condition-key catalog.
 *
 * @param name              canonical spelling; for a prefix key the prefix, e.g. {@code kms:EncryptionContext:}
 * @param prefix            true when the name is a prefix that needs a non-empty suffix ({@code aws:PrincipalTag/Team})
 * @param type              the documented value type
 * @param operatorTypes     the operator families that fit the key: {@code type} plus documented alternatives
 *                          (aws:EpochTime and kms:ValidTo also take Numeric operators)
 * @param multiValued       true when a request may carry several values (set operators apply)
 * @param applicableActions the actions whose request context can contain the key
 * @param absentable        true when the key can be missing from the context of an applicable action
 */
public record ConditionKey(String name, boolean prefix, KeyType type, Set<KeyType> operatorTypes,
                           boolean multiValued, Set<KmsAction> applicableActions, boolean absentable) {
    public ConditionKey {
        EnumSet<KeyType> types = EnumSet.of(type);
        types.addAll(operatorTypes);
        operatorTypes = Collections.unmodifiableSet(types);
        applicableActions = Collections.unmodifiableSet(applicableActions.isEmpty()
                ? EnumSet.noneOf(KmsAction.class) : EnumSet.copyOf(applicableActions));
    }

    /** A global key ({@code aws:} or a cross-service key), as opposed to a {@code kms:} key. */
    public boolean global() {
        return !name.regionMatches(true, 0, "kms:", 0, 4);
    }

    /** {@code kms:EncryptionContext:*} or {@code kms:EncryptionContextKeys}. */
    public boolean encryptionContext() {
        return name.equalsIgnoreCase(ConditionKeys.ENCRYPTION_CONTEXT_PREFIX)
                || name.equalsIgnoreCase(ConditionKeys.ENCRYPTION_CONTEXT_KEYS);
    }

    /**
     * A {@code kms:} key that only some key-resource actions carry (grant, algorithm, import, encryption-context
     * keys ...), as opposed to keys every key-resource request has (kms:CallerAccount, kms:ViaService, ...).
     */
    public boolean operationSpecific() {
        return !global() && !applicableActions.containsAll(KmsActions.KEY_RESOURCE);
    }

    /** True when the key can be missing from the request context of {@code action}. */
    public boolean absentFor(KmsAction action) {
        return absentable || !applicableActions.contains(action);
    }
}
