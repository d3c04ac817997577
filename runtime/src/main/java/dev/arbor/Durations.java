package dev.arbor;

import java.time.Duration;
import java.util.Objects;

/** Checks the durations users pass and turns them into nanoseconds, saturating instead of overflowing. */
final class Durations {
  private Durations() {}

  /** Nanoseconds of a duration that must be zero or more. */
  static long toNanos(Duration d, String argument) {
    Objects.requireNonNull(d, argument);
    if (d.isNegative()) {
      throw new IllegalArgumentException(argument + " must not be negative: " + d);
    }
    return saturated(d);
  }

  /** Nanoseconds of a duration that must be more than zero. */
  static long toPositiveNanos(Duration d, String argument) {
    Objects.requireNonNull(d, argument);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(argument + " must be positive: " + d);
    }
    return saturated(d);
  }

  private static long saturated(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
