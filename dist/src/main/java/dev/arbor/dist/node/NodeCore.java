package dev.arbor.dist.node;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.connection.Connection;
import dev.arbor.dist.connection.ConnectionHandler;
import dev.arbor.dist.epmd.Epmd;
import dev.arbor.dist.epmd.Registration;
import dev.arbor.dist.handshake.DistFlags;
import dev.arbor.dist.handshake.Handshake;
import dev.arbor.dist.handshake.HandshakeException;
import dev.arbor.dist.handshake.Peer;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.DecodeLimits;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.ErlRef;
import dev.arbor.dist.term.ImproperList;
import dev.arbor.dist.term.TermDecoder;
import dev.arbor.dist.term.TermEncoder;
import dev.arbor.dist.term.Tuple;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The machinery of a running node, behind {@code dev.arbor.dist.Node}: the listen socket, the epmd
 * registration, the connection table, and the handling of control messages. Not API.
 */
public final class NodeCore implements ConnectionHandler {
  private static final System.Logger LOG = System.getLogger(NodeCore.class.getName());
  private static final Atom NET_KERNEL = Atom.of("net_kernel");
  private static final Atom GEN_CALL = Atom.of("$gen_call");
  private static final Atom IS_AUTH = Atom.of("is_auth");
  private static final Atom YES = Atom.of("yes");

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
  private final PidTable pids;
  private final TermDecoder decoder;
  private final TermEncoder encoder;
  private final Handshake handshake;
  private final ErlPid systemPid;
  private final Calls calls = new Calls();
  private final Signals signals;
  private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ReentrantLock> dialing = new ConcurrentHashMap<>();
  private final AtomicLong refs = new AtomicLong();
  private volatile boolean stopped;

  private NodeCore(Settings settings, ServerSocket server, Registration registration) {
    this.settings = settings;
    this.self = Atom.of(settings.name());
    this.server = server;
    this.registration = registration;
    this.pids = new PidTable(self, registration.creation());
    this.decoder = new TermDecoder(settings.limits(), pids);
    this.encoder = new TermEncoder(pids);
    this.handshake = new Handshake(settings.name(), DistFlags.ARBOR, registration.creation(),
        settings.cookie());
    this.systemPid = new ErlPid(self, 0, 0xFFFF_FFFFL, registration.creation());
    this.signals = new Signals(this);
  }

  /** Binds the listen socket, registers with epmd and starts accepting. */
  public static NodeCore start(Settings settings) throws IOException {
    String name = settings.name();
    int at = name.indexOf('@');
    if (at <= 0 || at == name.length() - 1 || name.indexOf('@', at + 1) >= 0) {
      throw new IllegalArgumentException("a node name is alive@host, got '" + name + "'");
    }
    ServerSocket server = new ServerSocket();
    try {
      server.bind(new InetSocketAddress(settings.listenAddress(), settings.port()));
      Registration registration = new Epmd(InetAddress.getLoopbackAddress(), settings.epmdPort())
          .register(name.substring(0, at), server.getLocalPort());
      NodeCore node = new NodeCore(settings, server, registration);
      Thread.ofVirtual().name("arbor-dist-accept-" + name).start(node::acceptLoop);
      return node;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** This node's name as an atom. */
  public Atom self() {
    return self;
  }

  /** The creation epmd gave this incarnation. */
  public long creation() {
    return registration.creation();
  }

  /** The port this node listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** The names of the nodes connected now. */
  public Set<String> connectedNodes() {
    return Set.copyOf(connections.keySet());
  }

  PidTable pids() {
    return pids;
  }

  ErlPid systemPid() {
    return systemPid;
  }

  /** A new reference of this node, unique for this incarnation. */
  public ErlRef makeRef() {
    long n = refs.incrementAndGet();
    return new ErlRef(self, creation(), new int[] {(int) n, (int) (n >>> 32), 0x4172});
  }

  // ------------------------------------------------------------------ connections

  /** The connection to {@code peer}, dialling it (epmd, then the handshake) when there is none. */
  public Connection connection(String peer) throws IOException {
    Connection open = connections.get(peer);
    if (open != null && open.isOpen()) {
      return open;
    }
    if (stopped) {
      throw new IOException("node " + self.name() + " is stopped");
    }
    if (peer.equals(self.name())) {
      throw new IllegalArgumentException("a node does not connect to itself: " + peer);
    }
    ReentrantLock lock = dialing.computeIfAbsent(peer, p -> new ReentrantLock());
    lock.lock();
    try {
      open = connections.get(peer);
      return open != null && open.isOpen() ? open : dial(peer);
    } finally {
      lock.unlock();
    }
  }

  private Connection dial(String peer) throws IOException {
    int at = peer.indexOf('@');
    if (at <= 0 || at == peer.length() - 1) {
      throw new IllegalArgumentException("a node name is alive@host, got '" + peer + "'");
    }
    InetAddress host = InetAddress.getByName(peer.substring(at + 1));
    Epmd.NodePort where = new Epmd(host, settings.epmdPort()).lookup(peer.substring(0, at))
        .orElseThrow(() -> new IOException("no node '" + peer.substring(0, at)
            + "' is registered with epmd at " + host.getHostAddress() + ":"
            + settings.epmdPort()));
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, where.port()), 5_000);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) handshakeTimeout().toMillis());
      Peer remote = handshake.connect(socket.getInputStream(), socket.getOutputStream(), peer);
      return open(socket, remote);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private Duration handshakeTimeout() {
    return Duration.ofSeconds(7);
  }

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

  private void accept(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) handshakeTimeout().toMillis());
      Peer remote = handshake.accept(socket.getInputStream(), socket.getOutputStream(),
          name -> !stopped && !(connections.get(name) instanceof Connection c && c.isOpen()));
      open(socket, remote);
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

  private Connection open(Socket socket, Peer remote) throws IOException {
    socket.setSoTimeout(0);
    Connection connection = new Connection(socket, remote, decoder, encoder, this,
        settings.netTickTime(), settings.limits().maxBytes());
    Connection before = connections.put(remote.name(), connection);
    if (before != null) {
      before.close("replaced by a new connection");
    }
    connection.start();
    return connection;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  /** Closes every connection (links and monitors across them fire) and unregisters from epmd. */
  public void stop() {
    stopped = true;
    closeQuietly(server);
    for (Connection connection : List.copyOf(connections.values())) {
      connection.close("node stopped");
    }
    try {
      registration.close();
    } catch (IOException ignored) {
      // epmd forgets the name when the socket goes
    }
  }

  private static void closeQuietly(ServerSocket server) {
    try {
      server.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  /** Closes the connection to {@code peer} if there is one: Erlang's {@code disconnect_node}. */
  public boolean disconnect(String peer) {
    Connection connection = connections.get(peer);
    if (connection == null) {
      return false;
    }
    connection.close("disconnected");
    return true;
  }

  @Override
  public void onClosed(Connection connection, String reason) {
    connections.remove(connection.peer().name(), connection);
    LOG.log(System.Logger.Level.INFO, "connection from " + self.name() + " to "
        + connection.peer().name() + " closed: " + reason);
    signals.connectionLost(connection);
  }

  // ------------------------------------------------------------------ sending

  /** Sends {@code message} to {@code to} on its node ({@code SEND_SENDER}). */
  public void send(ErlPid to, Object message) throws IOException {
    connection(to.node().name()).send(
        Tuple.of((long) Control.SEND_SENDER, Proc.self(), to), message);
  }

  /** Sends {@code message} to the process registered as {@code name} on {@code node}. */
  public void send(String node, String name, Object message) throws IOException {
    connection(node).send(
        Tuple.of((long) Control.REG_SEND, Proc.self(), Atom.EMPTY, Atom.of(name)), message);
  }

  /** Links the calling process to {@code remote}. */
  public void link(ErlPid remote) throws IOException {
    signals.link(Proc.self(), remote, connection(remote.node().name()));
  }

  /** Removes the calling process's link to {@code remote}, if any. */
  public void unlink(ErlPid remote) throws IOException {
    signals.unlink(Proc.self(), remote, connection(remote.node().name()));
  }

  /**
   * Monitors {@code remote} for the calling process. An unreachable node gives {@code
   * noconnection} at once, as in Erlang.
   */
  public ErlRef monitor(ErlPid remote) {
    return monitor(remote, remote, remote.node().name());
  }

  /** Monitors the process registered as {@code name} on {@code node}. */
  public ErlRef monitor(String name, String node) {
    return monitor(Tuple.of(Atom.of(name), Atom.of(node)), Atom.of(name), node);
  }

  private ErlRef monitor(Object target, Object wireTarget, String peer) {
    Pid watcher = Proc.self();
    try {
      return signals.monitor(watcher, target, wireTarget, connection(peer));
    } catch (IOException e) {
      ErlRef ref = makeRef();
      Proc.send(watcher, new dev.arbor.dist.RemoteDown(ref, target,
          dev.arbor.ExitReason.noconnection()));
      return ref;
    }
  }

  /** Removes a monitor {@link #monitor} made; returns whether it was still active. */
  public boolean demonitor(ErlRef ref, String peer) {
    Connection open = connections.get(peer);
    return open != null && signals.demonitor(Proc.self(), ref, open);
  }

  /** Sends the exit signal {@code reason} to {@code remote} ({@code EXIT2}). */
  public void exit(ErlPid remote, dev.arbor.ExitReason reason) throws IOException {
    connection(remote.node().name()).send(Tuple.of((long) Control.EXIT2, Proc.self(), remote,
        Reasons.toWire(reason)), null);
  }

  /** Erlang's {@code monitor_node(Node, true)}: the caller gets a {@code NodeDown} once. */
  public void monitorNode(String peer) {
    Pid watcher = Proc.self();
    try {
      connection(peer);
      signals.monitorNode(watcher, peer);
      if (!(connections.get(peer) instanceof Connection c && c.isOpen())) {
        signals.nodeUnreachable(watcher, peer);
      }
    } catch (IOException e) {
      signals.nodeUnreachable(watcher, peer);
    }
  }

  /** Erlang's {@code net_adm:ping/1}: true when {@code node} answers within {@code timeout}. */
  public boolean ping(String node, Duration timeout) {
    ErlRef ref = makeRef();
    var reply = calls.expect(ref);
    try {
      connection(node).send(
          Tuple.of((long) Control.REG_SEND, systemPid, Atom.EMPTY, NET_KERNEL),
          Tuple.of(GEN_CALL, Tuple.of(systemPid, ref), Tuple.of(IS_AUTH, self)));
      return YES.equals(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "ping " + node + " failed: " + e.getMessage());
      return false;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      reply.cancel(false);
    }
  }

  // ------------------------------------------------------------------ receiving

  @Override
  public void onControl(Connection connection, Tuple control, Object payload) {
    int op = ((Long) control.get(0)).intValue();
    switch (op) {
      case Control.SEND -> deliver(arg(control, 2, 3), payload(payload, control));
      case Control.SEND_SENDER -> deliver(arg(control, 2, 3), payload(payload, control));
      case Control.REG_SEND -> registeredSend(connection, atom(arg(control, 3, 4)),
          payload(payload, control));
      case Control.ALIAS_SEND -> {
        Object message = payload(payload, control);
        if (!calls.complete(message)) {
          LOG.log(System.Logger.Level.DEBUG, "dropped a message to an unknown alias "
              + arg(control, 2, 3));
        }
      }
      default -> signals.onControl(connection, op, control);
    }
  }

  static Object arg(Tuple control, int index, int arity) {
    if (control.size() != arity) {
      throw new IllegalArgumentException("control message " + control + " must have "
          + arity + " elements");
    }
    return control.get(index);
  }

  static Atom atom(Object value) {
    if (value instanceof Atom atom) {
      return atom;
    }
    throw new IllegalArgumentException("expected an atom in a control message, got " + value);
  }

  private static Object payload(Object payload, Tuple control) {
    if (payload == null) {
      throw new IllegalArgumentException("control message " + control + " lacks its message");
    }
    return payload;
  }

  private void deliver(Object to, Object message) {
    if (to.equals(systemPid)) {
      calls.complete(message);
      return;
    }
    Pid local = pids.local(to);
    if (local != null) {
      Proc.send(local, message);
    }
  }

  private void registeredSend(Connection connection, Atom name, Object message) {
    if (name.equals(NET_KERNEL)) {
      netKernel(connection, message);
      return;
    }
    Proc.whereis(name.name()).ifPresent(pid -> Proc.send(pid, message));
  }

  /** The part of Erlang's net_kernel a peer talks to: {@code is_auth}, which ping calls. */
  private void netKernel(Connection connection, Object message) {
    if (message instanceof Tuple call && call.size() == 3 && GEN_CALL.equals(call.get(0))
        && call.get(1) instanceof Tuple from && from.size() == 2
        && call.get(2) instanceof Tuple request && request.size() == 2
        && IS_AUTH.equals(request.get(0))) {
      reply(connection, from.get(0), from.get(1), YES);
    } else {
      LOG.log(System.Logger.Level.DEBUG, "net_kernel ignores " + message);
    }
  }

  /** {@code gen:reply/2}: to the alias when the tag is {@code [alias|Ref]}, else to the pid. */
  private void reply(Connection connection, Object to, Object tag, Object value) {
    if (tag instanceof ImproperList alias && alias.tail() instanceof ErlRef ref) {
      connection.send(Tuple.of((long) Control.ALIAS_SEND, systemPid, ref), Tuple.of(tag, value));
    } else {
      connection.send(Tuple.of((long) Control.SEND_SENDER, systemPid, to), Tuple.of(tag, value));
    }
  }

  boolean isVirtualName(Atom name) {
    return name.equals(NET_KERNEL);
  }
}
