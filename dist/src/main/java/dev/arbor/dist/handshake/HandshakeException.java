package dev.arbor.dist.handshake;

import java.io.IOException;

/** A handshake with {@link #peer()} failed; the connection is closed. */
public class HandshakeException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String peer;

  /** A failure with {@code peer}, described by {@code message}. */
  public HandshakeException(String peer, String message) {
    super("handshake with " + peer + " failed: " + message);
    this.peer = peer;
  }

  /** The node on the other side, or what is known of it ("unknown node" before its name). */
  public String peer() {
    return peer;
  }
}
