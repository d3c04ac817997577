package dev.arbor.supervisor;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import java.time.Duration;

/**
 * What a supervisor tells its subscribers ({@link Supervisor#subscribe(Pid)}), as plain messages in
 * their mailboxes, so that a test or a dashboard learns of a restart without polling. Each event
 * goes out after the supervisor has done what it names: a {@link ChildRestarted} arrives once the
 * new process has started (and registered its name).
 */
public sealed interface SupervisorEvent {

  /** The supervisor that sent the event. */
  Pid supervisor();

  /** A child started through an admin call ({@code startChild}, {@code restartChild}). */
  record ChildStarted(Pid supervisor, String id, Pid pid) implements SupervisorEvent {}

  /** A child exited on its own (not stopped by the supervisor); a decision follows. */
  record ChildExited(Pid supervisor, String id, Pid pid, ExitReason reason) implements SupervisorEvent {}

  /**
   * The supervisor restarted a child, because it exited or because a sibling's exit took it down.
   *
   * @param oldPid the process it replaces, or null when there was none (the child was not running)
   * @param newPid the new process, or null when the child's start returned "ignore"
   */
  record ChildRestarted(Pid supervisor, String id, Pid oldPid, Pid newPid) implements SupervisorEvent {}

  /** Starting a child failed; during a restart, the supervisor tries again (each try counts as a restart). */
  record ChildStartFailed(Pid supervisor, String id, Throwable cause) implements SupervisorEvent {}

  /** The supervisor stopped a child; {@code reason} is how it actually exited ({@code killed} after a timeout). */
  record ChildTerminated(Pid supervisor, String id, Pid pid, ExitReason reason) implements SupervisorEvent {}

  /** More restarts than allowed happened within the period; the supervisor is shutting down. */
  record IntensityExceeded(Pid supervisor, String id, int maxRestarts, Duration period) implements SupervisorEvent {}

  /** A significant child exited and the auto-shutdown rule says the supervisor must stop. */
  record AutoShutdownTriggered(Pid supervisor, String id) implements SupervisorEvent {}

  /** The supervisor is stopping all its children (in reverse start order) and will then exit with {@code reason}. */
  record ShuttingDown(Pid supervisor, ExitReason reason) implements SupervisorEvent {}
}
