package dev.arbor.sample.counter;

import static dev.arbor.testkit.Testkit.refuteReceive;
import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.Down;
import dev.arbor.Proc;
import dev.arbor.testkit.ArborTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@ArborTest
class CounterTest {
  @Test
  void countsCastsAndCalls() {
    CounterClient counter = CounterClient.of(startSupervised(CounterClient.childSpec(0)));
    counter.increment();
    assertEquals(6, counter.incrementBy(5));
    Proc.monitor(counter.pid());
    counter.pid().send(new Tick());
    assertEquals(0, counter.get());
    refuteReceive(Down.class, Duration.ofMillis(50));
  } // the test's children stop newest first; the test fails if it left any process alive
}
