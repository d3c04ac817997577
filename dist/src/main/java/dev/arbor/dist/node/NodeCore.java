package dev.arbor.dist.node;

import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.dist.connection.Connection;
import dev.arbor.dist.connection.ConnectionHandler;
import dev.arbor.dist.epmd.Epmd;
import dev.arbor.dist.epmd.Registration;
import dev.arbor.dist.genserver.CallAliases;
import dev.arbor.dist.genserver.GenServerCalls;
import dev.arbor.dist.genserver.GenServerRequests;
import dev.arbor.dist.handshake.DistFlags;
import dev.arbor.dist.handshake.Handshake;
import dev.arbor.dist.handshake.HandshakeException;
import dev.arbor.dist.handshake.Peer;
import dev.arbor.dist.handshake.SimultaneousConnectException;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.DecodeLimits;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.ErlRef;
import dev.arbor.dist.term.TermDecoder;
import dev.arbor.dist.term.TermEncoder;
import dev.arbor.dist.term.Tuple;
import dev.arbor.remote.Distribution;
import dev.arbor.remote.LocalNode;
import dev.arbor.remote.NodeConnection;
import dev.arbor.remote.RemoteCalls;
import dev.arbor.remote.RemoteRequests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The machinery of a running node, behind {@code dev.arbor.dist.Node}: the listen socket, the epmd
 * registration, the table of peers, dialling and accepting. It is the runtime's {@link
 * Distribution}: local processes reach remote pids through the {@link Channel}s it hands out.
 * Not API.
 */
public final class NodeCore implements ConnectionHandler, Distribution, CallAliases {
  private static final System.Logger LOG = System.getLogger(NodeCore.class.getName());
  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(7);

  /**
   * How a node starts.
   *
   * @param name the full node name, {@code alive@host}
   * @param cookie the shared secret
   * @param listenAddress where to accept connections
   * @param port the listen port, 0 for an ephemeral one
   * @param epmdPort where epmd listens, on this machine and on peers' hosts
   * @param netTickTime how long a silent peer is tolerated; ticks go out every quarter of it
   * @param limits the bounds on frames and decoded terms
   */
  public record Settings(String name, String cookie, InetAddress listenAddress, int port,
      int epmdPort, Duration netTickTime, DecodeLimits limits) {}

  private final Settings settings;
  private final Atom self;
  private final ServerSocket server;
  private final Registration registration;
  private final RuntimeHandles handles = new RuntimeHandles();
  private final TermDecoder decoder;
  private final TermEncoder encoder;
  private final Handshake handshake;
  private final ErlPid systemPid;
  private final Calls calls = new Calls();
  private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
  private final NodeWatchers watchers = new NodeWatchers();
  private final GenServerRequests requests = new GenServerRequests(this::route);
  private final GenServerCalls genCalls = new GenServerCalls(this);
  /** The active aliases of local processes' calls, and their owners. */
  private final ConcurrentHashMap<Ref, Pid> aliases = new ConcurrentHashMap<>();
  private volatile LocalNode local;
  private volatile Inbound inbound;
  private volatile boolean stopped;

  private NodeCore(Settings settings, ServerSocket server, Registration registration) {
    this.settings = settings;
    this.self = Atom.of(settings.name());
    this.server = server;
    this.registration = registration;
    this.decoder = new TermDecoder(settings.limits(), handles);
    this.encoder = new TermEncoder(handles);
    this.handshake = new Handshake(settings.name(), DistFlags.ARBOR, registration.creation(),
        settings.cookie());
    this.systemPid = new ErlPid(self, 0, 0xFFFF_FFFFL, registration.creation());
  }

  /**
   * Binds the listen socket, registers with epmd, attaches to the runtime (local pids now carry
   * this node's name) and starts accepting.
   *
   * @throws IllegalStateException when another node is started in this JVM
   */
  public static NodeCore start(Settings settings) throws IOException {
    String name = settings.name();
    int at = name.indexOf('@');
    if (at <= 0 || at == name.length() - 1 || name.indexOf('@', at + 1) >= 0) {
      throw new IllegalArgumentException("a node name is alive@host, got '" + name + "'");
    }
    ServerSocket server = ServerSocketChannel.open().socket(); // its sockets have channels: see Connection
    Registration registration = null;
    try {
      server.bind(new InetSocketAddress(settings.listenAddress(), settings.port()));
      registration = new Epmd(InetAddress.getLoopbackAddress(), settings.epmdPort())
          .register(name.substring(0, at), server.getLocalPort());
      NodeCore node = new NodeCore(settings, server, registration);
      node.local = LocalNode.attach(node);
      // After attach, this node's wire pids are local runtime pids: the system pid is one.
      node.inbound = new Inbound(node.local, node.calls, node.aliases,
          node.handles.fromWire(node.systemPid), node.systemPid);
      Thread.ofVirtual().name("arbor-dist-accept-" + name).start(node::acceptLoop);
      return node;
    } catch (IOException | RuntimeException e) {
      server.close();
      if (registration != null) {
        registration.close();
      }
      throw e;
    }
  }

  @Override
  public String nodeName() {
    return self.name();
  }

  @Override
  public int creation() {
    return (int) registration.creation();
  }

  /** Local {@code @GenServer(remote = true)} servers answer {@code gen_server} calls through this. */
  @Override
  public RemoteRequests requests() {
    return requests;
  }

  /** Local processes call {@code gen_server}s on other nodes through this. */
  @Override
  public RemoteCalls calls() {
    return genCalls;
  }

  @Override
  public void activate(Ref alias, Pid owner) {
    aliases.put(alias, owner);
  }

  @Override
  public void deactivate(Ref alias) {
    aliases.remove(alias);
  }

  /**
   * Sends a {@code gen_server} reply: to a pid, or with {@code ALIAS_SEND} to the alias the caller's
   * node made for the call (a local caller's alias is a runtime {@code Ref}; see {@link #activate}).
   */
  private void route(Pid from, Object to, Object message) {
    if (to instanceof Pid pid && pid.isLocal()) {
      local.send(from, pid, message);
    } else if (to instanceof Ref alias) {
      Pid owner = aliases.get(alias);
      if (owner != null) {
        local.send(from, owner, message);
      }
    } else if (to instanceof Pid pid) {
      NodeConnection connection = connect(pid.node());
      if (connection != null) {
        connection.send(from, pid, message);
      }
    } else if (to instanceof ErlRef alias && connect(alias.node().name()) instanceof Channel channel) {
      channel.deliver(Tuple.of((long) Control.ALIAS_SEND, handles.toWire(from), alias), message);
    } else {
      LOG.log(System.Logger.Level.DEBUG, "dropped a reply to " + to + ": no node to send it to");
    }
  }

  /** The port this node listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** The names of the nodes connected now. */
  public Set<String> connectedNodes() {
    return channels.values().stream().filter(Channel::isUp).map(Channel::node)
        .collect(Collectors.toUnmodifiableSet());
  }

  // ------------------------------------------------------------------ dialling

  /** Erlang's auto-connect, for the runtime: returns at once, dials on a virtual thread. */
  @Override
  public NodeConnection connect(String node) {
    if (stopped || !isNodeName(node) || node.equals(self.name())) {
      return null;
    }
    return channel(node);
  }

  private Channel channel(String node) {
    return channels.computeIfAbsent(node, name -> {
      Channel channel = new Channel(name, systemPid);
      Thread.ofVirtual().name("arbor-dist-dial-" + name).start(() -> dial(channel));
      return channel;
    });
  }

  private static boolean isNodeName(String node) {
    int at = node.indexOf('@');
    return at > 0 && at < node.length() - 1 && node.indexOf('@', at + 1) < 0;
  }

  /**
   * Connects to {@code node} and waits until the connection is up.
   *
   * @throws IOException why it could not be made: epmd, the handshake (a {@code
   *     WrongCookieException} names the peer), or a timeout
   */
  public void connectNow(String node, Duration timeout) throws IOException {
    if (!isNodeName(node)) {
      throw new IllegalArgumentException("a node name is alive@host, got '" + node + "'");
    }
    if (stopped) {
      throw new IOException("node " + self.name() + " is stopped");
    }
    try {
      channel(node).ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("connecting to " + node + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("no connection to " + node + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + node, e);
    }
  }

  private void dial(Channel channel) {
    String peer = channel.node();
    int at = peer.indexOf('@');
    Socket socket;
    try {
      socket = SocketChannel.open().socket(); // Connection needs the channel
    } catch (IOException e) {
      if (channel.fail(e, false)) {
        lost(channel);
      }
      return;
    }
    try {
      InetAddress host = InetAddress.getByName(peer.substring(at + 1));
      Epmd.NodePort where = new Epmd(host, settings.epmdPort()).lookup(peer.substring(0, at))
          .orElseThrow(() -> new IOException("no node '" + peer.substring(0, at)
              + "' is registered with epmd at " + host.getHostAddress() + ":"
              + settings.epmdPort()));
      socket.connect(new InetSocketAddress(host, where.port()), 5_000);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
      Peer remote = handshake.connect(socket.getInputStream(), socket.getOutputStream(), peer);
      open(channel, socket, remote);
    } catch (SimultaneousConnectException e) {
      closeQuietly(socket);
      awaitInbound(channel, e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(socket);
      LOG.log(System.Logger.Level.DEBUG, "connecting " + self.name() + " to " + peer
          + " failed: " + e);
      if (channel.fail(e instanceof IOException io ? io : new IOException(e), false)) {
        lost(channel);
      }
    }
  }

  /** The peer's connection to this node wins a simultaneous connect: wait for it to attach. */
  private void awaitInbound(Channel channel, SimultaneousConnectException why) {
    try {
      channel.ready().get(HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      if (channel.fail(why, false)) {
        lost(channel);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void open(Channel channel, Socket socket, Peer remote) throws IOException {
    socket.setSoTimeout(0);
    Connection connection = new Connection(socket, remote, decoder, encoder, this,
        settings.netTickTime(), settings.limits().maxBytes());
    if (!channel.attach(connection)) {
      closeQuietly(socket); // another connection to the same node won the race
      return;
    }
    try {
      connection.start();
    } catch (IOException e) {
      connection.close("could not start: " + e);
      return;
    }
    watchers.up(channel.node(), channel, channel::isUp);
  }

  // ------------------------------------------------------------------ accepting

  private void acceptLoop() {
    while (!stopped) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().name("arbor-dist-handshake").start(() -> accept(socket));
      } catch (IOException e) {
        if (!stopped) {
          LOG.log(System.Logger.Level.ERROR, "accept failed on " + self.name(), e);
        }
      }
    }
  }

  /**
   * Admits a peer unless a connection to it is up, or being dialled by this node while this
   * node's name is the greater one: in a simultaneous connect, as in Erlang, the greater name's
   * dial wins.
   */
  private boolean admit(String peer) {
    if (stopped) {
      return false;
    }
    Channel existing = channels.get(peer);
    if (existing == null) {
      return true;
    }
    return !existing.isUp() && self.name().compareTo(peer) < 0;
  }

  private void accept(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
      Peer remote = handshake.accept(socket.getInputStream(), socket.getOutputStream(),
          this::admit);
      Channel channel = channels.computeIfAbsent(remote.name(),
          name -> new Channel(name, systemPid));
      open(channel, socket, remote);
    } catch (HandshakeException e) {
      LOG.log(System.Logger.Level.WARNING, "refused an inbound connection to " + self.name()
          + ": " + e.getMessage());
      closeQuietly(socket);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "inbound handshake with " + self.name()
          + " failed: " + e);
      closeQuietly(socket);
    }
  }

  // ------------------------------------------------------------------ connection events

  private Channel channelOf(Connection connection) {
    Channel channel = channels.get(connection.peer().name());
    return channel != null && channel.connection() == connection ? channel : null;
  }

  @Override
  public void onControl(Connection connection, Tuple control, Object payload) {
    Channel channel = channelOf(connection);
    if (channel != null) {
      inbound.dispatch(channel, control, payload);
    }
  }

  @Override
  public void onClosed(Connection connection, String reason) {
    LOG.log(System.Logger.Level.INFO, "connection from " + self.name() + " to "
        + connection.peer().name() + " closed: " + reason);
    Channel channel = channelOf(connection);
    if (channel != null && channel.fail(new IOException(reason), true)) {
      lost(channel);
    }
  }

  private void lost(Channel channel) {
    // Before the channel leaves the table: no newer connection to the node can be announced yet.
    watchers.down(channel.node(), channel);
    channels.remove(channel.node(), channel);
    LocalNode attached = local;
    if (attached != null) {
      attached.connectionLost(channel);
    }
  }

  // ------------------------------------------------------------------ node-level operations

  /** Erlang's {@code net_adm:ping/1}: true when {@code node} answers within {@code timeout}. */
  public boolean ping(String node, Duration timeout) {
    if (node.equals(self.name())) {
      return true;
    }
    dev.arbor.Ref ref = dev.arbor.Ref.make();
    var reply = calls.expect(ref);
    try {
      connectNow(node, timeout);
      channel(node).deliver(Tuple.of((long) Control.REG_SEND, systemPid, Atom.EMPTY,
          Inbound.NET_KERNEL), Tuple.of(Inbound.GEN_CALL, Tuple.of(systemPid, ref),
          Tuple.of(Inbound.IS_AUTH, self)));
      return Inbound.YES.equals(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (IOException | TimeoutException | ExecutionException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.DEBUG, "ping " + node + " failed: " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      reply.cancel(false);
    }
  }

  /**
   * Erlang's {@code net_kernel:monitor_nodes(true)} for {@code watcher}: a {@code NodeUp} for
   * every connection that comes up from now on, a {@code NodeDown} for every one lost.
   */
  public void monitorNodes(Pid watcher) {
    watchers.add(watcher);
  }

  /** Ends {@link #monitorNodes} for {@code watcher}; false if it was not monitoring. */
  public boolean demonitorNodes(Pid watcher) {
    return watchers.remove(watcher);
  }

  /** Closes the connection to {@code peer} if there is one: Erlang's {@code disconnect_node}. */
  public boolean disconnect(String peer) {
    Channel channel = channels.get(peer);
    Connection connection = channel == null ? null : channel.connection();
    if (connection == null) {
      return false;
    }
    connection.close("disconnected");
    return true;
  }

  /**
   * Closes every connection (links and monitors across them fire with {@code noconnection}),
   * detaches from the runtime and unregisters from epmd.
   */
  public void stop() {
    stopped = true;
    closeQuietly(server);
    for (Channel channel : List.copyOf(channels.values())) {
      Connection connection = channel.connection();
      if (connection != null) {
        connection.close("node stopped");
      } else if (channel.fail(new IOException("node stopped"), true)) {
        lost(channel);
      }
    }
    LocalNode attached = local;
    if (attached != null) {
      attached.detach();
    }
    try {
      registration.close();
    } catch (IOException ignored) {
      // epmd forgets the name when the socket goes
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }
}
