package dev.arbor.sample.metrics;

import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.testkit.ArborTest;
import org.junit.jupiter.api.Test;

@ArborTest
class HitCountersTest {
  @Test
  void eachKeyIsCountedByTheOnePartitionItRoutesTo() {
    HitCounters counters = new HitCounters(4);
    startSupervised(counters.childSpec());
    for (int i = 0; i < 3; i++) {
      counters.hit("alice");
    }
    counters.hit("bob");
    assertEquals(3, counters.hits("alice"));
    assertEquals(1, counters.hits("bob"));
    assertEquals(4, counters.supervisor().partitions());
    assertEquals(counters.supervisor().pidFor("alice"), counters.counterFor("alice").pid());
  }
}
