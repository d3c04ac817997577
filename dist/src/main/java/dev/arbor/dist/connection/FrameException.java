package dev.arbor.dist.connection;

import java.io.IOException;

/** A frame that breaks the protocol: its connection closes, the node keeps running. */
public final class FrameException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A bad frame described by {@code message}. */
  public FrameException(String message) {
    super(message);
  }
}
