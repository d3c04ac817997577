package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import java.time.Duration;
import java.util.Objects;

/**
 * What a handler can ask of the server loop it runs in. Each such method must be called from a
 * handler of a {@code @GenServer}, in the server's own process; elsewhere it throws {@link
 * IllegalStateException}. {@link #getState} and {@link #getStatus} are for debugging, from anywhere.
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

  // ------------------------------------------------------------------ introspection, from anywhere

  /** How long {@link #getState} and {@link #getStatus} wait for the server's loop to answer. */
  private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * For debugging (OTP's {@code sys:get_state}): the state object of the GenServer running as {@code
   * server} (a client's {@code pid()}), handed over by its loop between two messages. The object is
   * live: reading it while the server runs is a race, so look, don't touch. Callable from any thread.
   *
   * @throws dev.arbor.ExitException with {@code noproc} if the server is not alive
   * @throws IllegalArgumentException if {@code server} is not a GenServer
   * @throws CallTimeoutException if the loop does not answer within 5 seconds
   */
  public static Object getState(Pid server) {
    Objects.requireNonNull(server, "server");
    return ServerRef.inspect(server, false, INSPECT_TIMEOUT);
  }

  /**
   * The state as the server chooses to show it (OTP's {@code sys:get_status}): what its {@link
   * FormatStatus} returns, computed in the server's process; else, for a {@code @GenServer} class,
   * a description of its fields with {@link dev.arbor.annotation.Redacted @Redacted} ones hidden
   * ({@code Account[balance=120, apiKey=<redacted>]}, see {@link StateFields}). Crash reports show
   * the same.
   *
   * @throws dev.arbor.ExitException with {@code noproc} if the server is not alive
   * @throws IllegalArgumentException if {@code server} is not a GenServer
   * @throws CallTimeoutException if the loop does not answer within 5 seconds
   */
  public static Object getStatus(Pid server) {
    Objects.requireNonNull(server, "server");
    return ServerRef.inspect(server, true, INSPECT_TIMEOUT);
  }
}
