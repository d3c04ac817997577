package dev.arbor.dist.handshake;

/** The peer and this node do not share a cookie: one side refused the other's digest. */
public final class WrongCookieException extends HandshakeException {
  private static final long serialVersionUID = 1L;

  /** The cookie check with {@code peer} failed, as {@code detail} says. */
  public WrongCookieException(String peer, String detail) {
    super(peer, "wrong cookie: " + detail);
  }
}
