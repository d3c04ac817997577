package dev.arbor.remote;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.internal.HeldOutput;
import dev.arbor.internal.NodeAttachment;
import dev.arbor.internal.Remote;
import java.util.Objects;

/**
 * The local runtime as {@code arbor-dist} sees it: every signal that arrives from a peer is handed to
 * one of these methods, on the connection's reader thread, in the order it arrived. Obtained from
 * {@link #attach(Distribution)} when a node starts; at most one is attached at a time.
 *
 * <p>Pids given here are built with {@link Handles#pid}: {@code from} and {@code watcher} are pids of
 * the connection's node; {@code to} and {@code target} are local pids (a pid of another node, or of
 * an earlier life of this node, is treated as a process that does not exist). None of these methods
 * blocks for long or throws for a dead or unknown process; each throws {@link NullPointerException}
 * naming a null argument. After {@link #detach()} every call is ignored.
 */
public final class LocalNode {
  private final NodeAttachment attachment;

  private LocalNode(NodeAttachment attachment) {
    this.attachment = attachment;
  }

  /**
   * Makes {@code distribution} the local node: from now on local pids carry its name and creation, and
   * signals to remote pids go through its connections.
   *
   * @throws IllegalStateException if another distribution is attached
   */
  public static LocalNode attach(Distribution distribution) {
    Objects.requireNonNull(distribution, "distribution");
    return new LocalNode(Remote.attach(distribution));
  }

  /**
   * Ends this node: every connection still known is treated as lost ({@link #connectionLost}), then
   * local pids are {@code nonode@nohost} pids again. The implementation closes its connections
   * first. Idempotent.
   */
  public void detach() {
    attachment.detach();
  }

  // ---------------------------------------------------------------- messages

  /** {@code SEND_SENDER} / {@code SEND}: a message for the local process {@code to}; dropped if it is dead. {@code from} may be null. */
  public void send(Pid from, Pid to, Object message) {
    attachment.send(from, Objects.requireNonNull(to, "to"), Objects.requireNonNull(message, "message"));
  }

  /** {@code REG_SEND}: a message for the local process registered as {@code name}; dropped if none is, as in Erlang. */
  public void sendNamed(Pid from, String name, Object message) {
    attachment.sendNamed(from, Objects.requireNonNull(name, "name"), Objects.requireNonNull(message, "message"));
  }

  // ---------------------------------------------------------------- links and exit signals

  /**
   * {@code LINK}: the remote process {@code from} links to the local {@code to}. From now on {@code
   * to}'s exit is sent back as {@link NodeConnection#linkExit}, and a loss of {@code connection}
   * gives {@code to} an exit signal with {@code noconnection}. If {@code to} does not exist, {@code
   * linkExit(to, from, noproc)} goes back at once.
   */
  public void link(NodeConnection connection, Pid from, Pid to) {
    attachment.link(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(from, "from"),
        Objects.requireNonNull(to, "to"));
  }

  /** {@code UNLINK_ID}: the remote {@code from} removes its link to the local {@code to}; nothing if there was none. */
  public void unlink(NodeConnection connection, Pid from, Pid to) {
    attachment.unlink(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(from, "from"),
        Objects.requireNonNull(to, "to"));
  }

  /**
   * {@code EXIT}: the remote {@code from}, linked to the local {@code to}, exited with {@code reason}
   * (or answered a link with {@code noproc}). Delivered by Erlang's rules for a link's signal: {@code
   * to} dies unless the reason is {@code normal}, or receives {@link dev.arbor.Exit} if it traps
   * exits. Ignored when the two are not linked (the link was removed meanwhile).
   */
  public void linkExit(NodeConnection connection, Pid from, Pid to, ExitReason reason) {
    attachment.linkExit(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(from, "from"),
        Objects.requireNonNull(to, "to"), Objects.requireNonNull(reason, "reason"));
  }

  /**
   * {@code EXIT2}: the remote {@code from} called {@code exit(to, reason)}. Erlang's rules for {@code
   * exit/2}: {@code kill} kills even a trapping process (links then see {@code killed}), {@code
   * normal} is ignored unless {@code to} traps exits, anything else kills or becomes an {@link
   * dev.arbor.Exit} message.
   */
  public void exit(NodeConnection connection, Pid from, Pid to, ExitReason reason) {
    attachment.exit(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(from, "from"),
        Objects.requireNonNull(to, "to"), Objects.requireNonNull(reason, "reason"));
  }

  // ---------------------------------------------------------------- monitors

  /**
   * {@code MONITOR_P}: the remote {@code watcher} monitors the local {@code target} under its own
   * reference {@code ref} (any value with value equality: the implementation's model of a remote
   * reference). When {@code target} exits, {@link NodeConnection#down} goes back with {@code ref}; at
   * once with {@code noproc} if it does not exist.
   */
  public void monitor(NodeConnection connection, Pid watcher, Pid target, Object ref) {
    attachment.monitor(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(watcher, "watcher"),
        Objects.requireNonNull(target, "target"), Objects.requireNonNull(ref, "ref"));
  }

  /**
   * {@code MONITOR_P} with an atom: the remote {@code watcher} monitors whoever is registered as
   * {@code name} here now. The {@code Down} goes back as {@link NodeConnection#downName}, at once
   * with {@code noproc} when no process is registered under {@code name}.
   */
  public void monitorName(NodeConnection connection, Pid watcher, String name, Object ref) {
    attachment.monitorName(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(watcher, "watcher"),
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(ref, "ref"));
  }

  /** {@code DEMONITOR_P}: the remote {@code watcher} removes its monitor {@code ref}; nothing if it already fired. */
  public void demonitor(NodeConnection connection, Pid watcher, Object ref) {
    attachment.demonitor(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(watcher, "watcher"),
        Objects.requireNonNull(ref, "ref"));
  }

  /**
   * {@code MONITOR_P_EXIT}: the remote process that a local process monitors under {@code ref} (a
   * local reference, rebuilt with {@link Handles#ref(long)}) exited with {@code reason}, or never
   * existed ({@code noproc}). The watcher gets its {@link dev.arbor.Down}; ignored if it demonitored
   * meanwhile.
   */
  public void down(NodeConnection connection, Ref ref, ExitReason reason) {
    attachment.down(Objects.requireNonNull(connection, "connection"), Objects.requireNonNull(ref, "ref"),
        Objects.requireNonNull(reason, "reason"));
  }

  // ---------------------------------------------------------------- the connection

  /**
   * {@code connection} is gone (closed, timed out on ticks, failed its handshake): every local
   * process linked to a process of its node gets an exit signal with {@code noconnection} (from that
   * remote pid), every local monitor of a process there a {@code Down} with {@code noconnection},
   * every node monitor of its node a {@link dev.arbor.NodeDown}; monitors remote processes held on
   * local ones are dropped. The runtime then forgets the connection and asks {@link
   * Distribution#connect} again at the next signal for that node. Idempotent.
   */
  public void connectionLost(NodeConnection connection) {
    attachment.connectionLost(Objects.requireNonNull(connection, "connection"));
  }

  /**
   * Called by a connection on a sender's thread, right after it queued a frame in order: true when
   * the sender is a process that still has messages in its mailbox, which then holds {@code write}
   * (the connection's write of its queue, the same object every time) and runs it before it next
   * waits, when its thread ends, or within a millisecond, whichever comes first; false when the
   * connection should write now. A server answering a burst of requests from another node thus
   * sends its replies in one write, as a BEAM process's output leaves when it is scheduled out.
   */
  public static boolean holdWrite(Runnable write) {
    return HeldOutput.hold(Objects.requireNonNull(write, "write"));
  }
}
