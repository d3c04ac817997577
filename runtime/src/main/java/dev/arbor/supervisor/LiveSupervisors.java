package dev.arbor.supervisor;

import dev.arbor.Arbor;
import dev.arbor.Pid;
import dev.arbor.internal.Process;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every live supervisor, so that a handle never sends supervisor requests to some other server, and
 * the top-level ones in start order, for {@link Arbor#awaitTermination()} and the JVM shutdown hook.
 * An entry is added by the supervisor's own process during its init and removed by its exit, before
 * its {@code Down} goes out, so no one sees a dead supervisor listed.
 */
final class LiveSupervisors {
  private record Entry(long order, boolean dynamic, boolean topLevel) {}

  private static final Map<Pid, Entry> LIVE = new ConcurrentHashMap<>();
  private static final AtomicLong ORDER = new AtomicLong();
  private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();

  private LiveSupervisors() {}

  /** Called by a supervisor's process as it starts. */
  static void register(boolean dynamic, boolean topLevel) {
    Process me = Process.current();
    LIVE.put(me.pid(), new Entry(ORDER.incrementAndGet(), dynamic, topLevel));
    me.addExitHook(p -> LIVE.remove(p.pid()));
    if (topLevel) {
      installShutdownHook();
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

  /**
   * Virtual threads do not keep the JVM alive, and nothing else would stop a tree when it exits; so
   * the first top-level supervisor installs a hook that stops them all, newest first (init:stop()).
   */
  private static void installShutdownHook() {
    if (!Arbor.shutdownHookEnabled() || !HOOK_INSTALLED.compareAndSet(false, true)) {
      return;
    }
    Thread hook = new Thread(() -> {
      if (Arbor.shutdownHookEnabled()) {
        Arbor.shutdown();
      }
    }, "arbor-shutdown-hook");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException shuttingDownAlready) {
      // The JVM is already exiting; the running hooks decide what happens.
    }
  }
}
