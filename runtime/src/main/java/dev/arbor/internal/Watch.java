package dev.arbor.internal;

import dev.arbor.ExitReason;

/**
 * Something that wants to know when a process exits: a monitor, or a call waiting for its reply.
 * Watches sit in the watched process's intrusive list, guarded by that process's lock; whoever
 * unlinks a watch from the list owns its firing, so each fires at most once.
 */
public abstract class Watch {
  Watch prev;
  Watch next;
  Process target;

  /** Whether this watch still sits in its target's list. */
  final boolean isActive() {
    return target != null;
  }

  /** The process that watches, for {@code Proc.info}'s "monitored by"; null for what is not a process's monitor. */
  dev.arbor.Pid watcherPid() {
    return null;
  }

  /** Runs once, outside every lock, after the target exited with {@code reason}. */
  protected abstract void fire(Process target, ExitReason reason);
}
