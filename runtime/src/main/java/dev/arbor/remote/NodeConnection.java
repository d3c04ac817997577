package dev.arbor.remote;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Ref;

/**
 * One connection to another node, implemented by {@code arbor-dist}: the runtime calls it for every
 * signal a local process sends to a process of that node. Each method queues the signal (the control
 * message named in brackets, from Erlang's distribution protocol) and returns at once; none throws
 * for a connection that is lost or failed: the signal is dropped, and {@link
 * LocalNode#connectionLost} settles what was linked or monitored. {@code from}, {@code watcher} and
 * the like are always local pids; {@code to} and {@code target} always pids of {@link #node()}.
 *
 * <p>Threads: the runtime calls these on the thread of the local process that sends the signal, of
 * whichever thread carries out a local process's exit, or on this connection's own reader thread
 * from inside a {@link LocalNode} call (a link to a process that does not exist is answered at once
 * with {@link #linkExit}, a monitor with {@link #down}); so an implementation must not hold a lock
 * across its calls into {@code LocalNode} that these methods take. An exception thrown here is
 * logged ({@code [arbor.dist]}) and loses that one signal; it never reaches the process.
 *
 * <p>The runtime keeps the bookkeeping of links and monitors: which local process is linked to
 * which remote one, which monitors are held, what to fire when this connection is lost. The
 * implementation keeps only what the protocol itself needs (the {@code UNLINK_ID} identifiers, for
 * instance).
 */
public interface NodeConnection {
  /** The peer's node name, as given to {@link Distribution#connect(String)} or sent in its handshake. */
  String node();

  /** A message to a remote process ({@code SEND_SENDER}, or {@code SEND} when {@code from} is null). */
  void send(Pid from, Pid to, Object message);

  /** A message to the process registered as {@code name} on the peer ({@code REG_SEND}); {@code from} may be null. */
  void sendNamed(Pid from, String name, Object message);

  /**
   * A local process links to a remote one ({@code LINK}). If the remote process does not exist, the
   * peer answers with an exit signal carrying {@code noproc}, which arrives as {@link
   * LocalNode#linkExit}.
   */
  void link(Pid from, Pid to);

  /** A local process removes its link to a remote one ({@code UNLINK_ID}; the acknowledgement is the implementation's business). */
  void unlink(Pid from, Pid to);

  /** A local process sends an exit signal with {@code Proc.exit(to, reason)} ({@code EXIT2}). */
  void exit(Pid from, Pid to, ExitReason reason);

  /**
   * A local process linked to {@code to} has exited with {@code reason} ({@code EXIT}); the link is
   * gone on this side already. Also sent with {@code noproc} when a remote process links to a local
   * one that does not exist.
   */
  void linkExit(Pid from, Pid to, ExitReason reason);

  /**
   * A local process monitors a remote one ({@code MONITOR_P}); {@code ref} is the local reference the
   * {@code Down} will carry: the peer answers, when the process exits (or at once with {@code noproc}
   * if it does not exist), with {@code MONITOR_P_EXIT}, delivered as {@link LocalNode#down}.
   */
  void monitor(Pid watcher, Pid target, Ref ref);

  /** As {@link #monitor}, of the process registered as {@code name} on the peer ({@code MONITOR_P} with an atom). */
  void monitorName(Pid watcher, String name, Ref ref);

  /** A local process removes its monitor {@code ref} of {@code target} ({@code DEMONITOR_P}); also sent when the watcher exits. */
  void demonitor(Pid watcher, Pid target, Ref ref);

  /** As {@link #demonitor}, for a monitor made with {@link #monitorName} ({@code DEMONITOR_P} with an atom). */
  void demonitorName(Pid watcher, String name, Ref ref);

  /**
   * The local process {@code from}, monitored by the remote {@code watcher} (through {@link
   * LocalNode#monitor}), has exited with {@code reason} or did not exist ({@code noproc}): {@code
   * MONITOR_P_EXIT} with the remote's own {@code ref}, exactly as it was given to the runtime.
   */
  void down(Pid from, Pid watcher, Object ref, ExitReason reason);

  /**
   * As {@link #down}, for a monitor the remote {@code watcher} made of the local name {@code name}
   * (through {@link LocalNode#monitorName}): Erlang sends the name, not the pid, in that case.
   */
  void downName(String name, Pid watcher, Object ref, ExitReason reason);
}
