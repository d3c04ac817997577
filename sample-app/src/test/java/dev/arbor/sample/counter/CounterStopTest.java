package dev.arbor.sample.counter;

import static dev.arbor.testkit.Testkit.assertReceive;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.Down;
import dev.arbor.Proc;
import dev.arbor.testkit.ArborTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A monitor of the README's counter sees it stop (the README's own test, whole, is {@link CounterTest}). */
@ArborTest
class CounterStopTest {
  @Test
  void monitorSeesTheCounterStop() {
    CounterClient counter = CounterClient.start(1);
    Proc.monitor(counter.pid());
    counter.stop();
    assertEquals(counter.pid(), assertReceive(Down.class, Duration.ofSeconds(1)).pid());
  }
}
