package dev.arbor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ScheduledFuture;

/**
 * One pending {@code sendAfter} or {@code sendInterval}. A timer aimed at a pid is listed with that
 * process and cancelled when it exits; a timer aimed at a name resolves the name when it fires.
 *
 * <p>A repeating timer holds {@code FIRING} while it sends a tick; a cancel that meets it there waits
 * the few instructions until the tick is delivered, so that no tick arrives after {@code cancelTimer}
 * has returned.
 */
public final class TimerTask implements Runnable {
  private static final int PENDING = 0;
  private static final int DONE = 1;
  private static final int FIRING = 2;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(TimerTask.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Process target;
  private final String name;
  private final Object message;
  private final boolean repeating;
  private volatile int state;
  private volatile ScheduledFuture<?> future;

  TimerTask(Process target, String name, Object message, boolean repeating) {
    this.target = target;
    this.name = name;
    this.message = message;
    this.repeating = repeating;
  }

  void scheduled(ScheduledFuture<?> f) {
    future = f;
    if (state == DONE) {
      f.cancel(false); // cancelled while we were scheduling it (FIRING: it just ticked; keep it)
    }
  }

  @Override
  public void run() {
    try {
      if (repeating) {
        if (STATE.compareAndSet(this, PENDING, FIRING)) {
          try {
            send();
          } finally {
            state = PENDING; // only this thread leaves FIRING; cancels wait for it
          }
        }
      } else if (finish()) {
        if (target != null) {
          Holdings.removeTimer(target, this);
        }
        send();
      }
    } catch (RuntimeException e) {
      Reports.timerFailed(e);
    }
  }

  private void send() {
    Process to = target != null ? target : ProcessTable.whereis(name);
    if (to != null) {
      to.deliver(message);
    }
  }

  /** Moves the timer out of PENDING, waiting out a tick being sent; true for the one caller that did. */
  private boolean finish() {
    int spins = 0;
    for (; ; ) {
      int s = state;
      if (s == DONE) {
        return false;
      }
      if (s == PENDING && STATE.compareAndSet(this, PENDING, DONE)) {
        Timers.PENDING.decrementAndGet();
        return true;
      }
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  /** Cancels the timer; returns whether it was still pending (for a one-shot: had not fired). */
  public boolean cancel() {
    if (!finish()) {
      return false;
    }
    ScheduledFuture<?> f = future;
    if (f != null) {
      f.cancel(false);
    }
    if (target != null) {
      Holdings.removeTimer(target, this);
    }
    return true;
  }

  void cancelBecauseTargetExited() {
    if (finish()) {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  public boolean isPending() {
    return state != DONE;
  }
}
