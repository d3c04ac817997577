package dev.arbor.dist.connection;

import dev.arbor.dist.term.Tuple;

/** What a connection reports to its node. Called from the connection's reader thread. */
public interface ConnectionHandler {
  /**
   * A control message arrived, with its payload or null (links, exits and monitors have none).
   * An exception thrown here closes only this connection.
   */
  void onControl(Connection connection, Tuple control, Object payload);

  /** The connection closed, for {@code reason} (a description); called exactly once. */
  void onClosed(Connection connection, String reason);
}
