package dev.arbor.observe;

import dev.arbor.Pid;
import dev.arbor.internal.Process;
import dev.arbor.internal.ProcessTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Which process spawned which. Each process records, at creation, the id of the process that spawned
 * it and of the plain-thread identity ({@link dev.arbor.Proc#adopt()}) at the root of its spawn chain,
 * as ids only, so a live process never keeps a dead ancestor in memory.
 */
public final class Lineage {
  private Lineage() {}

  /**
   * The id ({@link Pid#id()}) of the process that spawned {@code pid}; empty for a plain-thread
   * identity, a process spawned from a thread without one, or a process no longer known.
   */
  public static OptionalLong spawnedBy(Pid pid) {
    Objects.requireNonNull(pid, "pid");
    Process p = Process.of(pid);
    return p == null || p.spawnedBy() == 0 ? OptionalLong.empty() : OptionalLong.of(p.spawnedBy());
  }

  /**
   * The live processes whose spawn chain starts at the plain-thread identity {@code root}: those it
   * spawned, those they spawned, and so on, even when a process in between has exited. Oldest first.
   */
  public static List<Pid> startedBy(Pid root) {
    Objects.requireNonNull(root, "root");
    long id = root.id();
    List<Pid> result = new ArrayList<>();
    for (Process p : ProcessTable.all()) {
      if (p.origin() == id && p.isAlive() && !p.isAdopted()) {
        result.add(p.pid());
      }
    }
    result.sort((a, b) -> Long.compare(a.id(), b.id()));
    return result;
  }
}
