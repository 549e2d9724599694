package io.trent.analyzer.symbolic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trent.authz.Decision;
import io.trent.authz.Simulation;
import io.trent.authz.SimulationException;

/** Runs a witness case through the engine's simulator, exactly as {@code trent simulate} would. */
final class Replay {
    private Replay() {}

    /** The engine's decision for a case. */
    static Decision decide(ObjectNode testCase) {
        try {
            return Simulation.parse(testCase).decide();
        } catch (SimulationException e) {
            throw new DisagreementException("the engine cannot read a generated witness: " + e.getMessage(), testCase);
        }
    }

    /** The decision for the same case with another key policy. */
    static Decision decideWith(ObjectNode testCase, com.fasterxml.jackson.databind.JsonNode policy) {
        ObjectNode copy = testCase.deepCopy();
        ((ObjectNode) copy.get("key")).set("policy", policy);
        return decide(copy);
    }
}
