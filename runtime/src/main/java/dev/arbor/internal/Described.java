package dev.arbor.internal;

import dev.arbor.ProcessInfo;

/**
 * What a runtime-owned process keeps in {@link Process#attachment} to say what it is, for {@code
 * Proc.info} and the tools built on it (the observer, metrics, the testkit's leak check).
 */
public interface Described {
  /** What kind of process this is. */
  ProcessInfo.Kind kind();

  /** The {@code @GenServer} class's binary name, or null for a process that runs no server loop. */
  default String serverClass() {
    return null;
  }

  /** The handler running now, for {@code Proc.info}; null between messages or for no server loop. */
  default String currentHandler() {
    return null;
  }

  /** A task's marker: a task runs a function, not a loop. */
  Described TASK = () -> ProcessInfo.Kind.TASK;
}
