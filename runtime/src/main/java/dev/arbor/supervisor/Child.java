package dev.arbor.supervisor;

import dev.arbor.Pid;
import java.util.Optional;

/**
 * A supervisor's record of one child: its spec and its current process. Mutable, owned by the
 * supervisor's process alone. Identity matters: a restart keeps the record (and so its place in the
 * start order) and changes only its pid.
 */
final class Child {
  final ChildSpec spec;
  /** The running process, or null. */
  Pid pid;
  /** A restart failed and a retry is queued (OTP's {@code {restarting, Pid}}). */
  boolean restarting;
  /**
   * The pid the child had before a restart that failed (on it or on an earlier sibling), so that the
   * retry's {@link SupervisorEvent.ChildRestarted} still names it.
   */
  Pid pidBeforeRestart;
  /** How many times the supervisor restarted this child, and when last (epoch millis, 0 if never); for observers. */
  int restarts;
  long lastRestartMillis;

  Child(ChildSpec spec) {
    this.spec = spec;
  }

  String id() {
    return spec.id();
  }

  boolean isTemporary() {
    return spec.restart() == ChildSpec.Restart.TEMPORARY;
  }

  void restarted() {
    restarts++;
    lastRestartMillis = System.currentTimeMillis();
  }

  ChildInfo info() {
    return new ChildInfo(spec.id(), Optional.ofNullable(pid), restarting, spec.type(), spec.restart(),
        spec.significant());
  }

  @Override
  public String toString() {
    return "child \"" + spec.id() + "\"" + (pid != null ? " " + pid : "");
  }
}
