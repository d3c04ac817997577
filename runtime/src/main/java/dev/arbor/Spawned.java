package dev.arbor;

/** What {@link Proc#spawnMonitor(Runnable)} returns: the new process and the monitor on it. */
public record Spawned(Pid pid, Ref ref) {}
