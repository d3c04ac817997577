package dev.arbor.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallStatsTest {
  @Test
  void percentilesAndCountPerServerAndHandler() {
    CallStats stats = new CallStats();
    for (int k = 1; k <= 100; k++) {
      stats.record("a.b.Shop", "buy", k * 1_000L);
    }
    stats.record("a.b.Shop", "look", 5L);
    List<Map<String, Object>> rows = stats.rows();
    assertEquals(2, rows.size());
    Map<String, Object> buy = rows.get(0);
    assertEquals("Shop", buy.get("server"));
    assertEquals("buy", buy.get("handler"));
    assertEquals(100L, buy.get("count"));
    assertEquals(50_000L, buy.get("p50"));
    assertEquals(99_000L, buy.get("p99"));
    assertEquals(100_000L, buy.get("max"));
    assertEquals(1L, rows.get(1).get("count"));
    assertEquals(101L, stats.calls.sum());
  }

  @Test
  void onlyTheMostRecentSamplesMakeThePercentiles() {
    CallStats stats = new CallStats();
    for (int k = 0; k < CallStats.SAMPLES; k++) {
      stats.record("S", "h", 1_000_000L); // an old slow spell, pushed out of the ring below
    }
    for (int k = 0; k < CallStats.SAMPLES; k++) {
      stats.record("S", "h", 10L);
    }
    Map<String, Object> row = stats.rows().get(0);
    assertEquals(2L * CallStats.SAMPLES, row.get("count"), "the count stays exact");
    assertEquals(10L, row.get("max"));
  }
}
