package io.trent.policy;

import java.util.ArrayList;
import java.util.List;

/** Action/NotAction (section 3.1): case-insensitive globs over the whole "service:Name" string. */
final class ActionMatcher {
    private final boolean not, any, empty;
    private final Glob[] patterns;

    ActionMatcher(List<String> patterns, boolean not) {
        this.not = not;
        this.empty = patterns.isEmpty();
        boolean any = false;
        List<Glob> globs = new ArrayList<>();
        for (String p : patterns) {
            if (p.equals("*")) any = true;
            else globs.add(Glob.of(p, true));
        }
        this.any = any;
        this.patterns = globs.toArray(Glob[]::new);
    }

    /** A statement with no action patterns (imported, pre-2025 policies) matches nothing, with Action or NotAction. */
    boolean matches(String action) {
        if (action == null || empty) return false;
        return listed(action) != not;
    }

    private boolean listed(String action) {
        if (any) return true;
        for (Glob g : patterns) if (g.matches(action)) return true;
        return false;
    }
}
