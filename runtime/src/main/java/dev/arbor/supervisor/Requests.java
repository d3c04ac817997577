package dev.arbor.supervisor;

import dev.arbor.Pid;
import dev.arbor.server.StartException;

/**
 * The messages a supervisor's loop handles, and the refusals it answers with. A refusal travels back
 * as a value and becomes an exception in the caller: thrown inside the loop, it would crash the
 * supervisor.
 */
final class Requests {
  private Requests() {}

  /** What the handles send to a supervisor (static, dynamic or partition: one protocol). */
  sealed interface Request {}

  record WhichChildren() implements Request {}

  record CountChildren() implements Request {}

  record StartChild(ChildSpec spec) implements Request {}

  record TerminateChild(String id) implements Request {}

  record TerminatePid(Pid pid) implements Request {}

  record RestartChild(String id) implements Request {}

  record DeleteChild(String id) implements Request {}

  record Subscribe(Pid pid) implements Request {}

  record Unsubscribe(Pid pid) implements Request {}

  /** Asks for a {@link SupervisorSnapshot}: strategy, limits and children with their restart counts. */
  record Describe() implements Request {}

  /** What the supervisor sends itself to retry a failed restart after the messages already queued (OTP's try_again_restart). */
  record TryAgain(Child child) {}

  /**
   * A request the supervisor refused: a bad argument (an unknown child, an invalid spec) becomes
   * {@link IllegalArgumentException}; a request that does not fit the child's state (running,
   * restarting, already present, no room left) becomes {@link IllegalStateException}.
   */
  record Refused(boolean badArgument, String message) {
    static Refused badArgument(String message) {
      return new Refused(true, message);
    }

    static Refused conflict(String message) {
      return new Refused(false, message);
    }

    RuntimeException toException() {
      return badArgument ? new IllegalArgumentException(message) : new IllegalStateException(message);
    }
  }

  /** A child the supervisor was asked to start did not start. */
  record StartFailed(String message, Throwable cause) {}

  /** Turns a reply into the value the caller gets, or the exception it must see. */
  static Object unwrap(Object reply) {
    if (reply instanceof Refused r) {
      throw r.toException();
    }
    if (reply instanceof StartFailed f) {
      throw new StartException(f.message(), f.cause());
    }
    return reply;
  }
}
