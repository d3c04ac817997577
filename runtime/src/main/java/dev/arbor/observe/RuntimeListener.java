package dev.arbor.observe;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import java.time.Duration;

/**
 * Receives the runtime's events in-process, for metrics binders and live tools (the JFR events
 * come from the same hooks). Register one with {@link ArborEvents#addListener}; with none
 * registered each hook costs one volatile read.
 *
 * <p>Methods run on the thread where the event happens (the process that spawned, exited or
 * handled the call), so they must be quick, must not block and must not throw: an exception is
 * dropped. Every method has an empty default so a listener overrides only what it needs.
 */
public interface RuntimeListener {
  /**
   * A process was created. {@code registeredName} is the name it was spawned under, or null;
   * {@code spawnedBy} is the {@link Pid#id()} of the process that spawned it, or 0 (see {@link
   * Lineage#spawnedBy}).
   */
  default void spawned(Pid pid, String registeredName, long spawnedBy) {}

  /** A process exited with {@code reason}. */
  default void exited(Pid pid, ExitReason reason) {}

  /**
   * A process crashed and its crash report is being written: {@code serverClass} is the GenServer's
   * class ({@link dev.arbor.ProcessInfo#serverClass()}) or null for a plain process. A server's crash is
   * reported before its {@link #exited}, while its class is still known; a plain process's after it.
   * A server whose {@code @Terminate} also throws is reported twice, as OTP writes two reports.
   */
  default void crashed(Pid pid, String serverClass, ExitReason reason) {}

  /** Supervisor {@code supervisor} restarted child {@code childId}; either pid may be null. */
  default void restarted(String supervisor, String childId, Pid oldPid, Pid newPid) {}

  /**
   * Supervisor {@code supervisor} gave up: restarting {@code childId} would have exceeded {@code
   * maxRestarts} in {@code period}, so it stops its children and exits with {@code shutdown}. Runs in
   * the supervisor's process before it exits.
   */
  default void supervisorGaveUp(Pid supervisor, String childId, int maxRestarts, Duration period) {}

  /**
   * A {@code @Call} handler of {@code serverClass} finished with {@code outcome} ({@code reply},
   * {@code deferred}, {@code error} for a declared exception, or {@code crash}) after
   * {@code nanos} nanoseconds in the handler.
   */
  default void callFinished(Pid server, String serverClass, String handler, String outcome, long nanos) {}

  /**
   * Whether this listener wants {@link #callFinished}: read once, when it is registered. Timing a
   * call costs every call two clock reads, so a listener that only counts exits or restarts returns
   * false, and while only such listeners are registered a call does no timing at all.
   */
  default boolean timesCalls() {
    return true;
  }
}
