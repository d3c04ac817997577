package dev.arbor.internal;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.remote.Distribution;
import dev.arbor.remote.NodeConnection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A started node: its distribution, the connections the runtime knows, and every signal that
 * arrives from a peer ({@code LocalNode} delegates here). Signals from a peer are carried out as the
 * same signal from a local process would be, with the remote pid as sender.
 */
public final class NodeAttachment {
  final Distribution distribution;
  private final ConcurrentHashMap<String, RemoteNode> nodes = new ConcurrentHashMap<>();
  private volatile boolean detached;

  NodeAttachment(Distribution distribution) {
    this.distribution = distribution;
  }

  // ---------------------------------------------------------------- connections

  /**
   * The bookkeeping for {@code node}, asking the distribution to connect if none is known. It may be
   * closed: a connection the distribution handed out just before reporting it lost stays lost (its
   * tombstone wins), so a signal given to it fires at once with {@code noconnection} instead of
   * hanging on a connection that no one will ever report lost again.
   */
  RemoteNode reach(String node) {
    RemoteNode n = nodes.get(node);
    if (n != null && !n.isClosed()) {
      return n;
    }
    if (detached) {
      return null;
    }
    NodeConnection c = distribution.connect(node);
    if (c == null) {
      return null;
    }
    return nodes.merge(node, new RemoteNode(c),
        (old, fresh) -> old.connection == fresh.connection || !old.isClosed() ? old : fresh);
  }

  RemoteNode known(String node) {
    return nodes.get(node);
  }

  /** The bookkeeping for {@code c}, which a signal just arrived on; a connection the runtime did not know replaces the one it did. */
  private RemoteNode of(NodeConnection c) {
    RemoteNode[] replaced = new RemoteNode[1];
    RemoteNode n = nodes.compute(c.node(), (k, old) -> {
      if (old != null && old.connection == c) {
        return old;
      }
      replaced[0] = old;
      return new RemoteNode(c);
    });
    if (replaced[0] != null) {
      replaced[0].lose(); // the distribution moved on from it without saying so
    }
    return n;
  }

  /**
   * Fires everything across {@code c}. Its entry stays, closed, as a tombstone: a signal that got
   * {@code c} from {@link #reach} just before the loss then finds it closed instead of installing it
   * anew; the next {@code reach} for the node replaces it with a fresh connection.
   */
  public void connectionLost(NodeConnection c) {
    RemoteNode[] live = new RemoteNode[1];
    nodes.compute(c.node(), (k, old) -> {
      if (old != null && old.connection == c) {
        live[0] = old;
        return old;
      }
      return old == null || old.isClosed() ? RemoteNode.tombstone(c) : old;
    });
    if (live[0] != null) {
      live[0].lose();
    }
  }

  public void detach() {
    if (detached) {
      return;
    }
    detached = true;
    for (RemoteNode n : nodes.values()) {
      n.lose();
    }
    Remote.detached(this);
  }

  /** The live local process {@code pid} names, or null. */
  private static Process local(Pid pid) {
    if (!pid.isLocal()) {
      return null;
    }
    Process p = Process.of(pid);
    return p != null && p.isAlive() ? p : null;
  }

  // ---------------------------------------------------------------- messages

  public void send(Pid from, Pid to, Object message) {
    Process p = local(to);
    if (p != null && !detached) {
      p.deliver(message);
    }
  }

  public void sendNamed(Pid from, String name, Object message) {
    Process p = ProcessTable.whereis(name);
    if (p != null && !detached) {
      p.deliver(message);
    }
  }

  // ---------------------------------------------------------------- links and exit signals

  public void link(NodeConnection c, Pid from, Pid to) {
    if (detached) {
      return;
    }
    Process p = local(to);
    if (p == null || !Links.add(p, from)) {
      RemoteNode.signal(c, out -> out.linkExit(to, from, ExitReason.noproc()));
      return;
    }
    RemoteNode n = of(c);
    n.addLink(p, from);
    ExitReason r = p.exitReason;
    if (r != null && n.removeLink(p, from)) {
      RemoteNode.signal(c, out -> out.linkExit(p.pid, from, r)); // it exited meanwhile, before its exit could see the link's index
    }
  }

  public void unlink(NodeConnection c, Pid from, Pid to) {
    Process p = local(to);
    if (p != null && Links.remove(p, from)) {
      RemoteNode n = nodes.get(c.node());
      if (n != null) {
        n.removeLink(p, from);
      }
    }
  }

  public void linkExit(NodeConnection c, Pid from, Pid to, ExitReason reason) {
    Process p = local(to);
    if (p != null && !detached && Links.remove(p, from)) {
      RemoteNode n = nodes.get(c.node());
      if (n != null) {
        n.removeLink(p, from);
      }
      Exits.signal(from, p, reason, true);
    }
  }

  public void exit(NodeConnection c, Pid from, Pid to, ExitReason reason) {
    Process p = local(to);
    if (p != null && !detached) {
      Exits.signal(from, p, reason, false);
    }
  }

  // ---------------------------------------------------------------- monitors

  public void monitor(NodeConnection c, Pid watcher, Pid target, Object ref) {
    if (detached) {
      return;
    }
    Process p = local(target);
    if (p == null) {
      RemoteNode.signal(c, out -> out.down(target, watcher, ref, ExitReason.noproc()));
    } else {
      watch(of(c), watcher, ref, p, null);
    }
  }

  public void monitorName(NodeConnection c, Pid watcher, String name, Object ref) {
    if (detached) {
      return;
    }
    Process p = ProcessTable.whereis(name);
    if (p == null) {
      RemoteNode.signal(c, out -> out.downName(name, watcher, ref, ExitReason.noproc()));
    } else {
      watch(of(c), watcher, ref, p, name);
    }
  }

  private static void watch(RemoteNode n, Pid watcher, Object ref, Process p, String name) {
    RemoteWatch w = new RemoteWatch(n, watcher, ref, p, name);
    if (n.addWatch(w) && !p.addWatch(w) && n.removeWatch(w)) {
      w.sendDown(ExitReason.noproc()); // it exited between the lookup and the watch
    }
  }

  public void demonitor(NodeConnection c, Pid watcher, Object ref) {
    RemoteNode n = nodes.get(c.node());
    RemoteWatch w = n == null ? null : n.takeWatch(ref);
    if (w != null) {
      w.local.removeWatch(w);
    }
  }

  public void down(NodeConnection c, Ref ref, ExitReason reason) {
    RemoteNode n = nodes.get(c.node());
    RemoteMonitor m = n == null || n.connection != c ? null : n.takeMonitor(ref);
    if (m != null) {
      m.fireDown(m.target, reason);
    }
  }
}
