package dev.arbor.internal;

import dev.arbor.ExitReason;
import dev.arbor.NodeDown;
import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.remote.Distribution;
import dev.arbor.remote.RemoteCalls;
import dev.arbor.remote.RemoteRequests;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Signals from local processes to processes on other nodes, through the attached {@link
 * Distribution}, and the pids and references the distribution layer builds. {@code Proc} comes here
 * only for a pid that names no live local process, so a local send, link, monitor or exit pays
 * nothing for distribution but the check that sends it here.
 *
 * <p>Erlang's rules when the other node cannot be reached: while no node is started, or when the
 * distribution layer cannot reach the node at all, a send or {@code exit/2} is dropped, a link gives
 * the linker an exit signal with {@code noconnection}, a monitor of a pid a {@code Down} with {@code
 * noconnection}. A monitor of a remote name and a node monitor are refused while no node is started
 * (Erlang's {@code badarg} and {@code notalive}), and fire at once when the node cannot be reached. A pid of an earlier life of this node
 * (its name with another creation), or a local pid whose process is gone, names a process that does
 * not exist: a link gives {@code noproc}, a monitor a {@code Down} with {@code noproc}.
 */
public final class Remote {
  private static volatile NodeAttachment attached;
  /** Serializes attach and detach only; never taken on a process's path. */
  private static final ReentrantLock ATTACHING = new ReentrantLock();

  private Remote() {}

  // ---------------------------------------------------------------- the started node

  /** Makes {@code distribution} the local node; see {@code LocalNode.attach}. */
  public static NodeAttachment attach(Distribution distribution) {
    String name = distribution.nodeName();
    if (name == null || name.indexOf('@') <= 0) {
      throw new IllegalArgumentException("a node name is name@host; the distribution gave " + name);
    }
    ATTACHING.lock();
    try {
      if (attached != null) {
        throw new IllegalStateException("a node is already started here: " + attached.distribution.nodeName());
      }
      NodeAttachment a = new NodeAttachment(distribution);
      NodeIdentity.set(name, distribution.creation());
      attached = a;
      return a;
    } finally {
      ATTACHING.unlock();
    }
  }

  static void detached(NodeAttachment a) {
    ATTACHING.lock();
    try {
      if (attached == a) {
        attached = null;
        NodeIdentity.reset();
      }
    } finally {
      ATTACHING.unlock();
    }
  }

  /** How the started node reads other nodes' requests to local servers; null while no node is started. */
  public static RemoteRequests requests() {
    NodeAttachment a = attached;
    return a == null ? null : a.distribution.requests();
  }

  /** How local processes call servers on other nodes; null while no node is started. */
  public static RemoteCalls calls() {
    NodeAttachment a = attached;
    return a == null ? null : a.distribution.calls();
  }

  /** The connection bookkeeping for {@code node}, connecting if needed; null when it cannot be reached. */
  private static RemoteNode reach(String node) {
    NodeAttachment a = attached;
    return a == null ? null : a.reach(node);
  }

  /** The bookkeeping for {@code node} if a connection is known; never connects. */
  private static RemoteNode known(String node) {
    NodeAttachment a = attached;
    return a == null ? null : a.known(node);
  }

  /**
   * Whether {@code pid} names a process that cannot exist: a local pid whose process is gone, or a
   * pid of an earlier life of this node.
   */
  private static boolean cannotExist(Pid pid) {
    return pid.isLocal() || pid.node().equals(NodeIdentity.name());
  }

  // ---------------------------------------------------------------- pids and references

  /** See {@code Handles.pid}. */
  public static Pid pid(String node, int id, int serial, int creation) {
    long number = ((long) serial << 32) | (id & 0xFFFFFFFFL);
    if (NodeIdentity.isLocal(node, creation)) {
      Pid standIn = Secrets.access().newPid(number, GoneLocal.INSTANCE);
      Process p = ProcessTable.live(standIn);
      return p != null ? p.pid : standIn;
    }
    RemoteAddress address = new RemoteAddress(node, creation);
    Pid pid = Secrets.access().newPid(number, address);
    address.pid = pid;
    return pid;
  }

  public static int creation(Pid pid) {
    return Secrets.access().endpoint(pid).creation();
  }

  public static String localName() {
    return NodeIdentity.name();
  }

  public static int localCreation() {
    return NodeIdentity.creation();
  }

  public static long refNumber(Ref ref) {
    return Secrets.access().id(ref);
  }

  public static Ref ref(long number) {
    return Secrets.access().ref(number);
  }

  // ---------------------------------------------------------------- messages

  /** {@code from} (null for a thread without a process) sends to {@code to}, which names no live local process. */
  public static void send(Process from, Pid to, Object message) {
    if (cannotExist(to)) {
      return;
    }
    RemoteNode n = reach(to.node());
    if (n == null) {
      return;
    }
    if (from == null) {
      n.signal(c -> c.send(null, to, message));
      return;
    }
    from.sending = true; // as for a local send: the sender's exit signals follow its messages
    try {
      from.checkAlive();
      n.signal(c -> c.send(from.pid, to, message));
    } finally {
      from.sending = false;
    }
  }

  /** {@code from} sends to the process registered as {@code name} on another node. */
  public static void sendNamed(Process from, String name, String node, Object message) {
    RemoteNode n = reach(node);
    if (n == null) {
      return;
    }
    if (from == null) {
      n.signal(c -> c.sendNamed(null, name, message));
      return;
    }
    from.sending = true;
    try {
      from.checkAlive();
      n.signal(c -> c.sendNamed(from.pid, name, message));
    } finally {
      from.sending = false;
    }
  }

  // ---------------------------------------------------------------- links and exit signals

  /** {@code me} links to {@code other}, which names no live local process. */
  public static void link(Process me, Pid other) {
    if (!Links.add(me, other)) {
      me.checkAlive();
    }
    RemoteNode n = cannotExist(other) ? null : reach(other.node());
    if (n == null) {
      if (Links.remove(me, other)) {
        Exits.signal(other, me, cannotExist(other) ? ExitReason.noproc() : ExitReason.noconnection(), true);
      }
      return;
    }
    n.signal(c -> c.link(me.pid, other));
    n.addLink(me, other);
    ExitReason r = me.exitReason;
    if (r != null && n.removeLink(me, other)) {
      // Killed meanwhile, and its exit missed the link: the peer must still hear of it.
      n.signal(c -> c.linkExit(me.pid, other, r));
    }
  }

  public static void unlink(Process me, Pid other) {
    if (Links.remove(me, other)) {
      RemoteNode n = cannotExist(other) ? null : known(other.node());
      if (n != null && n.removeLink(me, other)) {
        n.signal(c -> c.unlink(me.pid, other));
      }
    }
  }

  /** {@code exit(target, reason)} from {@code me} to a process of another node. */
  public static void exit(Process me, Pid target, ExitReason reason) {
    RemoteNode n = cannotExist(target) ? null : reach(target.node());
    if (n != null) {
      n.signal(c -> c.exit(me.pid, target, reason));
    }
  }

  /** {@code p} exited with {@code reason} while linked to {@code remote}: the peer gets its exit signal. */
  static void linkedProcessExited(Process p, Pid remote, ExitReason reason) {
    RemoteNode n = cannotExist(remote) ? null : known(remote.node());
    if (n != null && n.removeLink(p, remote)) {
      n.signal(c -> c.linkExit(p.pid, remote, reason));
    }
  }

  // ---------------------------------------------------------------- monitors

  /** {@code me} monitors {@code target}, which names no live local process. */
  public static Monitor monitor(Process me, Pid target) {
    boolean missing = cannotExist(target);
    return monitor(me, missing ? null : reach(target.node()), target, null,
        missing ? ExitReason.noproc() : ExitReason.noconnection());
  }

  /**
   * {@code me} monitors whoever is registered as {@code name} on {@code node}, another node. Erlang
   * refuses it ({@code badarg}) while no node is started here.
   */
  public static Monitor monitorName(Process me, String name, String node) {
    requireStartedNode("monitor {" + name + "," + node + "}");
    return monitor(me, reach(node), null, name, ExitReason.noconnection());
  }

  private static void requireStartedNode(String what) {
    if (attached == null) {
      throw new IllegalStateException("cannot " + what + ": no node is started here (Erlang: the node is not alive)");
    }
  }

  private static Monitor monitor(Process me, RemoteNode n, Pid target, String name, ExitReason unreachable) {
    RemoteMonitor m = new RemoteMonitor(me, n, target, name);
    Monitors.hold(me, m);
    if (n == null || !n.addMonitor(m)) {
      m.fireDown(target, n == null ? unreachable : ExitReason.noconnection());
      return m;
    }
    if (target != null) {
      n.signal(c -> c.monitor(me.pid, target, m.ref));
    } else {
      n.signal(c -> c.monitorName(me.pid, name, m.ref));
    }
    if (me.exitReason != null) {
      m.unwatch(); // killed meanwhile: its exit may have missed this monitor
    }
    return m;
  }

  /** A monitor of a name that no process holds: its {@code Down} (pid null, {@code noproc}) is already in {@code me}'s mailbox. */
  public static Monitor noproc(Process me) {
    return monitor(me, null, null, null, ExitReason.noproc());
  }

  /**
   * Erlang's {@code monitor_node(node, true)}: a {@link NodeDown} when the connection to {@code node}
   * is lost, or at once when it cannot be made. Erlang refuses it ({@code notalive}) while no node is
   * started here.
   */
  public static void monitorNode(Process me, String node) {
    requireStartedNode("monitor the node " + node);
    if (node.equals(NodeIdentity.name())) {
      return; // this node cannot be lost to itself
    }
    RemoteNode n = reach(node);
    if (n == null) {
      me.deliver(new NodeDown(node));
      return;
    }
    NodeWatch w = new NodeWatch(me, n);
    if (!me.addExitHook(w)) {
      me.checkAlive();
    }
    if (!n.addNodeWatch(w)) {
      w.fire(new NodeDown(node));
    }
  }

  /** Erlang's {@code monitor_node(node, false)}: removes one node monitor; returns whether there was one. */
  public static boolean demonitorNode(Process me, String node) {
    RemoteNode n = known(node);
    NodeWatch w = n == null ? null : n.nodeWatchOf(me);
    if (w == null || !n.removeNodeWatch(w)) {
      return false;
    }
    me.removeExitHook(w);
    return true;
  }
}
