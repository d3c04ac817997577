package dev.arbor;

/**
 * The message a monitor delivers when the monitored process exits (Erlang's {@code {'DOWN', Ref,
 * process, Pid, Reason}}). It arrives after every message the dead process sent to the watcher.
 */
public record Down(Ref ref, Pid pid, ExitReason reason) {}
