package dev.arbor.supervisor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Counts restarts over a sliding window, as OTP's {@code add_restart} does: each restart is stamped;
 * stamps older than the period are forgotten; the supervisor may go on while at most {@code max}
 * stamps remain. Owned by one supervisor process.
 */
final class RestartIntensity {
  private final int max;
  private final long periodNanos;
  private final LongSupplier clock;
  /** Stamps in nanoseconds, oldest first. */
  private final ArrayDeque<Long> stamps = new ArrayDeque<>();

  RestartIntensity(int max, Duration period, LongSupplier clock) {
    this.max = max;
    this.periodNanos = saturatedNanos(period);
    this.clock = clock;
  }

  RestartIntensity(int max, Duration period) {
    this(max, period, System::nanoTime);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** Records a restart now; returns false when that is one restart too many for the window. */
  boolean add() {
    long now = clock.getAsLong();
    // A stamp exactly one period old still counts, as in OTP (it keeps R >= Now - Period).
    while (!stamps.isEmpty() && now - stamps.peekFirst() > periodNanos) {
      stamps.pollFirst();
    }
    stamps.addLast(now);
    return stamps.size() <= max;
  }

  /** Restarts within the current window. */
  int count() {
    return stamps.size();
  }
}
