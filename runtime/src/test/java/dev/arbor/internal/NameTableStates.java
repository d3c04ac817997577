package dev.arbor.internal;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import java.util.Map;

/**
 * Puts the local name table in a state that only a preempted thread leaves it in for long, so that
 * tests can check what everyone else sees meanwhile.
 */
public final class NameTableStates {
  private NameTableStates() {}

  /** The late removal that a real exit (or a killed registrant) does. */
  public interface LateRelease {
    void release();
  }

  /**
   * Maps {@code name} to a process that has exited, as the table does between a holder's death and
   * the removal of its entry: the thread doing that removal (the killer's, in its exit cascade, or
   * the registrant's own, if it was killed between claiming the name and recording it) may be
   * preempted right there. Returns that late removal.
   */
  public static LateRelease holdByExitedProcess(String name) {
    Process dead = Process.create(false, null);
    dead.exit(ExitReason.kill());
    if (names().putIfAbsent(name, dead) != null) {
      throw new IllegalStateException("the name \"" + name + "\" is taken");
    }
    return () -> ProcessTable.releaseName(name, dead);
  }

  /** The pid the table maps {@code name} to, alive or not; null if none. */
  public static Pid mappedPid(String name) {
    Process p = names().get(name);
    return p == null ? null : p.pid();
  }

  private static Map<String, Process> names() {
    return ProcessTable.NAMES;
  }
}
