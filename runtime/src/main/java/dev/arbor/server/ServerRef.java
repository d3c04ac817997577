package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The engine behind every generated client: starts a server, and sends it calls and casts. A
 * generated client wraps one of these and adds the typed methods.
 *
 * @param <M> the server's generated message type
 */
public final class ServerRef<M> {
  private ServerRef() {}

  /** Starts a server, unlinked, and returns once its {@code @Init} has run (GenServer.start). */
  public static <S, M> ServerRef<M> start(ServerType<S, M> type, StartOptions options, ServerFactory<S> factory) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Starts a server linked to the caller (GenServer.start_link). */
  public static <S, M> ServerRef<M> startLink(ServerType<S, M> type, StartOptions options, ServerFactory<S> factory) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * A child spec that starts the server with {@link #startLink}; its id is the registered name if
   * {@code options} has one, else the client's simple name.
   */
  public static <S, M> ChildSpec childSpec(ServerType<S, M> type, StartOptions options, ServerFactory<S> factory) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A reference to the server running as {@code pid}. */
  public static <M> ServerRef<M> of(ServerType<?, M> type, Pid pid) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A reference to whatever server is registered under {@code name} at each call. */
  public static <M> ServerRef<M> of(ServerType<?, M> type, Name name) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Calls the server and waits for the reply; {@code handler} names the handler in errors. */
  public <R> R call(String handler, M request) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Calls the server without blocking; the future completes on an Arbor executor. */
  public <R> CompletableFuture<R> callAsync(String handler, M request) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Sends a cast; never blocks, never fails. */
  public void cast(M request) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The server's pid (for a name: the pid registered now). */
  public Pid pid() {
    throw new UnsupportedOperationException("TODO");
  }

  /** The same server, with another call timeout. */
  public ServerRef<M> withTimeout(Duration timeout) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Stops the server with {@code normal}, waiting as long as it takes for {@code @Terminate}. */
  public void stop() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Stops the server with {@code reason}, waiting up to {@code timeout}. */
  public void stop(ExitReason reason, Duration timeout) {
    throw new UnsupportedOperationException("TODO");
  }
}
