package dev.arbor.server;

import dev.arbor.Pid;

/**
 * A deferred reply to one call: a {@code @Call} handler that takes a last {@code Reply<T>} parameter
 * answers later, from any process, exactly once. A second answer throws {@link
 * IllegalStateException}; an answer after the caller gave up is dropped.
 *
 * @param <T> the reply's type, which the generated client method returns
 */
public interface Reply<T> {

  /** Answers the call with {@code value}. */
  void send(T value);

  /**
   * Answers the call with a failure: an unchecked throwable, or a checked one the handler declares,
   * is rethrown at the caller as is; any other checked exception arrives wrapped in {@link
   * CallFailedException}.
   */
  void fail(Throwable failure);

  /** The calling process (OTP's {@code From}). */
  Pid caller();
}
