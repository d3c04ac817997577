package dev.arbor.sample.cache;

import static dev.arbor.testkit.Testkit.assertReceive;
import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.Proc;
import dev.arbor.testkit.ArborTest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@ArborTest
class CacheTest {
  @Test
  void anExpiredEntryIsHiddenAtOnceAndSweptByTheTimer() {
    CacheClient cache = CacheClient.of(startSupervised(CacheClient.childSpec(Duration.ofMillis(10))));
    cache.subscribe(Proc.self());
    cache.put("fresh", "1", Duration.ofHours(1));
    cache.put("stale", "2", Duration.ofMillis(30));
    assertEquals(new Evicted("stale"), assertReceive(Evicted.class, Duration.ofSeconds(5)));
    assertEquals(Optional.empty(), cache.get("stale"));
    assertEquals(Optional.of("1"), cache.get("fresh"));
    assertEquals(1, cache.size());
  }

  @Test
  void anEntryPastItsTtlIsNotServedBeforeTheSweep() {
    CacheClient cache = CacheClient.of(startSupervised(CacheClient.childSpec(Duration.ofHours(1))));
    cache.put("k", "v", Duration.ofNanos(1));
    assertEquals(Optional.empty(), cache.get("k"));
    assertEquals(1, cache.size(), "still held until the next sweep");
  }
}
