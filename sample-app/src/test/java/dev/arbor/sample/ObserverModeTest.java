package dev.arbor.sample;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Proc;
import dev.arbor.sample.desk.OrderDesk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ObserverModeTest {
  @Test
  void observerModeServesTheDeskUntilItsTimeIsUpThenStopsIt() {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ObserverMode.main(new String[] {"2"}));
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.matches("(?s)Arbor observer: http://127\\.0\\.0\\.1:\\d+/\\?token=[0-9a-f]{48}\n.*"), text);
    assertTrue(Proc.whereis(OrderDesk.NAME).isEmpty(), "the desk is stopped");
  }
}
