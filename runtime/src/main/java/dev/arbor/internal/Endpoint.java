package dev.arbor.internal;

/**
 * What a {@link dev.arbor.Pid} points at: a local {@link Process}, a local process that no longer
 * exists ({@link GoneLocal}), or a process on another node ({@link RemoteAddress}).
 *
 * <p>It knows nothing of {@code Pid}, so that {@code Pid} depends on no class that depends on it:
 * this interface is the whole of what {@code Pid} needs from the runtime.
 */
public interface Endpoint {
  /** Sends {@code message} from the current thread's process (if any); never blocks. */
  void send(Object message);

  /** Whether the process is alive; only answered for a local process. */
  boolean isAlive();

  /** Whether this is a process of this node (alive or not). */
  boolean isLocal();

  /** The name of the process's node: the local node's current name for a local process. */
  String node();

  /** The creation of the process's node: the local node's current creation for a local process. */
  int creation();

  /**
   * The first number Erlang prints for a pid: 0 for a local process, else a number this JVM gave
   * the remote node (Erlang prints its node-name atom's index there: equally arbitrary, equally
   * stable for the life of the VM).
   */
  int channel();
}
