package io.trent.analyzer.symbolic;

/**
 * The request space would be too large to build (many overlapping wildcard patterns on one key, or very many named
 * principals): the analysis answers UNKNOWN instead of running out of time or memory.
 */
final class TooComplexException extends RuntimeException {
    TooComplexException(String message) {
        super(message);
    }
}
