package io.trent.analyzer.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.analyzer.symbolic.SemanticLint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The semantic checks of lint-catalog.md (29 PUBLIC_KEY_ACCESS, 30 ACCOUNT_WIDE_SENSITIVE_ACCESS, 35
 * KEY_POLICY_LOCKOUT_RISK, 36 UNSATISFIABLE_CONDITION, 37 SHADOWED_ALLOW_STATEMENT, 38 REDUNDANT_STATEMENT), decided
 * exactly by the symbolic analyzer. Where a statement lies outside the exact fragment nothing is reported.
 */
public final class SemanticChecks {
    private SemanticChecks() {}

    /**
     * Findings of checks 29, 30, 35, 36, 37, 38 for the given statements (indexes of statements to leave out per the
     * catalog: those that tripped INVALID_PRINCIPAL, UNKNOWN_CONDITION_KEY, ...).
     */
    public static List<Finding> run(JsonNode policy, Set<Integer> excludedStatements) {
        boolean single = policy != null && policy.path("Statement").isObject();
        List<Finding> out = new ArrayList<>();
        for (SemanticLint.Hit h : SemanticLint.run(policy, excludedStatements)) {
            LintCode code = LintCode.valueOf(h.code());
            String path = h.statement() < 0 ? JsonPaths.ROOT
                    : single ? JsonPaths.member(JsonPaths.ROOT, "Statement")
                    : JsonPaths.element(JsonPaths.member(JsonPaths.ROOT, "Statement"), h.statement());
            if (code == LintCode.UNSATISFIABLE_CONDITION) path = JsonPaths.member(path, "Condition");
            out.add(new Finding(code.name(), code.severity(), path, h.message()));
        }
        return out;
    }
}
