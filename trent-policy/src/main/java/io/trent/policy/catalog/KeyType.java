package io.trent.policy.catalog;

/** Value type of a condition key, as in the IAM and KMS condition-key references. */
public enum KeyType { STRING, ARN, NUMERIC, DATE, BOOL, IP }
