package io.trent.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ParseResult#orThrow()}; carries every diagnostic. */
public final class PolicyException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public PolicyException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("; ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
