package dev.arbor;

import dev.arbor.internal.Endpoint;
import java.util.Objects;

/**
 * A handle to a process: value-based (two pids are equal when they name the same process), cheap to
 * hold, and valid forever: sending to the pid of a dead process is allowed and does nothing, as in
 * Erlang.
 *
 * <p>A pid may name a process on another node ({@link #isLocal()} false); {@link #send}, {@link
 * Proc#link}, {@link Proc#monitor(Pid)} and {@link Proc#exit(Pid, ExitReason)} work on it as on a
 * local one, through the distribution layer ({@code arbor-dist}). Its identity is Erlang's V4 pid:
 * node name, ID (32 bits), Serial (32 bits) and the node's creation. A local pid's {@link #id()} is
 * ID in its low 32 bits and Serial in its high 32 bits, and its node is the local node, whatever
 * name and creation that has now ({@code nonode@nohost} and 0 until a node is started), as in
 * Erlang. Two remote pids are equal only when node, ID, Serial and creation are: a node that
 * restarted (a new creation) never matches the pids of its previous life.
 */
public final class Pid {
  private final long id;
  private final Endpoint target;

  Pid(long id, Endpoint target) {
    this.id = id;
    this.target = target;
  }

  /**
   * The number Arbor gave this process, unique for the life of the JVM; for a remote pid, its ID in
   * the low 32 bits and its Serial in the high 32 bits.
   */
  public long id() {
    return id;
  }

  /** Sends {@code message} to this process; never blocks, never fails for a dead or remote process. */
  public void send(Object message) {
    target.send(Objects.requireNonNull(message, "message"));
  }

  /**
   * Whether the process is alive: it has not exited, and no fatal exit signal has reached it.
   *
   * @throws IllegalArgumentException for a remote pid (Erlang's {@code is_process_alive/1} answers
   *     only for local processes; monitor it instead)
   */
  public boolean isAlive() {
    if (!target.isLocal()) {
      throw new IllegalArgumentException(this + " is a process on " + target.node()
          + "; only a local process can be asked whether it is alive (monitor it instead)");
    }
    return target.isAlive();
  }

  /** Whether this pid names a process of this node (alive or not). */
  public boolean isLocal() {
    return target.isLocal();
  }

  /**
   * The name of the process's node (Erlang's {@code node(Pid)}): for a local pid, the local node's
   * name now, {@code nonode@nohost} while no node is started.
   */
  public String node() {
    return target.node();
  }

  Endpoint target() {
    return target;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pid other && other.id == id && (other.target == target || sameNode(other.target));
  }

  private boolean sameNode(Endpoint other) {
    if (target.isLocal() || other.isLocal()) {
      return target.isLocal() && other.isLocal();
    }
    return target.creation() == other.creation() && target.node().equals(other.node());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  /** As Erlang prints it: {@code <0.42.0>} for a local pid, {@code <N.ID.Serial>} for a remote one. */
  @Override
  public String toString() {
    return "<" + target.channel() + "." + (id & 0xFFFFFFFFL) + "." + (id >>> 32) + ">";
  }
}
