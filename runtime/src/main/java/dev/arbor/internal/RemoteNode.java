package dev.arbor.internal;

import dev.arbor.ExitReason;
import dev.arbor.NodeDown;
import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.remote.NodeConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What the runtime knows about one connection to another node: the links, monitors and node
 * monitors across it, so that its loss can fire each of them with {@code noconnection}.
 *
 * <p>These indexes are not where a link or monitor lives: a link lives in the local process's link
 * set, a monitor in its watcher's held list or its target's watches, and whoever takes it from there
 * owns what follows. The indexes only let {@link #lose()} find them. Each add checks {@link #closed}
 * after adding: either it sees the loss and undoes itself, or the loss, which sets {@code closed}
 * before it walks the indexes, sees the entry.
 */
final class RemoteNode {
  /** A link between a local process and a process of this node. */
  record Link(Process local, Pid remote) {}

  final NodeConnection connection;
  final String node;
  private volatile boolean closed;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  /** Monitors local processes hold on processes of this node, by their (local) reference. */
  private final ConcurrentHashMap<Ref, RemoteMonitor> monitors = new ConcurrentHashMap<>();
  /** Monitors processes of this node hold on local ones, by the remote reference. */
  private final ConcurrentHashMap<Object, RemoteWatch> watches = new ConcurrentHashMap<>();
  private final Set<NodeWatch> nodeWatches = ConcurrentHashMap.newKeySet();

  RemoteNode(NodeConnection connection) {
    this.connection = connection;
    this.node = connection.node();
  }

  /** The entry of a connection lost before the runtime ever used it: closed from the start. */
  static RemoteNode tombstone(NodeConnection connection) {
    RemoteNode n = new RemoteNode(connection);
    n.closed = true;
    return n;
  }

  /** Hands a signal to the connection; see {@link #signal(NodeConnection, Consumer)}. */
  void signal(Consumer<NodeConnection> s) {
    signal(connection, s);
  }

  /**
   * Hands a signal to {@code c}. A connection must queue and return; one that throws loses that
   * signal, logged, rather than the exit or the reader thread that was sending it.
   */
  static void signal(NodeConnection c, Consumer<NodeConnection> s) {
    try {
      s.accept(c);
    } catch (RuntimeException e) {
      Reports.connectionFailed(c.node(), e);
    }
  }

  boolean isClosed() {
    return closed;
  }

  // ---------------------------------------------------------------- links

  /** Indexes the link {@code local}–{@code remote} (already in {@code local}'s link set). */
  void addLink(Process local, Pid remote) {
    Link l = new Link(local, remote);
    links.add(l);
    if (closed && links.remove(l) && Links.remove(local, remote)) {
      Exits.signal(remote, local, ExitReason.noconnection(), true);
    }
  }

  /** Forgets the link's index entry; true if it was there (the connection has not been lost meanwhile). */
  boolean removeLink(Process local, Pid remote) {
    return links.remove(new Link(local, remote));
  }

  // ---------------------------------------------------------------- monitors held by local processes

  /** Indexes {@code m}; false, adding nothing, if the connection is lost (the caller fires it). */
  boolean addMonitor(RemoteMonitor m) {
    monitors.put(m.ref, m);
    return !closed || !monitors.remove(m.ref, m);
  }

  /** Takes {@code m} out; true for the one caller that found it (a demonitor, the watcher's exit, its Down, the loss). */
  boolean removeMonitor(RemoteMonitor m) {
    return monitors.remove(m.ref, m);
  }

  RemoteMonitor takeMonitor(Ref ref) {
    return monitors.remove(ref);
  }

  // ---------------------------------------------------------------- monitors held by remote processes

  /** Indexes {@code w}; false if the connection is lost or the remote reused {@code w}'s reference. */
  boolean addWatch(RemoteWatch w) {
    if (watches.putIfAbsent(w.ref, w) != null) {
      return false;
    }
    return !closed || !watches.remove(w.ref, w);
  }

  boolean removeWatch(RemoteWatch w) {
    return watches.remove(w.ref, w);
  }

  RemoteWatch takeWatch(Object ref) {
    return watches.remove(ref);
  }

  // ---------------------------------------------------------------- node monitors

  boolean addNodeWatch(NodeWatch w) {
    nodeWatches.add(w);
    return !closed || !nodeWatches.remove(w);
  }

  /** One node monitor {@code watcher} holds on this node, or null. */
  NodeWatch nodeWatchOf(Process watcher) {
    for (NodeWatch w : nodeWatches) {
      if (w.watcher == watcher) {
        return w;
      }
    }
    return null;
  }

  boolean removeNodeWatch(NodeWatch w) {
    return nodeWatches.remove(w);
  }

  // ---------------------------------------------------------------- the loss

  /** The connection is gone: fires every link, monitor and node monitor across it, once. Idempotent. */
  void lose() {
    closed = true;
    ExitReason noconnection = ExitReason.noconnection();
    for (Link l : links) {
      if (links.remove(l) && Links.remove(l.local(), l.remote())) {
        Exits.signal(l.remote(), l.local(), noconnection, true);
      }
    }
    for (RemoteMonitor m : monitors.values()) {
      if (monitors.remove(m.ref, m)) {
        m.fireDown(m.targetPid(), noconnection);
      }
    }
    for (RemoteWatch w : watches.values()) {
      if (watches.remove(w.ref, w)) {
        w.local.removeWatch(w); // no Down can reach the watcher: its node is gone
      }
    }
    for (NodeWatch w : nodeWatches) {
      if (nodeWatches.remove(w)) {
        w.fire(new NodeDown(node));
      }
    }
  }
}
