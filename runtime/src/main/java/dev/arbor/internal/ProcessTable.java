package dev.arbor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.arbor.ExitReason;
import dev.arbor.Pid;

/**
 * Every live process, the local name table, and the plain threads that were given an identity.
 * Sends never look here (a pid points at its process); the table serves introspection and names, and
 * forgets a process the moment it exits.
 */
public final class ProcessTable {
  /** Keyed by pid number, so that a pid rebuilt from the wire finds its process. */
  private static final LiveTable LIVE = new LiveTable();
  /** Package-private so that a test fixture (NameTableStates) can plant a dead holder in it. */
  static final ConcurrentHashMap<String, Process> NAMES = new ConcurrentHashMap<>();
  private static final Set<Process> ADOPTED = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean SWEEPER = new AtomicBoolean();

  private ProcessTable() {}

  static void add(Process p) {
    LIVE.add(p);
  }

  static void remove(Process p) {
    LIVE.remove(p);
    if (p.isAdopted()) {
      ADOPTED.remove(p);
    }
  }

  /** How many processes are alive, plain-thread identities included. */
  public static int count() {
    return LIVE.size();
  }

  /** The live processes, in no particular order. */
  public static List<Process> all() {
    List<Process> all = new ArrayList<>(LIVE.size() + 16);
    LIVE.addAllTo(all);
    return all;
  }

  /** The live local process that {@code pid} (a local pid, perhaps rebuilt from the wire) names, or null. */
  static Process live(Pid pid) {
    return LIVE.get(pid.id());
  }

  /** How many names are registered. */
  public static int nameCount() {
    return NAMES.size();
  }

  /**
   * Registers {@code name} for {@code p}. Fails with a message naming the holder when the name is
   * taken by a live process, when {@code p} already has a name, or when {@code p} has exited.
   *
   * <p>A holder that has exited does not hold the name, though the table may still map it: its exit
   * (or its own registration, if it was killed between claiming the name and recording it) removes
   * the entry a moment later, on whatever thread is doing that. {@link #whereis} already treats such
   * a name as free, and so must this, as Erlang does: a name is free once its holder is dead.
   * Otherwise a supervisor restarting a registered child killed in that window sees each start
   * refused on the name and retries at once, each retry counted, so it can spend its whole restart
   * intensity while the thread that would remove the entry is preempted, and exit with the child
   * down.
   */
  public static void register(String name, Process p) {
    for (; ; ) {
      Process holder = NAMES.putIfAbsent(name, p);
      if (holder == null) {
        break;
      }
      if (holder.isAlive()) {
        throw new IllegalArgumentException("the name \"" + name + "\" is already registered to " + holder.pid());
      }
      // Its late removal is NAMES.remove(name, holder): a no-op once the entry is p's.
      if (NAMES.replace(name, holder, p)) {
        break;
      }
    }
    boolean registered;
    try {
      registered = Holdings.setName(p, name);
    } catch (RuntimeException e) {
      NAMES.remove(name, p);
      throw e;
    }
    if (!registered) {
      NAMES.remove(name, p);
      throw new IllegalArgumentException("cannot register \"" + name + "\" for " + p.pid() + ": it has exited");
    }
  }

  /** Frees {@code name}; returns whether it was registered. */
  public static boolean unregister(String name) {
    Process p = NAMES.get(name);
    if (p == null) {
      return false;
    }
    if (Holdings.clearName(p, name)) {
      NAMES.remove(name, p);
    }
    return true;
  }

  /** The live process registered as {@code name}, or null. */
  public static Process whereis(String name) {
    Process p = NAMES.get(name);
    return p != null && p.isAlive() ? p : null;
  }

  static void releaseName(String name, Process p) {
    NAMES.remove(name, p);
  }

  /**
   * Remembers a plain thread's identity so that it can be exited once the thread is found dead: Java
   * gives no event when a thread ends, so a sweeper looks once a second.
   */
  static void adopted(Process p) {
    ADOPTED.add(p);
    if (SWEEPER.compareAndSet(false, true)) {
      Timers.scheduler().scheduleWithFixedDelay(ProcessTable::sweepAdopted, 1, 1, TimeUnit.SECONDS);
    }
  }

  private static void sweepAdopted() {
    for (Process p : ADOPTED) {
      if (p.ownerEnded()) {
        p.exit(ExitReason.normal());
      }
    }
  }
}
