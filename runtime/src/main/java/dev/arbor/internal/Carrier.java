package dev.arbor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One platform thread of the {@link Scheduler}: it runs virtual threads' tasks one after another. It
 * takes, in order, the thread in its next slot (woken by the thread it ran last), its own queue, the
 * shared queue, and other carriers' queues; every 61st pick looks at its queue and the shared queue
 * first, so a pair of threads passing the next slot back and forth cannot starve them. A helper
 * (see {@link Scheduler}) leaves once it has found nothing to do for {@value #HELPER_IDLE_MILLIS} ms.
 */
final class Carrier extends Thread {
  private static final VarHandle NEXT;
  private static final VarHandle PICKS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      NEXT = lookup.findVarHandle(Carrier.class, "next", Runnable.class);
      PICKS = lookup.findVarHandle(Carrier.class, "picks", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final long HELPER_IDLE_MILLIS = 1_000;

  final int index;
  private final Scheduler scheduler;
  private final boolean helper;
  /** The task running now, or null between tasks: how a wake-up finds the carrier it comes from. */
  volatile Runnable running;
  /** The thread to run next, woken by the thread running now. */
  @SuppressWarnings("unused") // through NEXT
  private volatile Runnable next;
  private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
  /** Tasks picked so far; the watchdog reads it to tell a carrier stuck in one task. */
  @SuppressWarnings("unused") // through PICKS
  private long picks;
  /** A process whose thread the thread running here is starting: see {@link Scheduler#start}. */
  Process starting;
  /** The watchdog's own, and what its last look found: for how long this carrier has run one task. */
  private final TaskWatch watched = new TaskWatch();
  private long held;

  Carrier(Scheduler scheduler, int index, boolean helper) {
    super((helper ? "arbor-carrier-helper-" : "arbor-carrier-") + index);
    this.scheduler = scheduler;
    this.index = index;
    this.helper = helper;
    setDaemon(true);
  }

  /** Puts {@code task} in the next slot; returns the task it displaced, or null. */
  Runnable pushNext(Runnable task) {
    return (Runnable) NEXT.getAndSet(this, task);
  }

  Runnable peekNext() {
    return (Runnable) NEXT.getOpaque(this);
  }

  /** Takes {@code task} out of the next slot if it is still there (the watchdog's move). */
  boolean stealNext(Runnable task) {
    return NEXT.compareAndSet(this, task, null);
  }

  void pushQueued(Runnable task) {
    queued.offer(task);
  }

  Runnable pollQueued() {
    return queued.poll();
  }

  boolean hasQueued() {
    return !queued.isEmpty();
  }

  /**
   * The watchdog's look at this carrier, at {@code now}: whether it has been running one task for
   * {@link Scheduler#HELD_MILLIS} ms or more (as far as the watchdog can tell: since the tick that
   * first saw its current count of picks).
   */
  boolean watch(long now) {
    long unchanged = watched.unchangedFor((long) PICKS.getOpaque(this), now);
    held = running == null ? 0 : unchanged;
    return held >= Scheduler.HELD_MILLIS * 1_000_000;
  }

  /** For how long, as of the last {@link #watch}, this carrier has been running its current task; 0 if none. */
  long held() {
    return held;
  }

  @Override
  public void run() {
    for (; ; ) {
      Runnable task = pick();
      if (task == null) {
        task = awaitWork();
        if (task == null) {
          return; // a helper with nothing left to do
        }
      }
      running = task;
      try {
        task.run();
      } catch (Throwable t) {
        // A virtual thread's task handles its own failures; anything else is a bug in the JDK or
        // here, and the carrier must survive it to run the other threads.
        System.getLogger("dev.arbor.scheduler").log(System.Logger.Level.ERROR, "task failed on " + getName(), t);
      }
      running = null;
    }
  }

  private Runnable pick() {
    long n = (long) PICKS.getOpaque(this) + 1;
    PICKS.setOpaque(this, n);
    Runnable task;
    if (n % 61 == 0) {
      task = queued.poll();
      if (task == null) {
        task = scheduler.pollShared();
      }
      if (task != null) {
        return task;
      }
    }
    task = (Runnable) NEXT.getAndSet(this, null);
    if (task != null) {
      return task;
    }
    task = queued.poll();
    if (task != null) {
      return task;
    }
    task = scheduler.pollShared();
    if (task != null) {
      return task;
    }
    return scheduler.stealFor(this);
  }

  /**
   * Spins for a while looking for work, then parks until signalled; returns the work found, or null
   * when this is a helper that has had nothing to do for {@value #HELPER_IDLE_MILLIS} ms and left.
   */
  private Runnable awaitWork() {
    long idleSince = System.nanoTime();
    for (; ; ) {
      scheduler.spinning.incrementAndGet();
      Runnable task = null;
      long deadline = System.nanoTime() + Scheduler.SPIN_NANOS;
      do {
        for (int i = 0; i < 50; i++) {
          Thread.onSpinWait();
        }
        task = pick();
      } while (task == null && System.nanoTime() - deadline < 0);
      scheduler.spinning.decrementAndGet();
      if (task != null) {
        return task;
      }
      scheduler.registerParked(this);
      task = pick(); // work pushed before this carrier was registered: its pusher saw no one to wake
      if (task != null) {
        scheduler.unregisterParked(this);
        return task;
      }
      if (!helper) {
        LockSupport.park(this);
      } else if (System.nanoTime() - idleSince < HELPER_IDLE_MILLIS * 1_000_000) {
        LockSupport.parkNanos(this, HELPER_IDLE_MILLIS * 1_000_000);
      } else {
        scheduler.retire(this);
        return null;
      }
      scheduler.unregisterParked(this); // a no-op when a signal took it off the list
    }
  }
}
