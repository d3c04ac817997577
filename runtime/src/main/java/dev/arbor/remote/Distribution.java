package dev.arbor.remote;

/**
 * A started node, as the runtime sees it: implemented by {@code arbor-dist} and handed to {@link
 * LocalNode#attach(Distribution)} when the node starts. While it is attached, local pids carry its
 * name and creation (on the wire and in {@link dev.arbor.Pid#node()}), and signals to remote pids
 * go through the {@link NodeConnection}s it returns.
 */
public interface Distribution {
  /** This node's name, such as {@code arbor@127.0.0.1}: what local pids are encoded with. */
  String nodeName();

  /**
   * This node's creation (the 32-bit value epmd gave it): local pids are encoded with it, and a pid
   * that names this node with another creation is a pid of an earlier life of the node, not local.
   */
  int creation();

  /**
   * The connection to {@code node}, set up if there is none yet (Erlang's auto-connect), or null if
   * {@code node} can never be reached (a malformed name, say); the runtime then treats the node as
   * down: sends are dropped, a link gets {@code noconnection}, a monitor a {@code Down} with {@code
   * noconnection}, a node monitor a {@link dev.arbor.NodeDown}.
   *
   * <p>Must not block: a connection that is still being set up is returned at once and queues what
   * it is given until the handshake ends; if the handshake fails, the implementation calls {@link
   * LocalNode#connectionLost(NodeConnection)} for it. The runtime keeps the returned connection for
   * {@code node} until it is reported lost, and asks again afterwards. It may call this from many
   * threads at once, and for the local node's own name never.
   */
  NodeConnection connect(String node);

  /**
   * How local servers with {@link dev.arbor.mapping.ServerTerms} read what other nodes send them
   * ({@code gen_server} calls, casts and plain messages), or null when this distribution does not.
   */
  default RemoteRequests requests() {
    return null;
  }

  /**
   * How local processes call and cast to {@code gen_server}s on other nodes, or null when this
   * distribution does not.
   */
  default RemoteCalls calls() {
    return null;
  }
}
