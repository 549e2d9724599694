package io.trent.policy;

public enum SetQualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }
