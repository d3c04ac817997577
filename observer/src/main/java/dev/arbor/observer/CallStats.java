package dev.arbor.observer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Call latency per server class and handler over a sliding window: the count is exact (per-second
 * buckets); p50, p99 and max come from the most recent {@link #SAMPLES} calls inside the window.
 * {@link #record} runs on the server's thread after each call, so it takes no lock: a few atomic
 * writes into fixed arrays.
 */
final class CallStats {
  /** The sliding window, in seconds. */
  static final int WINDOW_SECONDS = 60;
  /** How many recent latencies each handler keeps for its percentiles. */
  static final int SAMPLES = 2048;

  /** By server class, then handler: two lookups by the runtime's own (constant) strings, no allocation per call. */
  private final Map<String, Map<String, Series>> series = new ConcurrentHashMap<>();
  /** Every call recorded, for the overview's calls per second. */
  final LongAdder calls = new LongAdder();

  void record(String serverClass, String handler, long nanos) {
    calls.increment();
    Map<String, Series> byHandler = series.get(serverClass);
    if (byHandler == null) {
      byHandler = series.computeIfAbsent(serverClass, c -> new ConcurrentHashMap<>());
    }
    Series s = byHandler.get(handler);
    if (s == null) {
      s = byHandler.computeIfAbsent(handler, h -> new Series());
    }
    s.add(nanos, System.currentTimeMillis());
  }

  /** Forgets everything: a new watcher starts from an empty window. */
  void clear() {
    series.clear();
  }

  /** One row per server class and handler with calls in the window, busiest first. */
  List<Map<String, Object>> rows() {
    long now = System.currentTimeMillis();
    List<Map<String, Object>> rows = new ArrayList<>();
    series.forEach((serverClass, byHandler) -> byHandler.forEach((handler, s) -> {
      Map<String, Object> row = s.summary(now);
      if (row != null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", Kinds.simpleName(serverClass));
        m.put("serverClass", serverClass);
        m.put("handler", handler);
        m.putAll(row);
        rows.add(m);
      }
    }));
    rows.sort(Comparator.comparingLong((Map<String, Object> m) -> (Long) m.get("count")).reversed());
    return rows;
  }

  /** One handler's calls. */
  private static final class Series {
    private final AtomicLong cursor = new AtomicLong();
    private final AtomicLongArray nanos = new AtomicLongArray(SAMPLES);
    private final AtomicLongArray at = new AtomicLongArray(SAMPLES);
    /** Calls per second, in a ring of {@link #WINDOW_SECONDS} buckets stamped with their second. */
    private final AtomicLongArray counts = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray seconds = new AtomicLongArray(WINDOW_SECONDS);

    void add(long latency, long nowMillis) {
      int slot = (int) (cursor.getAndIncrement() % SAMPLES);
      nanos.set(slot, latency);
      at.set(slot, nowMillis);
      long second = nowMillis / 1000;
      int bucket = (int) (second % WINDOW_SECONDS);
      long stamp = seconds.get(bucket);
      if (stamp != second && seconds.compareAndSet(bucket, stamp, second)) {
        counts.set(bucket, 0); // the bucket held an older second: start it afresh
      }
      counts.incrementAndGet(bucket);
    }

    Map<String, Object> summary(long nowMillis) {
      long since = nowMillis - WINDOW_SECONDS * 1000L;
      long count = 0;
      long firstSecond = since / 1000 + 1;
      for (int b = 0; b < WINDOW_SECONDS; b++) {
        if (seconds.get(b) >= firstSecond) {
          count += counts.get(b);
        }
      }
      long[] recent = new long[SAMPLES];
      int n = 0;
      int filled = (int) Math.min(cursor.get(), SAMPLES);
      for (int k = 0; k < filled; k++) {
        if (at.get(k) > since) {
          recent[n++] = nanos.get(k);
        }
      }
      if (n == 0 || count == 0) {
        return null;
      }
      Arrays.sort(recent, 0, n);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("count", count);
      m.put("p50", recent[(int) Math.floor(0.50 * (n - 1))]);
      m.put("p99", recent[(int) Math.floor(0.99 * (n - 1))]);
      m.put("max", recent[n - 1]);
      return m;
    }
  }
}
