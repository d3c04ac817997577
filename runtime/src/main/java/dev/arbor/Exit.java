package dev.arbor;

/**
 * An exit signal turned into a message, delivered to a process that traps exits (Erlang's {@code
 * {'EXIT', From, Reason}}).
 */
public record Exit(Pid from, ExitReason reason) {}
