package dev.arbor.dist.node;

import dev.arbor.Pid;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.PidMapper;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps local runtime {@link Pid}s to the wire and back. A local pid's 64-bit id is split into the
 * wire pid's id (low 32 bits) and serial (high 32 bits), with this node's creation. A wire pid of
 * this node is resolved only if the pid went out before: an Erlang node can only name processes
 * it was told about. Pids of other nodes stay {@link ErlPid}s.
 */
final class PidTable implements PidMapper {
  private final Atom node;
  private final long creation;
  private final ConcurrentHashMap<ErlPid, Pid> exported = new ConcurrentHashMap<>();

  PidTable(Atom node, long creation) {
    this.node = node;
    this.creation = creation;
  }

  @Override
  public Object fromWire(ErlPid pid) {
    Pid local = exported.get(pid);
    return local != null ? local : pid;
  }

  @Override
  public ErlPid toWire(Object value) {
    if (!(value instanceof Pid pid)) {
      return null;
    }
    ErlPid wire = new ErlPid(node, pid.id() & 0xFFFF_FFFFL, pid.id() >>> 32, creation);
    exported.putIfAbsent(wire, pid);
    return wire;
  }

  /** The local process a wire pid names, or null when it is not (or no longer known) ours. */
  Pid local(Object pid) {
    if (pid instanceof Pid local) {
      return local;
    }
    return pid instanceof ErlPid wire ? exported.get(wire) : null;
  }

  boolean isOurs(ErlPid pid) {
    return pid.node().equals(node) && pid.creation() == creation;
  }
}
