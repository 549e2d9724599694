package io.trent.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which statements of a policy can apply to a caller and an action, as bit sets over statement positions, so that a
 * request only runs the matchers of statements that name its caller (or any caller) and list its action. Every set is
 * a superset of the statements that match: the statement's own matcher still decides.
 */
final class StatementIndex {
    /** Distinct actions remembered per policy; requests for further actions compute their set each time. */
    private static final int MAX_CACHED_ACTIONS = 256;

    private final StatementMatcher[] matchers;
    private final int words;
    private final long[] anyCaller, services;
    private final Map<String, long[]> byName, byAccount;
    private final ConcurrentHashMap<String, long[]> byAction = new ConcurrentHashMap<>();

    private StatementIndex(StatementMatcher[] matchers, Builder b) {
        this.matchers = matchers;
        this.words = b.words;
        this.anyCaller = b.anyCaller;
        this.services = b.services;
        this.byName = b.byName;
        this.byAccount = b.byAccount;
    }

    static StatementIndex of(StatementMatcher[] matchers) {
        Builder b = new Builder(matchers.length);
        for (int i = 0; i < matchers.length; i++) matchers[i].principal().index(b, i);
        return new StatementIndex(matchers, b);
    }

    /** Calls {@code out} for each statement that applies, in document order. */
    void forEachMatch(EvalRequest request, CompiledPolicy.Matches out) {
        if (request == null) return;
        long[] action = actionSet(request.action());
        if (action == null) return;
        Caller caller = request.caller();
        long[] name = null, account = null, service = null;
        if (caller instanceof Caller.Iam iam) {
            name = iam.name() == null ? null : byName.get(iam.name());
            account = iam.account() == null ? null : byAccount.get(iam.account());
        } else if (caller instanceof Caller.Service) {
            service = services;
        }
        for (int w = 0; w < words; w++) {
            long callerBits = anyCaller[w];
            if (name != null) callerBits |= name[w];
            if (account != null) callerBits |= account[w];
            if (service != null) callerBits |= service[w];
            for (long bits = callerBits & action[w]; bits != 0; bits &= bits - 1) {
                StatementMatcher m = matchers[(w << 6) + Long.numberOfTrailingZeros(bits)];
                PrincipalMatch match = m.matchListed(request);
                if (match != PrincipalMatch.NONE) out.matched(m, match);
            }
        }
    }

    /** The statements whose Action/NotAction lists {@code action}; null when none does. */
    private long[] actionSet(String action) {
        if (action == null) return null;
        long[] set = byAction.get(action);
        if (set != null) return set.length == 0 ? null : set;
        set = new long[words];
        boolean any = false;
        for (int i = 0; i < matchers.length; i++) {
            if (matchers[i].action().matches(action)) {
                set[i >> 6] |= 1L << i;
                any = true;
            }
        }
        if (!any) set = new long[0];
        if (byAction.size() < MAX_CACHED_ACTIONS) byAction.putIfAbsent(action, set);
        return any ? set : null;
    }

    static final class Builder {
        private final int words;
        private final long[] anyCaller, services;
        private final Map<String, long[]> byName = new HashMap<>(), byAccount = new HashMap<>();

        private Builder(int statements) {
            this.words = (statements + 63) >> 6;
            this.anyCaller = new long[words];
            this.services = new long[words];
        }

        void anyCaller(int statement) {
            set(anyCaller, statement);
        }

        void service(int statement) {
            set(services, statement);
        }

        void name(String name, int statement) {
            set(byName.computeIfAbsent(name, n -> new long[words]), statement);
        }

        void account(String accountId, int statement) {
            set(byAccount.computeIfAbsent(accountId, a -> new long[words]), statement);
        }

        private static void set(long[] bits, int statement) {
            bits[statement >> 6] |= 1L << statement;
        }
    }
}
