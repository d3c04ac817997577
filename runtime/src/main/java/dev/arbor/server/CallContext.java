package dev.arbor.server;

/** The call being handled, as generated dispatch code sees it. */
public interface CallContext {

  /**
   * Takes over the reply: the loop will not answer when the handler returns, and the returned
   * {@link Reply} must be answered exactly once, from any process. Generated code passes it as a
   * handler's last {@code Reply<T>} parameter, with the checked exceptions the handler declares: a
   * failure of one of those types reaches the caller as is, any other checked one wrapped in {@link
   * CallFailedException}.
   */
  <T> Reply<T> deferReply(Class<?>... declaredExceptions);
}
