package dev.arbor.internal;

import dev.arbor.Pid;
import java.util.ArrayList;
import java.util.List;

/** What {@code Proc.info} shows of a process's links, monitors and timers, read at one instant under its lock. */
final class Introspection {
  private Introspection() {}

  static Process.Snapshot snapshot(Process p) {
    p.lock();
    try {
      List<Pid> linked = new ArrayList<>();
      if (p.links != null) {
        p.links.forEach(o -> linked.add(o instanceof Process local ? local.pid : (Pid) o));
      }
      List<Pid> monitoring = new ArrayList<>();
      for (Monitor m = p.held; m != null; m = m.nextHeld) {
        Pid target = m.targetPid();
        if (target != null) {
          monitoring.add(target);
        }
      }
      List<Pid> monitoredBy = new ArrayList<>();
      for (Watch w = p.watches; w != null; w = w.next) {
        Pid watcher = w.watcherPid();
        if (watcher != null) {
          monitoredBy.add(watcher);
        }
      }
      return new Process.Snapshot(p.name, linked, monitoring, monitoredBy, p.timers == null ? 0 : p.timers.size());
    } finally {
      p.unlock();
    }
  }
}
