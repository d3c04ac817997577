package dev.arbor.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A platform thread that is no carrier but runs, on itself, the processes it woke while delivering:
 * a connection's reader (see {@link dev.arbor.remote.ReaderThread}).
 *
 * <p>Why: a frame from another node comes in on the connection's reader thread, which the kernel
 * wakes. Queueing the process it is for means waking a parked carrier as well, a second wake-up of a
 * sleeping CPU on every frame, which on a virtual machine costs tens of microseconds: most of a
 * one-caller round trip between two nodes on loopback. Running it here costs nothing more, as a
 * BEAM scheduler runs the processes a port's input made runnable. When one read woke several (the
 * replies to sixteen callers), the guest runs them all, one after another: each such process
 * usually sends its next request and waits again, less work than the futex wake-up and the context
 * switch of handing it to a carrier.
 *
 * <p>Two bounds keep the connection read and the woken processes running. A batch that has run for
 * {@value #BATCH_NANOS} ns leaves the processes it has not run yet to the carriers. And while a
 * process runs here the connection is not read, so one that keeps the thread (it computes, or
 * blocks in a file read) is found by the scheduler's watchdog after {@value #HELD_NANOS} ns or one
 * watch period, whichever is longer; the watchdog then runs {@code onHeld} (once), which starts
 * another reader, gives the rest of the batch to the carriers, and {@link #deliver} returns false to
 * this thread when the process lets it go, so that it stops reading.
 */
public final class Guest extends Thread {
  /** Deliveries: code that may wake processes, and throw {@code E}. */
  public interface Deliveries<E extends Exception> {
    void run() throws E;
  }

  /** How long a process may keep a guest before another thread takes over its reading. */
  static final long HELD_NANOS = 1_000_000;

  /**
   * How long a guest runs the processes one delivery woke before it leaves the rest to the carriers:
   * a few dozen round trips' work, a small part of {@link #HELD_NANOS}.
   */
  static final long BATCH_NANOS = 100_000;

  private static volatile long batchNanos = BATCH_NANOS;
  private static volatile long heldNanos = HELD_NANOS;

  private static final int IDLE = 0;
  private static final int RUNNING = 1;
  private static final int HANDED_OFF = 2;

  private final Runnable onHeld;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  /** Processes woken by the delivery under way, and whether one is; this thread's only. */
  private final ArrayDeque<Runnable> woken = new ArrayDeque<>();
  private boolean collecting;
  /** The woken processes this thread has yet to run, which the watchdog may give to the carriers. */
  private volatile Batch batch;
  /** The task running here now, or null between tasks: how a process knows it runs on this guest. */
  private volatile Runnable running;
  /**
   * Writes to other nodes held by processes of the batch under way, run when the batch ends (or by
   * the watchdog, when a process keeps this thread): the requests of sixteen callers woken by one
   * read then leave in one write.
   */
  private final ConcurrentLinkedQueue<Runnable> heldWrites = new ConcurrentLinkedQueue<>();
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
   * Runs {@code deliveries} on the current thread; on a guest, then runs the processes they woke
   * here, one after another, within the batch's bound. False when one of them kept this thread so
   * long that {@code onHeld} has run: the thread must stop what it was doing, which another thread
   * now does.
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
    Batch rest = null;
    if (!woken.isEmpty()) {
      rest = new Batch(woken.toArray(Runnable[]::new));
      woken.clear();
      batch = rest;
    }
    long start = rest == null ? 0 : System.nanoTime();
    long bound = batchNanos;
    state.set(RUNNING);
    run(first);
    if (rest != null) {
      for (Runnable task; state.get() == RUNNING && System.nanoTime() - start < bound
          && (task = rest.next()) != null; ) {
        run(task);
      }
      rest.giveRest(); // nothing when all ran, or when the watchdog gave them away already
      batch = null;
      runHeldWrites();
    }
    return state.compareAndSet(RUNNING, IDLE);
  }

  /**
   * Called on the thread of {@code p}, which has just queued a frame whose write is {@code write}:
   * true when {@code p} runs on a guest whose batch has more processes to run, which now holds the
   * write until the batch ends; false when the caller should decide as for any process.
   */
  static boolean holdForBatch(Process p, Runnable write) {
    Scheduler s = Scheduler.INSTANCE;
    Runnable mine = p.schedulerTask;
    if (s == null || mine == null || s.guests.isEmpty()) {
      return false;
    }
    for (Guest g : s.guests) {
      if (g.running == mine) {
        Batch rest = g.batch;
        if (rest == null || !rest.hasMore()) {
          return false; // the last of its batch: nothing would join its write
        }
        if (g.heldWrites.contains(write)) {
          return true;
        }
        g.heldWrites.add(write);
        // The watchdog may have given the batch away and run the held writes since we looked:
        // then whoever takes the write back writes it now, and nobody leaves it behind.
        return rest.hasMore() || !g.heldWrites.remove(write);
      }
    }
    return false;
  }

  private void runHeldWrites() {
    for (Runnable write; (write = heldWrites.poll()) != null; ) {
      HeldOutput.runHeld(write);
    }
  }

  /**
   * Sets how long a batch runs before the rest go to the carriers, and returns the previous bound.
   * For tests, which need a bound that a slow machine never reaches, or one that a process passes.
   */
  static long batchNanos(long nanos) {
    long previous = batchNanos;
    batchNanos = positive(nanos);
    return previous;
  }

  /**
   * Sets how long a process may keep a guest before the watchdog hands its work over, and returns
   * the previous bound. For tests of a batch that must run whole, however long a loaded machine
   * keeps the guest off its CPU.
   */
  static long heldNanos(long nanos) {
    long previous = heldNanos;
    heldNanos = positive(nanos);
    return previous;
  }

  private static long positive(long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException("a bound must be a positive time, not " + nanos + " ns");
    }
    return nanos;
  }

  private void run(Runnable task) {
    runs = runs + 1; // this thread is the only writer
    running = task;
    try {
      task.run();
    } catch (Throwable t) {
      // As on a carrier: a virtual thread's task handles its own failures.
      System.getLogger("dev.arbor.scheduler").log(System.Logger.Level.ERROR, "task failed on " + getName(), t);
    } finally {
      running = null;
    }
  }

  /**
   * The processes one delivery woke, taken one at a time by the guest, or all that are left at once
   * by whichever of the guest and the watchdog gives them to the carriers first.
   */
  private static final class Batch {
    private final Runnable[] tasks;
    private final AtomicInteger taken = new AtomicInteger();

    Batch(Runnable[] tasks) {
      this.tasks = tasks;
    }

    /** Whether a task is left to run. */
    boolean hasMore() {
      return taken.get() < tasks.length;
    }

    /** The next task to run, or null when none is left. */
    Runnable next() {
      int i = taken.getAndIncrement();
      return i < tasks.length ? tasks[i] : null;
    }

    /** Queues the tasks not taken yet where any carrier takes them. */
    void giveRest() {
      int from = taken.getAndSet(tasks.length);
      if (from < tasks.length) {
        Scheduler.INSTANCE.queueShared(new ArrayDeque<>(Arrays.asList(tasks).subList(from, tasks.length)));
      }
    }
  }

  /**
   * The watchdog's look at this guest, at {@code now}: when one process has kept it for {@code
   * period} and at least {@link #HELD_NANOS}, hands its work over, once.
   */
  void watch(long now, long period) {
    if (state.get() != RUNNING) {
      return;
    }
    if (watched.unchangedFor(runs, now) >= Math.max(period, heldNanos)
        && state.compareAndSet(RUNNING, HANDED_OFF)) {
      try {
        onHeld.run();
      } catch (RuntimeException | Error e) {
        System.getLogger("dev.arbor.scheduler").log(System.Logger.Level.ERROR,
            "handing over the work of " + getName() + " failed", e);
      }
      Batch waiting = batch;
      if (waiting != null) {
        waiting.giveRest(); // the woken processes queued behind the one that keeps this thread
      }
      runHeldWrites(); // and writes what the batch's earlier processes sent
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
