package dev.arbor.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Proc;
import dev.arbor.sample.desk.OrderDesk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the sample app's scenario in-process, as {@code Main} does, and checks what it says happened. */
class ScenarioTest {
  private static final List<String> printed = new ArrayList<>();
  private static Scenario.Outcome outcome;

  private static synchronized Scenario.Outcome outcome() {
    if (outcome == null) {
      outcome = Scenario.run(printed::add);
    }
    return outcome;
  }

  @Test
  void theCrashedSessionIsRestartedUnderTheSameName() {
    Scenario.SessionCrash crash = outcome().crash();
    assertNotEquals(crash.crashed(), crash.restarted(), "a new process");
    assertEquals(crash.restarted(), crash.foundByName(), "found by its user id through the registry");
    assertFalse(crash.crashed().isAlive());
  }

  @Test
  void theDeadBorrowersConnectionGoesBackToThePool() {
    Scenario.PoolReclaim reclaim = outcome().reclaim();
    assertEquals(reclaim.connection(), reclaim.reclaimed());
    assertEquals(OrderDesk.CONNECTIONS.size() - 1, reclaim.availableWhileBorrowed());
    assertEquals(OrderDesk.CONNECTIONS.size(), reclaim.availableAfter());
    assertFalse(reclaim.borrower().isAlive());
  }

  @Test
  void theExpiredEntryIsGone() {
    Scenario.CacheExpiry expiry = outcome().expiry();
    assertEquals(Optional.empty(), expiry.valueAfter());
    assertEquals(1, expiry.sizeAfter(), "swept, not just hidden; the long-lived entry stays");
  }

  @Test
  void theStalledCallTimesOut() {
    assertNotNull(outcome().callTimeout(), "the call to the stalled gateway raised CallTimeoutException");
    assertEquals("charge", outcome().callTimeout().handler());
    assertEquals(Duration.ofMillis(200), outcome().callTimeout().timeout());
  }

  @Test
  void theBatchRanBoundedAndInOrder() {
    var batch = outcome().batch();
    assertEquals(8, batch.invoices().size());
    assertEquals("order-1", batch.invoices().get(0).orderId());
    assertEquals(1_250, batch.invoices().get(0).totalCents(), "the tax rate the settings agent was given");
    assertTrue(batch.peakConcurrency() >= 1 && batch.peakConcurrency() <= batch.maxConcurrency());
  }

  @Test
  void itPrintsWhatItReturnsAndEndsWithTheTreeStopped() {
    Scenario.Outcome o = outcome();
    assertEquals(printed, o.lines());
    assertEquals("desk: stopped", o.lines().get(o.lines().size() - 1));
    assertTrue(o.tree().contains("sessions.registry"), o.tree());
    assertTrue(o.tree().contains("hit-counters"), o.tree());
    assertTrue(o.requestsServed() >= 4);
    assertEquals(Optional.empty(), Proc.whereis(OrderDesk.NAME), "the desk stopped");
  }
}
