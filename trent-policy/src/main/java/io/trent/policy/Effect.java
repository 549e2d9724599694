package io.trent.policy;

public enum Effect { ALLOW, DENY }
