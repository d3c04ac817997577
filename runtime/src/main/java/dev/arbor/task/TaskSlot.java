package dev.arbor.task;

import dev.arbor.ExitReason;
import dev.arbor.internal.Process;
import dev.arbor.internal.Watch;
import java.util.concurrent.locks.LockSupport;

/**
 * Where one task's result lands. The task's body stores its value here before it returns; the slot
 * is also a {@link Watch} on the task's process, and the task's exit completes it: with the stored
 * value if there is one, else with the exit reason. So a task counts as finished only once its
 * process has exited (as Elixir acts on a task's reply only at its {@code DOWN}), and the result never
 * passes through the owner's mailbox, so a late one cannot pollute it.
 */
final class TaskSlot extends Watch {
  private final Completions sink;
  /** What the creator hangs on the slot (a stream's bookkeeping for the task). */
  final Object tag;
  private Object reply;
  private volatile boolean replied;
  private volatile TaskResult<Object> outcome;
  /** The thread to wake when the slot completes, if any. */
  volatile Thread waiter;

  TaskSlot(Completions sink, Object tag) {
    this.sink = sink;
    this.tag = tag;
  }

  /** A slot that holds {@code value} already, for a task that never ran in a process ({@code Task.completed}). */
  static TaskSlot completed(Object value) {
    TaskSlot slot = new TaskSlot(null, null);
    slot.reply(value);
    slot.outcome = new TaskResult.Ok<>(value);
    return slot;
  }

  /** The task's body returned {@code value}; called in the task's process, before it exits. */
  void reply(Object value) {
    reply = value;
    replied = true;
  }

  @Override
  protected void fire(Process target, ExitReason reason) {
    outcome = replied ? new TaskResult.Ok<>(reply) : new TaskResult.Exit<>(reason);
    if (sink != null) {
      sink.completed(this);
    }
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  boolean isDone() {
    return outcome != null;
  }

  /** The result, once {@link #isDone()}. */
  TaskResult<Object> outcome() {
    return outcome;
  }

  /**
   * Waits until the slot completes or {@code timeoutNanos} pass (forever when negative); returns
   * whether it completed. A completed slot is reported even if {@code me} has exited meanwhile.
   */
  boolean await(Process me, long timeoutNanos) {
    if (isDone()) {
      return true;
    }
    waiter = Thread.currentThread();
    long deadline = System.nanoTime() + Math.max(timeoutNanos, 0);
    for (; ; ) {
      if (isDone()) {
        return true;
      }
      long remaining = -1;
      if (timeoutNanos >= 0) {
        remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
      }
      Parking.park(me, this, remaining);
    }
  }

  /** Waits for a slot whose task is known to be dead; its exit completes it at once. Never throws. */
  void awaitDead() {
    waiter = Thread.currentThread();
    while (!isDone()) {
      LockSupport.parkNanos(this, 1_000_000);
    }
  }
}
