package dev.arbor.remote;

/**
 * A server on another node answered a call with a term that the call's reply type cannot hold. An
 * Arbor server answers so when the request fitted none of its handlers ({@code {error, {badarg,
 * Why}}}), or when its handler threw a declared exception ({@code {error, {'com.example.OutOfStock',
 * Message}}}) that the client cannot rebuild (it has no public constructor taking the message); a
 * BEAM server answers what its {@code handle_call} returns. {@link #reply()} is
 * the term as it arrived, in {@code arbor-dist}'s term model.
 */
public final class RemoteReplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Object reply;

  public RemoteReplyException(String message, Object reply) {
    super(message);
    this.reply = reply;
  }

  /** The reply term, as decoded from the wire. */
  public Object reply() {
    return reply;
  }
}
