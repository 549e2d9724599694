package io.trent.kms;

/** One request being served: the operation name, its parameters, who called, and where short names point. */
record Call(String operation, Params params, Invocation invocation, Scope scope) {}
