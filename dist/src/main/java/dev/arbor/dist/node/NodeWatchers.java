package dev.arbor.dist.node;

import dev.arbor.NodeDown;
import dev.arbor.Pid;
import dev.arbor.dist.NodeUp;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Erlang's {@code net_kernel:monitor_nodes(true)}: the local processes that hear of every
 * connection that comes up ({@link NodeUp}) and goes away ({@link NodeDown}). For each node a
 * watcher sees up and down strictly alternate, starting with up, as Erlang promises; a connection
 * that fails before it was announced gives neither. Each announcement names the connection it is
 * about, so a late report of an old connection's loss cannot take down a newer one's.
 */
final class NodeWatchers {
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<Pid> watchers = new LinkedHashSet<>();
  private final Map<String, Object> announced = new HashMap<>();

  void add(Pid watcher) {
    lock.lock();
    try {
      watchers.add(watcher);
    } finally {
      lock.unlock();
    }
  }

  boolean remove(Pid watcher) {
    lock.lock();
    try {
      return watchers.remove(watcher);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Announces {@code node} as up through {@code connection} if {@code stillUp} holds. The check
   * runs under the lock that {@link #down} takes, so a connection that closes at this moment is
   * announced up then down, or not at all: never down before up.
   */
  void up(String node, Object connection, BooleanSupplier stillUp) {
    lock.lock();
    try {
      if (stillUp.getAsBoolean() && announced.putIfAbsent(node, connection) == null) {
        tell(new NodeUp(node));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Announces {@code node} as down, if it was announced up through {@code connection}. */
  void down(String node, Object connection) {
    lock.lock();
    try {
      if (announced.remove(node, connection)) {
        tell(new NodeDown(node));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Sends never block; a watcher that exited without unsubscribing is dropped here. */
  private void tell(Object event) {
    watchers.removeIf(watcher -> !watcher.isAlive());
    for (Pid watcher : watchers) {
      watcher.send(event);
    }
  }
}
