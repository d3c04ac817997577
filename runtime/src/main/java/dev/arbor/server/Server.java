package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.Pid;

/**
 * What a handler can ask of the server loop it runs in. Each method must be called from a handler
 * of a {@code @GenServer}, in the server's own process; elsewhere it throws {@link
 * IllegalStateException}.
 */
public final class Server {
  private Server() {}

  /** Inside a {@code @Call} handler: the calling process (OTP's {@code From}). */
  public static Pid caller() {
    return ServerLoop.current("Server.caller()").caller();
  }

  /**
   * Runs the {@code @Continue} handler for {@code value} right after the current handler (after
   * {@code start} has returned, when called from {@code @Init}), before any other message.
   */
  public static void continueWith(Object value) {
    ServerLoop.current("Server.continueWith").continueWith(value);
  }

  /**
   * Stops the server with {@code reason} once the current handler returns (and its reply, if any,
   * has gone out); {@code @Terminate} runs first. From {@code @Init}, makes the start fail.
   */
  public static void stopSelf(ExitReason reason) {
    ServerLoop.current("Server.stopSelf").stopSelf(reason);
  }

  /** From {@code @Init}: start nothing (OTP's {@code :ignore}); {@code start} returns no live process. */
  public static void ignore() {
    ServerLoop.current("Server.ignore").ignore();
  }

  /** Releases the server's thread once the current handler returns; the next message resumes it. */
  public static void hibernate() {
    ServerLoop.current("Server.hibernate").hibernate();
  }
}
