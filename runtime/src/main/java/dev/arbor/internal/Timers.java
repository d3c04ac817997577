package dev.arbor.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code sendAfter} and {@code sendInterval} on one daemon platform thread: firing a timer is a
 * mailbox offer, so a single thread keeps up, and cancelled timers leave its queue at once.
 */
public final class Timers {
  static final AtomicLong PENDING = new AtomicLong();

  private static final class Holder {
    static final ScheduledThreadPoolExecutor SCHEDULER = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "arbor-timers");
        t.setDaemon(true);
        return t;
      });
      s.setRemoveOnCancelPolicy(true);
      s.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
      return s;
    }
  }

  private Timers() {}

  static ScheduledThreadPoolExecutor scheduler() {
    return Holder.SCHEDULER;
  }

  /** Runs {@code task} on the timer thread after {@code delayNanos}; for the runtime's own deadlines. */
  public static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    return scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** How many timers are pending, over all processes. */
  public static long pending() {
    return PENDING.get();
  }

  /** Sends {@code message} to {@code target} after {@code delayNanos}, or every {@code periodNanos}. */
  public static TimerTask start(Process target, Object message, long delayNanos, long periodNanos) {
    TimerTask task = new TimerTask(target, null, message, periodNanos > 0);
    PENDING.incrementAndGet();
    if (!Holdings.addTimer(target, task)) {
      task.cancelBecauseTargetExited();
      return task;
    }
    schedule(task, delayNanos, periodNanos);
    return task;
  }

  /** As {@link #start(Process, Object, long, long)}, resolving {@code name} each time it fires. */
  public static TimerTask start(String name, Object message, long delayNanos, long periodNanos) {
    TimerTask task = new TimerTask(null, name, message, periodNanos > 0);
    PENDING.incrementAndGet();
    schedule(task, delayNanos, periodNanos);
    return task;
  }

  private static void schedule(TimerTask task, long delayNanos, long periodNanos) {
    task.scheduled(periodNanos > 0
        ? scheduler().scheduleAtFixedRate(task, delayNanos, periodNanos, TimeUnit.NANOSECONDS)
        : scheduler().schedule(task, delayNanos, TimeUnit.NANOSECONDS));
  }
}
