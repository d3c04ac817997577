package dev.arbor;

/**
 * The message a monitor delivers when the monitored process exits (Erlang's {@code {'DOWN', Ref,
 * process, Pid, Reason}}). It arrives after every message the dead process sent to the watcher.
 *
 * <p>{@code pid} is null only for a monitor of a registered name ({@link Proc#monitor(Name)}) that
 * names no process or a process on another node: Erlang reports {@code {Name, Node}} there, since the
 * peer's {@code Down} carries the name, not the pid. {@code reason} is {@code noconnection} when the
 * connection to the monitored process's node was lost.
 */
public record Down(Ref ref, Pid pid, ExitReason reason) {}
