package dev.arbor.dist.epmd;

import java.io.IOException;
import java.net.Socket;

/**
 * A node name registered with epmd. epmd keeps the name for as long as this connection stays
 * open; {@link #close()} unregisters it.
 */
public final class Registration implements AutoCloseable {
  private final Socket socket;
  private final long creation;

  Registration(Socket socket, long creation) {
    this.socket = socket;
    this.creation = creation;
  }

  /** The creation epmd gave this incarnation of the node; it goes into every pid and reference. */
  public long creation() {
    return creation;
  }

  /** Unregisters the name. */
  @Override
  public void close() throws IOException {
    socket.close();
  }
}
