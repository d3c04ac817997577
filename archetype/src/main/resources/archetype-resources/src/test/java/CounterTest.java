package ${package};

import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.testkit.ArborTest;
import org.junit.jupiter.api.Test;

/** Each test runs as its own process; what it starts stops when it ends, and a leak fails it. */
@ArborTest
class CounterTest {
  @Test
  void countsCastsAndCalls() {
    CounterClient counter = CounterClient.of(startSupervised(CounterClient.childSpec(0)));
    counter.increment();
    assertEquals(6, counter.incrementBy(5));
    assertEquals(6, counter.get());
  }
}
