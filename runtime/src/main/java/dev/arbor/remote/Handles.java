package dev.arbor.remote;

import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.internal.Remote;
import java.util.Objects;

/**
 * Builds and opens pids and references for the term codec: the parts of Erlang's {@code
 * NEW_PID_EXT} (node, ID, Serial, Creation) and of a reference's numbers. Works whether or not a node
 * is started.
 */
public final class Handles {
  private Handles() {}

  /**
   * The pid with these parts. When {@code node} and {@code creation} are the local node's, it is a
   * local pid: the live process's own pid if that process runs, else a pid equal to it that no
   * process answers. Otherwise a remote pid, equal to every other with the same four parts.
   */
  public static Pid pid(String node, int id, int serial, int creation) {
    Objects.requireNonNull(node, "node");
    return Remote.pid(node, id, serial, creation);
  }

  /** The pid's ID: the low 32 bits of {@link Pid#id()}. */
  public static int number(Pid pid) {
    return (int) pid.id();
  }

  /** The pid's Serial: the high 32 bits of {@link Pid#id()}. */
  public static int serial(Pid pid) {
    return (int) (pid.id() >>> 32);
  }

  /** The creation of the pid's node; for a local pid, the local node's creation now (0 while none is started). */
  public static int creation(Pid pid) {
    return Remote.creation(pid);
  }

  /** The local node's name now: {@code nonode@nohost} while no node is started. */
  public static String localNode() {
    return Remote.localName();
  }

  /** The local node's creation now: 0 while no node is started. */
  public static int localCreation() {
    return Remote.localCreation();
  }

  /**
   * The number of a reference made on this node (every {@link Ref} is): unique for the life of the
   * JVM and at most 63 bits, to be spread over a reference's 32-bit words on the wire. Erlang keeps
   * only 18 bits in a reference's first word, so an encoding that round-trips through a BEAM node
   * puts the low 18 bits there.
   */
  public static long refNumber(Ref ref) {
    return Remote.refNumber(Objects.requireNonNull(ref, "ref"));
  }

  /** The reference numbered {@code number} again, equal to the one first made with it; what a {@code Down} from a peer carries. */
  public static Ref ref(long number) {
    return Remote.ref(number);
  }
}
