package dev.arbor.supervisor;

import dev.arbor.Pid;
import dev.arbor.internal.Process;
import dev.arbor.internal.ShutdownHook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every live supervisor, so that a handle never sends supervisor requests to some other server, and
 * the top-level ones in start order, for {@code Arbor.awaitTermination()} and the JVM shutdown hook.
 * An entry is added by the supervisor's own process during its init and removed by its exit, before
 * its {@code Down} goes out, so no one sees a dead supervisor listed.
 */
final class LiveSupervisors {
  private record Entry(long order, boolean dynamic, boolean topLevel) {}

  private static final Map<Pid, Entry> LIVE = new ConcurrentHashMap<>();
  private static final AtomicLong ORDER = new AtomicLong();
  
  private LiveSupervisors() {}

  /** Called by a supervisor's process as it starts. */
  static void register(boolean dynamic, boolean topLevel) {
    Process me = Process.current();
    LIVE.put(me.pid(), new Entry(ORDER.incrementAndGet(), dynamic, topLevel));
    me.addExitHook(p -> LIVE.remove(p.pid()));
    if (topLevel) {
      ShutdownHook.installOnce();
    }
  }

  static boolean isSupervisor(Pid pid) {
    return LIVE.containsKey(pid);
  }

  static boolean isDynamic(Pid pid) {
    Entry e = LIVE.get(pid);
    return e != null && e.dynamic();
  }

  /** Whether a supervisor started by the current thread would be top-level: not started by a supervisor. */
  static boolean callerIsSupervisor() {
    Process me = Process.currentOrNull();
    return me != null && LIVE.containsKey(me.pid());
  }

  /** The live top-level supervisors, oldest first. */
  static List<Pid> topLevel() {
    List<Map.Entry<Pid, Entry>> found = new ArrayList<>();
    for (Map.Entry<Pid, Entry> e : LIVE.entrySet()) {
      if (e.getValue().topLevel()) {
        found.add(e);
      }
    }
    found.sort(Comparator.comparingLong(e -> e.getValue().order()));
    return found.stream().map(Map.Entry::getKey).toList();
  }
}
