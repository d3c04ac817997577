package dev.arbor;

import dev.arbor.internal.Process;

/**
 * A handle to a process: value-based (two pids are equal when they name the same process), cheap to
 * hold, and valid forever: sending to the pid of a dead process is allowed and does nothing, as in
 * Erlang.
 */
public final class Pid {
  static {
    dev.arbor.internal.Secrets.install(new Internals());
  }

  private final long id;
  private final Process process;

  Pid(long id, Process process) {
    this.id = id;
    this.process = process;
  }

  /** The number Arbor gave this process; unique for the life of the JVM. */
  public long id() {
    return id;
  }

  /** Sends {@code message} to this process; never blocks, never fails for a dead process. */
  public void send(Object message) {
    Proc.send(this, message);
  }

  /** Whether the process is alive: it has not exited, and no fatal exit signal has reached it. */
  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  Process process() {
    return process;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pid other && other.id == id;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  /** Erlang-like: {@code <0.42.0>}. */
  @Override
  public String toString() {
    return "<0." + id + ".0>";
  }
}
