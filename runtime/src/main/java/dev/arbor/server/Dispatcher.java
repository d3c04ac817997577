package dev.arbor.server;

import dev.arbor.ExitReason;

/**
 * The switchboard the processor generates for one {@code @GenServer} class: it maps a message to a
 * handler call and returns. The runtime owns everything else (the loop, call envelopes, timeouts,
 * replies, exit signals, crash reports), as Erlang's {@code gen_server} module does for a callback
 * module.
 *
 * @param <S> the annotated server class
 * @param <M> the generated sealed type with one record per {@code @Call} and {@code @Cast} handler
 */
public interface Dispatcher<S, M> {

  /**
   * Runs the {@code @Call} or {@code @Cast} handler for {@code message}. For a call, returns the
   * reply ({@code null} for a {@code void} handler, and for one that defers its reply through {@link
   * CallContext#deferReply(Class...)}); for a cast, {@code call} is null and the result is ignored.
   */
  Object dispatch(S server, M message, CallContext call) throws Throwable;

  /** Offers any other message to the {@code @Info} handlers; returns false when none takes it. */
  default boolean info(S server, Object message) throws Throwable {
    return false;
  }

  /** Runs the {@code @Continue} handler for {@code value}; returns false when none takes it. */
  default boolean handleContinue(S server, Object value) throws Throwable {
    return false;
  }

  /** Runs the {@code @Init} method, if the class has one. */
  default void init(S server) throws Throwable {}

  /** Runs the {@code @Terminate} method, if the class has one. */
  default void terminate(S server, ExitReason reason) throws Throwable {}
}
