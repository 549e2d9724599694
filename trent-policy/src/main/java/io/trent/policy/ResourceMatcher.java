package io.trent.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Resource/NotResource (section 3.2): "*" matches every resource, other patterns match component-wise as ARNs.
 * Policy variables (2012-10-17) are resolved per request; a pattern with an unresolved variable matches nothing.
 */
final class ResourceMatcher {
    private final boolean not, any, empty;
    private final ArnPattern[] patterns;

    ResourceMatcher(List<String> resources, boolean not, boolean variables) {
        this.not = not;
        this.empty = resources.isEmpty();
        boolean any = false;
        List<ArnPattern> patterns = new ArrayList<>();
        for (String r : resources) {
            if (r.equals("*")) {
                any = true;
                continue;
            }
            try {
                patterns.add(ArnPattern.of(Template.parse(r, variables)));
            } catch (IllegalArgumentException malformedVariable) {
                // only reachable for hand-built statements: the pattern matches nothing
            }
        }
        this.any = any;
        this.patterns = patterns.toArray(ArnPattern[]::new);
    }

    /** A statement with no resource patterns (imported, pre-2025 policies) matches nothing. */
    boolean matches(String resource, RequestContext ctx) {
        if (resource == null || empty) return false;
        return listed(resource, ctx) != not;
    }

    private boolean listed(String resource, RequestContext ctx) {
        if (any) return true;
        for (ArnPattern p : patterns) if (p.matches(resource, ctx)) return true;
        return false;
    }
}
