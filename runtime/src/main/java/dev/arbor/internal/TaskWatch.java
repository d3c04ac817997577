package dev.arbor.internal;

/**
 * The scheduler's watchdog's record of a thread that counts the tasks it runs (a {@link Carrier}, a
 * {@link Guest}): from the count at each look it tells for how long the thread has been on one task.
 * Only the watchdog's thread uses it.
 */
final class TaskWatch {
  private long seenCount = -1;
  private long seenSince;

  /**
   * For how long, as of {@code now}, the thread's count has stood at {@code count}: since the first
   * look that saw it, so 0 at that look.
   */
  long unchangedFor(long count, long now) {
    if (count != seenCount) {
      seenCount = count;
      seenSince = now;
    }
    return now - seenSince;
  }
}
