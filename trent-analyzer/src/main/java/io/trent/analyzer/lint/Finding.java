package io.trent.analyzer.lint;

/**
 * One lint finding.
 *
 * @param code     a check code of the lint catalog, e.g. ENCRYPTION_CONTEXT_ON_UNSUPPORTED_ACTION
 * @param path     JSON path of the statement or element, e.g. $.Statement[1].Condition
 * @param message  what is wrong and how to fix it
 */
public record Finding(String code, Severity severity, String path, String message) {}
