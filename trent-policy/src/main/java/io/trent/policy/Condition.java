package io.trent.policy;

import java.util.List;

/**
 * One (operator, key) pair of a Condition block with its values.
 *
 * @param operatorText the operator exactly as written, e.g. "ForAnyValue:StringLikeIfExists"
 * @param key          the condition key as written (matching is case-insensitive)
 * @param values       the values, numbers and booleans already in canonical string form
 * @param path         JSON path of the key, e.g. $.Statement[0].Condition.StringEquals.kms:CallerAccount
 */
public record Condition(String operatorText, ConditionOperator operator, SetQualifier qualifier, boolean ifExists,
                        String key, List<String> values, String path) {
    public Condition {
        values = List.copyOf(values);
    }
}
