package dev.arbor.sample.metrics;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts hits per key. One such server would serialize every request of the desk, so {@link
 * HitCounters} runs several, each owning the keys that route to its partition.
 */
@GenServer
public final class HitCounter {
  private final Map<String, Long> hits = new HashMap<>();

  /** Counts one hit for {@code key}, without waiting. */
  @Cast
  public void hit(String key) {
    hits.merge(key, 1L, Long::sum);
  }

  /** The hits counted for {@code key} by this partition. */
  @Call
  public long hits(String key) {
    return hits.getOrDefault(key, 0L);
  }
}
