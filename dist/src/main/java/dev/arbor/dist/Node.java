package dev.arbor.dist;

import dev.arbor.Proc;
import dev.arbor.dist.epmd.Epmd;
import dev.arbor.dist.handshake.Cookie;
import dev.arbor.dist.node.NodeCore;
import dev.arbor.dist.term.DecodeLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * This JVM as an Erlang node. Erlang, Elixir and other Arbor nodes see it as a normal (visible)
 * node. Once it is started, a {@code Pid} may name a process on any of them, and {@code Proc}'s
 * operations work across the wire: {@code send}, {@code link}, {@code unlink}, {@code monitor}
 * (also of {@code Name.remote(name, node)}), {@code exit}, {@code monitorNode}; a lost connection
 * gives {@code noconnection} to every link and monitor across it. At most one node runs per JVM.
 *
 * <pre>{@code
 * try (Node node = Node.builder("arbor@127.0.0.1").cookie("secret").start()) {
 *   node.ping("erlang@127.0.0.1", Duration.ofSeconds(5));
 *   Proc.send(Name.remote("shell", "erlang@127.0.0.1"), "hello");
 * }
 * }</pre>
 */
public final class Node implements AutoCloseable {
  private final NodeCore core;

  private Node(NodeCore core) {
    this.core = core;
  }

  /** A builder for a node named {@code name}: {@code alive@host}, long or short. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** This node's full name. */
  public String name() {
    return core.nodeName();
  }

  /** The creation epmd gave this run of the node; old pids of the same name never match it. */
  public long creation() {
    return Integer.toUnsignedLong(core.creation());
  }

  /** The TCP port this node accepts connections on. */
  public int port() {
    return core.port();
  }

  /** The nodes connected now. */
  public Set<String> connectedNodes() {
    return core.connectedNodes();
  }

  /** Erlang's {@code net_adm:ping/1}: connects if needed, true when {@code node} answers. */
  public boolean ping(String node, Duration timeout) {
    return core.ping(node, timeout);
  }

  /**
   * Connects to {@code node} now (sends and links connect on demand; this says why it fails).
   *
   * @throws dev.arbor.dist.handshake.WrongCookieException when the cookies differ, naming the
   *     peer
   * @throws IOException when epmd does not know the node or it does not answer in time
   */
  public void connect(String node, Duration timeout) throws IOException {
    core.connectNow(node, timeout);
  }

  /**
   * Erlang's {@code net_kernel:monitor_nodes(true)}: from now on the calling process receives a
   * {@link NodeUp} whenever a connection to another node comes up, and a {@link
   * dev.arbor.NodeDown} whenever one is lost, up and down alternating for each node. It lasts
   * until {@link #demonitorNodes()} or the process exits; calling it again changes nothing.
   */
  public void monitorNodes() {
    core.monitorNodes(Proc.self());
  }

  /** Erlang's {@code net_kernel:monitor_nodes(false)}; false if the caller was not monitoring. */
  public boolean demonitorNodes() {
    return core.demonitorNodes(Proc.self());
  }

  /** Erlang's {@code disconnect_node/1}; links and monitors across it fire. */
  public boolean disconnect(String node) {
    return core.disconnect(node);
  }

  /** Closes every connection (links and monitors across them get {@code noconnection}). */
  public void stop() {
    core.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** How to start a node; every setting has a safe default. */
  public static final class Builder {
    private final String name;
    private String cookie;
    private InetAddress listenAddress = InetAddress.getLoopbackAddress();
    private int port;
    private int epmdPort = -1;
    private Duration netTickTime = Duration.ofSeconds(60);
    private DecodeLimits limits = DecodeLimits.DEFAULT;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The cookie; by default the one in {@code ~/.erlang.cookie}, created when absent. */
    public Builder cookie(String cookie) {
      this.cookie = Objects.requireNonNull(cookie, "cookie");
      return this;
    }

    /** Where to accept connections: loopback unless set. */
    public Builder listenAddress(InetAddress address) {
      this.listenAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The listen port; 0 (the default) picks an ephemeral one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** epmd's port: by default {@code ERL_EPMD_PORT} or 4369. */
    public Builder epmdPort(int port) {
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("epmd port must be 1..65535, got " + port);
      }
      this.epmdPort = port;
      return this;
    }

    /** Erlang's {@code net_ticktime}: a peer silent this long is disconnected. Default 60 s. */
    public Builder netTickTime(Duration time) {
      if (time.toMillis() < 4) {
        throw new IllegalArgumentException("net tick time must be at least 4 ms, got " + time);
      }
      this.netTickTime = time;
      return this;
    }

    /** Bounds on frames and decoded terms; {@link DecodeLimits#DEFAULT} unless set. */
    public Builder limits(DecodeLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Starts the node: binds, registers with epmd and accepts connections.
     *
     * @throws dev.arbor.dist.epmd.EpmdUnavailableException when no epmd answers
     * @throws IOException when the name is taken or the port cannot be bound
     * @throws IllegalStateException when a node is already started in this JVM
     */
    public Node start() throws IOException {
      String secret = cookie != null ? cookie : Cookie.fromHome();
      int epmd = epmdPort > 0 ? epmdPort : Epmd.defaultPort();
      return new Node(NodeCore.start(new NodeCore.Settings(name, secret, listenAddress, port,
          epmd, netTickTime, limits)));
    }
  }

  @Override
  public String toString() {
    return "Node[" + name() + "]";
  }
}
