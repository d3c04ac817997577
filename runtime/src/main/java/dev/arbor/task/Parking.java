package dev.arbor.task;

import dev.arbor.internal.HeldOutput;
import dev.arbor.internal.Process;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;

/** How a task's owner waits: parked, woken by a completion, and never past its own exit. */
final class Parking {
  private Parking() {}

  /**
   * Parks at most {@code nanos} (forever when negative). Throws as every Arbor operation does if
   * {@code me} has exited; on a plain thread, an interrupt (which no exit signal sends there) gives
   * up with {@link CancellationException}, the interrupt kept. A process ignores a stray interrupt.
   *
   * <p>It checks {@code me} before parking, not after: the caller looks for completions first on
   * waking, since a linked task's exit completes its slot just before its signal kills the owner,
   * and the owner should learn of the task rather than only of its own death.
   */
  static void park(Process me, Object blocker, long nanos) {
    if (!me.isAlive()) {
      me.checkAlive();
    }
    HeldOutput.release(me);
    if (nanos < 0) {
      LockSupport.park(blocker);
    } else {
      LockSupport.parkNanos(blocker, nanos);
    }
    if (Thread.interrupted() && me.isAlive() && me.isAdopted()) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a task in " + me.pid());
    }
  }

  /** Nanoseconds of a timeout that must not be negative, saturated instead of overflowing. */
  static long nanos(Duration timeout, String argument) {
    Objects.requireNonNull(timeout, argument);
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(argument + " must not be negative: " + timeout);
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
