package dev.arbor;

import dev.arbor.remote.Distribution;
import dev.arbor.remote.Handles;
import dev.arbor.remote.LocalNode;
import dev.arbor.remote.NodeConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * An in-memory stand-in for {@code arbor-dist}, so that the runtime's side of distribution can be
 * pinned without a wire. It attaches as the local node and hands out one {@link Peer} per node name;
 * each peer records every signal the runtime sends it, in order, and the test plays the remote node
 * by calling {@link #local} as a connection's reader would.
 */
final class FakeNode implements Distribution, AutoCloseable {
  /** What the runtime sent to a peer: the control message's name and its arguments. */
  record Signal(String op, Object a, Object b, Object c, Object d) {
    @Override
    public String toString() {
      return op + "(" + a + ", " + b + ", " + c + ", " + d + ")";
    }
  }

  /** One connection to a fake remote node. */
  final class Peer implements NodeConnection {
    final String node;
    final int creation;
    private final LinkedBlockingQueue<Signal> sent = new LinkedBlockingQueue<>();
    /** When set, every signal the runtime hands over throws, as a buggy implementation would. */
    volatile boolean broken;

    Peer(String node, int creation) {
      this.node = node;
      this.creation = creation;
    }

    /** A pid of a process on this peer. */
    Pid pid(int id) {
      return Handles.pid(node, id, 0, creation);
    }

    /** The next signal the runtime sent here that is {@code op}, skipping none: signals arrive in order. */
    Signal next(String op) {
      Signal s = poll(Waits.WAIT);
      if (s == null) {
        throw new AssertionError("no " + op + " sent to " + node + " within " + Waits.WAIT);
      }
      if (!s.op.equals(op)) {
        throw new AssertionError("expected " + op + " sent to " + node + ", got " + s);
      }
      return s;
    }

    /** The next signal, or null if none comes within {@code wait}. */
    Signal poll(Duration wait) {
      try {
        return sent.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /** Checks that nothing more was sent within {@code window}: for what must not happen. */
    void nothingMore(Duration window, String what) {
      Signal s = poll(window);
      if (s != null) {
        throw new AssertionError(what + ", but " + s + " was sent");
      }
    }

    /** Waits for the first signal {@code match} accepts, dropping the ones before it. */
    Signal await(Predicate<Signal> match, String what) {
      long deadline = System.nanoTime() + Waits.WAIT.toNanos();
      for (; ; ) {
        Signal s = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        if (s == null) {
          throw new AssertionError("no " + what + " sent to " + node + " within " + Waits.WAIT);
        }
        if (match.test(s)) {
          return s;
        }
      }
    }

    private void record(String op, Object a, Object b, Object c, Object d) {
      if (broken) {
        throw new IllegalStateException("broken connection to " + node + " refuses " + op);
      }
      sent.add(new Signal(op, a, b, c, d));
    }

    @Override
    public String node() {
      return node;
    }

    @Override
    public void send(Pid from, Pid to, Object message) {
      record("send", from, to, message, null);
    }

    @Override
    public void sendNamed(Pid from, String name, Object message) {
      record("sendNamed", from, name, message, null);
    }

    @Override
    public void link(Pid from, Pid to) {
      record("link", from, to, null, null);
    }

    @Override
    public void unlink(Pid from, Pid to) {
      record("unlink", from, to, null, null);
    }

    @Override
    public void exit(Pid from, Pid to, ExitReason reason) {
      record("exit", from, to, reason, null);
    }

    @Override
    public void linkExit(Pid from, Pid to, ExitReason reason) {
      record("linkExit", from, to, reason, null);
    }

    @Override
    public void monitor(Pid watcher, Pid target, Ref ref) {
      record("monitor", watcher, target, ref, null);
    }

    @Override
    public void monitorName(Pid watcher, String name, Ref ref) {
      record("monitorName", watcher, name, ref, null);
    }

    @Override
    public void demonitor(Pid watcher, Pid target, Ref ref) {
      record("demonitor", watcher, target, ref, null);
    }

    @Override
    public void demonitorName(Pid watcher, String name, Ref ref) {
      record("demonitorName", watcher, name, ref, null);
    }

    @Override
    public void down(Pid from, Pid watcher, Object ref, ExitReason reason) {
      record("down", from, watcher, ref, reason);
    }

    @Override
    public void downName(String name, Pid watcher, Object ref, ExitReason reason) {
      record("downName", name, watcher, ref, reason);
    }
  }

  private final String name;
  private final int creation;
  private final Map<String, Peer> peers = new ConcurrentHashMap<>();
  /** Node names that cannot be reached: {@link #connect} answers null for them. */
  private final Map<String, Boolean> unreachable = new ConcurrentHashMap<>();
  final LocalNode local;

  FakeNode(String name, int creation) {
    this.name = name;
    this.creation = creation;
    this.local = LocalNode.attach(this);
  }

  /** The connection to {@code node}, made now if there is none (creation 1 for a new node). */
  Peer peer(String node) {
    return peers.computeIfAbsent(node, n -> new Peer(n, 1));
  }

  /** A fresh connection to {@code node} whose node restarted with {@code creation}. */
  Peer reconnect(String node, int creation) {
    Peer p = new Peer(node, creation);
    peers.put(node, p);
    return p;
  }

  /** The connection to {@code node} is gone: the runtime is told, as a connection's reader would. */
  void drop(Peer peer) {
    peers.remove(peer.node, peer);
    local.connectionLost(peer);
  }

  void makeUnreachable(String node) {
    unreachable.put(node, true);
  }

  @Override
  public String nodeName() {
    return name;
  }

  @Override
  public int creation() {
    return creation;
  }

  @Override
  public NodeConnection connect(String node) {
    Objects.requireNonNull(node, "node");
    if (node.equals(name)) {
      throw new AssertionError("the runtime asked to connect to its own node");
    }
    return unreachable.containsKey(node) ? null : peer(node);
  }

  @Override
  public void close() {
    local.detach();
  }
}
