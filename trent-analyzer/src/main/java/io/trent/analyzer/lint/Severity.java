package io.trent.analyzer.lint;

public enum Severity { ERROR, SECURITY, WARNING, SUGGESTION }
