package dev.arbor.internal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform thread that is no carrier but runs, on itself, the first process it woke while
 * delivering: a connection's reader (see {@link dev.arbor.remote.ReaderThread}).
 *
 * <p>Why: a frame from another node comes in on the connection's reader thread, which the kernel
 * wakes. Queueing the process it is for means waking a parked carrier as well, a second wake-up of a
 * sleeping CPU on every frame, which on a virtual machine costs tens of microseconds: most of a
 * one-caller round trip between two nodes on loopback. Running it here costs nothing more, as a
 * BEAM scheduler runs the process a port's input is for. The others woken by the same delivery go
 * to the shared queue, as a second wake-up on a carrier does.
 *
 * <p>While a process runs here the connection is not read. A process that keeps the thread (it
 * computes, or blocks in a file read) is found by the scheduler's watchdog after {@value
 * #HELD_NANOS} ns or one watch period, whichever is longer; the watchdog then runs {@code onHeld}
 * (once), which starts another reader, and {@link #deliver} returns false to this thread when the
 * process lets it go, so that it stops reading.
 */
public final class Guest extends Thread {
  /** Deliveries: code that may wake processes, and throw {@code E}. */
  public interface Deliveries<E extends Exception> {
    void run() throws E;
  }

  /** How long a process may keep a guest before another thread takes over its reading. */
  static final long HELD_NANOS = 1_000_000;

  private static final int IDLE = 0;
  private static final int RUNNING = 1;
  private static final int HANDED_OFF = 2;

  private final Runnable onHeld;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  /** Processes woken by the delivery under way, and whether one is; this thread's only. */
  private final ArrayDeque<Runnable> woken = new ArrayDeque<>();
  private boolean collecting;
  /** Processes run here so far: the watchdog tells one that keeps the thread by an unchanged count. */
  private volatile long runs;
  private final TaskWatch watched = new TaskWatch();

  Guest(String name, Runnable body, Runnable onHeld) {
    super(body, name);
    this.onHeld = onHeld;
    setDaemon(true);
  }

  /**
   * Starts a thread named {@code name} running {@code body}, which delivers through {@link
   * #deliver}; a plain platform thread when processes run on the JDK's scheduler.
   */
  public static Thread start(String name, Runnable body, Runnable onHeld) {
    Thread t = Scheduler.INSTANCE == null
        ? Thread.ofPlatform().daemon().name(name).unstarted(body)
        : new Guest(name, body, onHeld);
    t.start();
    return t;
  }

  /**
   * Runs {@code deliveries} on the current thread; on a guest, then runs the first process they
   * woke here and queues the others. False when that process kept this thread so long that {@code
   * onHeld} has run: the thread must stop what it was doing, which another thread now does.
   */
  public static <E extends Exception> boolean deliver(Deliveries<E> deliveries) throws E {
    if (!(Thread.currentThread() instanceof Guest g)) {
      deliveries.run();
      return true;
    }
    return g.collectAndRun(deliveries);
  }

  /** Called by {@link Scheduler#execute} on this thread: whether it keeps {@code task}. */
  boolean collect(Runnable task) {
    if (!collecting) {
      return false;
    }
    woken.add(task);
    return true;
  }

  private <E extends Exception> boolean collectAndRun(Deliveries<E> deliveries) throws E {
    collecting = true;
    boolean delivered = false;
    try {
      deliveries.run();
      delivered = true;
    } finally {
      collecting = false;
      if (!delivered && !woken.isEmpty()) {
        Scheduler.INSTANCE.queueShared(woken); // what was woken before the failure still runs
      }
    }
    Runnable first = woken.poll();
    if (first == null) {
      return true;
    }
    if (!woken.isEmpty()) {
      Scheduler.INSTANCE.queueShared(woken);
    }
    runs = runs + 1; // this thread is the only writer
    state.set(RUNNING);
    try {
      first.run();
    } catch (Throwable t) {
      // As on a carrier: a virtual thread's task handles its own failures.
      System.getLogger("dev.arbor.scheduler").log(System.Logger.Level.ERROR, "task failed on " + getName(), t);
    }
    return state.compareAndSet(RUNNING, IDLE);
  }

  /**
   * The watchdog's look at this guest, at {@code now}: when one process has kept it for {@code
   * period} and at least {@link #HELD_NANOS}, hands its work over, once.
   */
  void watch(long now, long period) {
    if (state.get() != RUNNING) {
      return;
    }
    if (watched.unchangedFor(runs, now) >= Math.max(period, HELD_NANOS)
        && state.compareAndSet(RUNNING, HANDED_OFF)) {
      try {
        onHeld.run();
      } catch (RuntimeException | Error e) {
        System.getLogger("dev.arbor.scheduler").log(System.Logger.Level.ERROR,
            "handing over the work of " + getName() + " failed", e);
      }
    }
  }

  @Override
  public void run() {
    Scheduler s = Scheduler.INSTANCE;
    s.guests.add(this);
    try {
      super.run();
    } finally {
      s.guests.remove(this);
    }
  }
}
