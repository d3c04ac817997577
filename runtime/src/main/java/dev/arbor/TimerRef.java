package dev.arbor;

import dev.arbor.internal.TimerTask;

/** A pending {@code sendAfter} or {@code sendInterval}; cancel it with {@link Proc#cancelTimer(TimerRef)}. */
public final class TimerRef {
  private final TimerTask task;

  TimerRef(TimerTask task) {
    this.task = task;
  }

  TimerTask task() {
    return task;
  }

  /** Whether the timer has neither fired (one-shot) nor been cancelled, nor died with its target. */
  public boolean isPending() {
    return task.isPending();
  }

  @Override
  public String toString() {
    return "TimerRef[" + (isPending() ? "pending" : "done") + "]";
  }
}
