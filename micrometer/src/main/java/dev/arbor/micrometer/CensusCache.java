package dev.arbor.micrometer;

import dev.arbor.observe.Census;
import java.time.Duration;

/**
 * One {@link Census} shared by every gauge read within {@code maxAge}: a scrape reads twenty-one
 * gauges in a row, and each would otherwise walk every live process again.
 */
final class CensusCache {
  private record Taken(Census census, long atNanos) {}

  private final long maxAgeNanos;
  private volatile Taken last;

  CensusCache(Duration maxAge) {
    this.maxAgeNanos = maxAge.toNanos();
  }

  Census get() {
    Taken t = last;
    long now = System.nanoTime();
    if (t == null || now - t.atNanos() > maxAgeNanos) {
      t = new Taken(Census.take(), now); // two racing readers may both walk: harmless, and rare
      last = t;
    }
    return t.census();
  }
}
