package dev.arbor.dist.handshake;

/**
 * The peer answered {@code nok}: it is connecting to this node at the same moment and its own
 * connection wins (the greater node name does, as in {@code dist_util}). The caller should wait for
 * that inbound connection instead of failing.
 */
public final class SimultaneousConnectException extends HandshakeException {
  private static final long serialVersionUID = 1L;

  /** {@code peer} is connecting to this node too, and its connection wins. */
  public SimultaneousConnectException(String peer) {
    super(peer, "simultaneous connect: the peer's own connection to this node wins");
  }
}
