package dev.arbor.micrometer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The values one tag may take: the first {@code limit} distinct ones as they are, every later one as
 * {@value #OTHER}, so that a program with thousands of server classes or child ids cannot make
 * thousands of time series (Micrometer's own {@code MeterFilter.maximumAllowableTags} caps the same
 * way, but drops the meter instead of counting it elsewhere).
 */
final class CappedTagValues {
  static final String OTHER = "other";

  private final int limit;
  private final ConcurrentHashMap<String, String> admitted = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  CappedTagValues(int limit) {
    this.limit = limit;
  }

  /** {@code value} itself if it is, or can still be, one of the admitted values; {@value #OTHER} otherwise. */
  String of(String value) {
    if (admitted.containsKey(value)) {
      return value;
    }
    // Reserve a place before admitting, so that racing threads cannot admit more than the limit.
    if (size.incrementAndGet() > limit) {
      size.decrementAndGet();
      return OTHER;
    }
    if (admitted.putIfAbsent(value, value) != null) {
      size.decrementAndGet(); // another thread admitted the same value
    }
    return value;
  }
}
