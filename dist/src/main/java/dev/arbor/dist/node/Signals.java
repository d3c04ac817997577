package dev.arbor.dist.node;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.NodeDown;
import dev.arbor.dist.RemoteDown;
import dev.arbor.dist.connection.Connection;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.ErlRef;
import dev.arbor.dist.term.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Links, monitors and exit signals across connections, both ways, and what happens to them when a
 * connection drops: every link and monitor across it fires with {@code noconnection}.
 */
final class Signals {
  private static final System.Logger LOG = System.getLogger(Signals.class.getName());

  private record LinkKey(Pid local, ErlPid remote) {}

  /** A local process's monitor of a remote target. */
  private record Outbound(Pid watcher, Object target, String node) {}

  /** A remote process's monitor of a local target, held by a watcher process. */
  private static final class Inbound {
    final String node;
    volatile Pid watcherProcess;

    Inbound(String node) {
      this.node = node;
    }

    void stop() {
      Pid watcher = watcherProcess;
      if (watcher != null) {
        Proc.send(watcher, STOP);
      }
    }
  }

  /** Tells a watcher of a local process that the remote side demonitored or went away. */
  private static final Object STOP = new Object();

  private final NodeCore node;
  private final Map<LinkKey, Pid> links = new ConcurrentHashMap<>();
  private final Map<ErlRef, Outbound> outbound = new ConcurrentHashMap<>();
  private final Map<ErlRef, Inbound> inbound = new ConcurrentHashMap<>();
  private final Map<String, List<Pid>> nodeWatchers = new ConcurrentHashMap<>();
  private final AtomicLong unlinkIds = new AtomicLong();

  Signals(NodeCore node) {
    this.node = node;
  }

  // ------------------------------------------------------------------ from the wire

  void onControl(Connection connection, int op, Tuple control) {
    switch (op) {
      case Control.LINK -> remoteLink(connection,
          remotePid(NodeCore.arg(control, 1, 3)), control.get(2));
      case Control.UNLINK_ID -> {
        ErlPid from = remotePid(NodeCore.arg(control, 2, 4));
        Object to = control.get(3);
        Pid local = node.pids().local(to);
        if (local != null) {
          Pid proxy = links.get(new LinkKey(local, from));
          if (proxy != null) {
            Proc.send(proxy, new LinkProxy.Unlinked());
          }
        }
        connection.send(Tuple.of((long) Control.UNLINK_ID_ACK, control.get(1), to, from), null);
      }
      case Control.UNLINK_ID_ACK -> NodeCore.arg(control, 1, 4);
      case Control.EXIT -> {
        ErlPid from = remotePid(NodeCore.arg(control, 1, 4));
        Pid local = node.pids().local(control.get(2));
        Pid proxy = local == null ? null : links.get(new LinkKey(local, from));
        if (proxy != null) {
          Proc.send(proxy, new LinkProxy.RemoteExited(Reasons.fromWire(control.get(3))));
        }
      }
      case Control.EXIT2 -> {
        NodeCore.arg(control, 1, 4);
        Pid local = node.pids().local(control.get(2));
        ExitReason reason = Reasons.fromWire(control.get(3));
        if (local != null) {
          Proc.spawn(() -> Proc.exit(local, reason));
        }
      }
      case Control.MONITOR_P -> remoteMonitor(connection, NodeCore.arg(control, 1, 4),
          control.get(2), control.get(3));
      case Control.DEMONITOR_P -> {
        if (NodeCore.arg(control, 3, 4) instanceof ErlRef ref) {
          Inbound monitor = inbound.remove(ref);
          if (monitor != null) {
            monitor.stop();
          }
        }
      }
      case Control.MONITOR_P_EXIT -> {
        if (NodeCore.arg(control, 3, 5) instanceof ErlRef ref) {
          Outbound monitor = outbound.remove(ref);
          if (monitor != null) {
            Proc.send(monitor.watcher(), new RemoteDown(ref, monitor.target(),
                Reasons.fromWire(control.get(4))));
          }
        }
      }
      case Control.GROUP_LEADER -> LOG.log(System.Logger.Level.DEBUG,
          "ignored GROUP_LEADER from " + connection.peer().name());
      default -> LOG.log(System.Logger.Level.WARNING, "ignored an unknown control message from "
          + connection.peer().name() + ": " + control);
    }
  }

  private static ErlPid remotePid(Object value) {
    if (value instanceof ErlPid pid) {
      return pid;
    }
    throw new IllegalArgumentException("expected a remote pid in a control message, got "
        + value);
  }

  private void remoteLink(Connection connection, ErlPid remote, Object to) {
    Pid local = node.pids().local(to);
    if (local == null) {
      connection.send(Tuple.of((long) Control.EXIT, to, remote, Atom.of("noproc")), null);
      return;
    }
    startProxy(local, remote, connection);
  }

  private void startProxy(Pid local, ErlPid remote, Connection connection) {
    LinkKey key = new LinkKey(local, remote);
    if (!links.containsKey(key)) {
      LinkProxy.start(local, remote, connection, proxy -> links.putIfAbsent(key, proxy) == null,
          proxy -> links.remove(key, proxy));
    }
  }

  private void remoteMonitor(Connection connection, Object from, Object target, Object refTerm) {
    if (!(refTerm instanceof ErlRef ref)) {
      throw new IllegalArgumentException("MONITOR_P without a reference: " + refTerm);
    }
    Optional<Pid> local;
    if (target instanceof Atom name) {
      if (node.isVirtualName(name)) {
        return; // net_kernel lives as long as the node: its monitor never fires
      }
      local = Proc.whereis(name.name());
    } else {
      local = Optional.ofNullable(node.pids().local(target)).filter(Pid::isAlive);
    }
    if (local.isEmpty()) {
      connection.send(Tuple.of((long) Control.MONITOR_P_EXIT, target, from, ref,
          Atom.of("noproc")), null);
      return;
    }
    Pid watched = local.get();
    // The monitor must exist before the next signal on this connection is handled, as in
    // Erlang: wait (briefly) for the watcher to set it up.
    java.util.concurrent.CountDownLatch monitoring = new java.util.concurrent.CountDownLatch(1);
    Inbound entry = new Inbound(connection.peer().name());
    inbound.put(ref, entry);
    entry.watcherProcess = Proc.spawn(() -> {
      dev.arbor.Ref monitor;
      try {
        monitor = Proc.monitor(watched);
      } finally {
        monitoring.countDown();
      }
      while (true) {
        Object message = Proc.receive();
        if (message == STOP) {
          return;
        }
        if (message instanceof Down down && down.ref().equals(monitor)) {
          if (inbound.remove(ref) != null) {
            connection.send(Tuple.of((long) Control.MONITOR_P_EXIT, target, from, ref,
                Reasons.toWire(down.reason())), null);
          }
          return;
        }
      }
    });
    try {
      monitoring.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ to the wire

  void link(Pid local, ErlPid remote, Connection connection) {
    startProxy(local, remote, connection);
    connection.send(Tuple.of((long) Control.LINK, local, remote), null);
  }

  void unlink(Pid local, ErlPid remote, Connection connection) {
    Pid proxy = links.get(new LinkKey(local, remote));
    if (proxy != null) {
      Proc.send(proxy, new LinkProxy.Unlinked());
      connection.send(Tuple.of((long) Control.UNLINK_ID, unlinkIds.incrementAndGet(), local,
          remote), null);
    }
  }

  ErlRef monitor(Pid watcher, Object target, Object wireTarget, Connection connection) {
    ErlRef ref = node.makeRef();
    outbound.put(ref, new Outbound(watcher, target, connection.peer().name()));
    connection.send(Tuple.of((long) Control.MONITOR_P, watcher, wireTarget, ref), null);
    return ref;
  }

  boolean demonitor(Pid watcher, ErlRef ref, Connection connection) {
    Outbound monitor = outbound.remove(ref);
    if (monitor == null) {
      return false;
    }
    Object wireTarget = monitor.target() instanceof Tuple named ? named.get(0) : monitor.target();
    connection.send(Tuple.of((long) Control.DEMONITOR_P, watcher, wireTarget, ref), null);
    return true;
  }

  void monitorNode(Pid watcher, String peer) {
    nodeWatchers.computeIfAbsent(peer, p -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(watcher);
  }

  // ------------------------------------------------------------------ connection loss

  void connectionLost(Connection connection) {
    String peer = connection.peer().name();
    ExitReason noconnection = ExitReason.noconnection();
    links.forEach((key, proxy) -> {
      if (key.remote().node().name().equals(peer)) {
        Proc.send(proxy, new LinkProxy.RemoteExited(noconnection));
      }
    });
    outbound.forEach((ref, monitor) -> {
      if (monitor.node().equals(peer) && outbound.remove(ref, monitor)) {
        Proc.send(monitor.watcher(), new RemoteDown(ref, monitor.target(), noconnection));
      }
    });
    inbound.forEach((ref, monitor) -> {
      if (monitor.node.equals(peer) && inbound.remove(ref, monitor)) {
        monitor.stop();
      }
    });
    List<Pid> watchers = nodeWatchers.remove(peer);
    if (watchers != null) {
      watchers.forEach(w -> Proc.send(w, new NodeDown(peer)));
    }
  }

  void nodeUnreachable(Pid watcher, String peer) {
    Proc.send(watcher, new NodeDown(peer));
  }
}
