package io.trent.analyzer.lint;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;

/** IAM globs ({@code *} any sequence, {@code ?} one character) as automata, to decide what a pattern can match. */
final class GlobAutomata {
    private GlobAutomata() {}

    /** True when the glob matches at least one string of {@code language}. {@code language} is not modified. */
    static boolean acceptsSome(String glob, Automaton language) {
        Automaton a = BasicAutomata.makeEmptyString();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            a = a.concatenate(switch (c) {
                case '*' -> BasicAutomata.makeAnyString();
                case '?' -> BasicAutomata.makeAnyChar();
                default -> BasicAutomata.makeChar(c);
            });
        }
        // brics operations may restructure their operands in place: never hand out a shared automaton.
        return !a.intersection(language.clone()).isEmpty();
    }
}
