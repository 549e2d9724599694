package io.trent.analyzer.lint;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;

import java.util.regex.Pattern;

/** The kms:ViaService value format of check 24: {@code service.region.amazonaws.com} in lower case. */
final class ViaServiceFormat {
    private static final String REGEX = "[a-z0-9-]+\\.[a-z]{2}(-[a-z]+)+-[0-9]+\\.amazonaws\\.com";
    private static final Pattern NAME = Pattern.compile(REGEX);
    private static final Automaton NAMES = new RegExp(REGEX, RegExp.NONE).toAutomaton();

    private ViaServiceFormat() {}

    /** True when {@code value} is a ViaService name. */
    static boolean isName(String value) {
        return NAME.matcher(value).matches();
    }

    /** True when the StringLike pattern accepts at least one ViaService name. */
    static boolean globAcceptsSomeName(String glob) {
        return GlobAutomata.acceptsSome(glob, NAMES);
    }
}
