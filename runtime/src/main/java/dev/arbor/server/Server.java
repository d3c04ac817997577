package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.Pid;

/** What a handler can ask of the server loop it runs in. Each method must be called from a handler. */
public final class Server {
  private Server() {}

  /** Inside a {@code @Call} handler: the calling process (OTP's {@code From}). */
  public static Pid caller() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Runs the {@code @Continue} handler for {@code value} right after the current handler (after
   * {@code start} has returned, when called from {@code @Init}), before any other message.
   */
  public static void continueWith(Object value) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Stops the server with {@code reason} once the current handler returns; runs {@code @Terminate}. */
  public static void stopSelf(ExitReason reason) {
    throw new UnsupportedOperationException("TODO");
  }

  /** From {@code @Init}: start nothing (OTP's {@code :ignore}). */
  public static void ignore() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Releases the server's thread once the current handler returns; the next message resumes it. */
  public static void hibernate() {
    throw new UnsupportedOperationException("TODO");
  }
}
