package dev.arbor.dist.node;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.dist.connection.Connection;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Tuple;
import dev.arbor.remote.NodeConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The runtime's view of one peer ({@link NodeConnection}): it turns each signal into its control
 * message and hands it to the {@link Connection}, or holds it, in order, while the connection is
 * still being set up. Never blocks a process and never throws for a lost connection.
 */
final class Channel implements NodeConnection {
  private static final System.Logger LOG = System.getLogger(Channel.class.getName());

  private record Pending(Tuple control, Object payload) {}

  private final String node;
  private final Object systemPid;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong unlinkIds = new AtomicLong();
  private List<Pending> pending = new ArrayList<>();
  private volatile Connection connection;
  private volatile boolean failed;
  private final java.util.concurrent.CompletableFuture<Connection> ready =
      new java.util.concurrent.CompletableFuture<>();

  Channel(String node, Object systemPid) {
    this.node = node;
    this.systemPid = systemPid;
  }

  @Override
  public String node() {
    return node;
  }

  Connection connection() {
    return connection;
  }

  /** The handshake is done: what was held goes out first, in order. False if attached before. */
  boolean attach(Connection established) {
    lock.lock();
    try {
      if (connection != null || failed) {
        return false;
      }
      for (Pending p : pending) {
        sendNow(established, p.control(), p.payload());
      }
      pending = null;
      connection = established;
      ready.complete(established);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The connection could not be set up ({@code cause}) or is gone: what is held, and sent from now,
   * is dropped. Returns false, changing nothing, when a failed dial comes after another connection
   * (the peer's, in a simultaneous connect) was attached.
   */
  boolean fail(Exception cause, boolean connectionGone) {
    lock.lock();
    try {
      if (connection != null && !connectionGone) {
        return false;
      }
      failed = true;
      pending = null;
      ready.completeExceptionally(cause);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Completes when the connection is up, or exceptionally with why it could not be set up. */
  java.util.concurrent.CompletableFuture<Connection> ready() {
    return ready;
  }

  boolean isUp() {
    Connection c = connection;
    return c != null && c.isOpen();
  }

  void deliver(Tuple control, Object payload) {
    Connection c = connection;
    if (c == null) {
      lock.lock();
      try {
        c = connection;
        if (c == null) {
          if (!failed) {
            pending.add(new Pending(control, payload));
          }
          return;
        }
      } finally {
        lock.unlock();
      }
    }
    sendNow(c, control, payload);
  }

  private void sendNow(Connection c, Tuple control, Object payload) {
    try {
      c.send(control, payload);
    } catch (IllegalArgumentException notATerm) {
      // A message Erlang cannot represent: dropped, as a send to a lost node is, but said aloud.
      LOG.log(System.Logger.Level.WARNING, "dropped a message to " + node + ": "
          + notATerm.getMessage());
    }
  }

  private static Tuple control(int op, Object... rest) {
    Object[] elements = new Object[rest.length + 1];
    elements[0] = (long) op;
    System.arraycopy(rest, 0, elements, 1, rest.length);
    return Tuple.of(elements);
  }

  @Override
  public void send(Pid from, Pid to, Object message) {
    deliver(from == null ? control(Control.SEND, Atom.EMPTY, to)
        : control(Control.SEND_SENDER, from, to), message);
  }

  @Override
  public void sendNamed(Pid from, String name, Object message) {
    deliver(control(Control.REG_SEND, from == null ? systemPid : from, Atom.EMPTY,
        Atom.of(name)), message);
  }

  @Override
  public void link(Pid from, Pid to) {
    deliver(control(Control.LINK, from, to), null);
  }

  @Override
  public void unlink(Pid from, Pid to) {
    deliver(control(Control.UNLINK_ID, unlinkIds.incrementAndGet(), from, to), null);
  }

  @Override
  public void exit(Pid from, Pid to, ExitReason reason) {
    deliver(control(Control.EXIT2, from, to, Reasons.toWire(reason)), null);
  }

  @Override
  public void linkExit(Pid from, Pid to, ExitReason reason) {
    deliver(control(Control.EXIT, from, to, Reasons.toWire(reason)), null);
  }

  @Override
  public void monitor(Pid watcher, Pid target, Ref ref) {
    deliver(control(Control.MONITOR_P, watcher, target, ref), null);
  }

  @Override
  public void monitorName(Pid watcher, String name, Ref ref) {
    deliver(control(Control.MONITOR_P, watcher, Atom.of(name), ref), null);
  }

  @Override
  public void demonitor(Pid watcher, Pid target, Ref ref) {
    deliver(control(Control.DEMONITOR_P, watcher, target, ref), null);
  }

  @Override
  public void demonitorName(Pid watcher, String name, Ref ref) {
    deliver(control(Control.DEMONITOR_P, watcher, Atom.of(name), ref), null);
  }

  @Override
  public void down(Pid from, Pid watcher, Object ref, ExitReason reason) {
    deliver(control(Control.MONITOR_P_EXIT, from, watcher, ref, Reasons.toWire(reason)), null);
  }

  @Override
  public void downName(String name, Pid watcher, Object ref, ExitReason reason) {
    deliver(control(Control.MONITOR_P_EXIT, Atom.of(name), watcher, ref,
        Reasons.toWire(reason)), null);
  }

  @Override
  public String toString() {
    return "Channel[" + node + (isUp() ? "]" : failed ? ", failed]" : ", pending]");
  }
}
