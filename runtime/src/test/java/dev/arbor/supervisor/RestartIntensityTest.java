package dev.arbor.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sliding window of OTP's add_restart, pinned with a clock the test moves. */
class RestartIntensityTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

  private RestartIntensity intensity(int max, Duration period) {
    return new RestartIntensity(max, period, now::get);
  }

  private void at(Duration sinceStart) {
    now.set(1_000_000_000_000L + sinceStart.toNanos());
  }

  @Test
  void allowsMaxRestartsWithinThePeriodAndNotOneMore() {
    RestartIntensity r = intensity(3, Duration.ofSeconds(5));
    for (int i = 0; i < 3; i++) {
      at(Duration.ofSeconds(i));
      assertTrue(r.add(), "restart " + (i + 1));
    }
    at(Duration.ofSeconds(3));
    assertFalse(r.add(), "a fourth restart within 5 s is one too many");
  }

  @Test
  void restartsOlderThanThePeriodSlideOut() {
    RestartIntensity r = intensity(2, Duration.ofSeconds(5));
    at(Duration.ZERO);
    assertTrue(r.add());
    at(Duration.ofSeconds(1));
    assertTrue(r.add());
    at(Duration.ofMillis(5_500));
    assertTrue(r.add(), "the restart at 0 s is more than 5 s old and no longer counts");
    assertEquals(2, r.count());
  }

  @Test
  void aRestartExactlyOnePeriodOldStillCounts() {
    RestartIntensity r = intensity(1, Duration.ofSeconds(5));
    at(Duration.ZERO);
    assertTrue(r.add());
    at(Duration.ofSeconds(5));
    assertFalse(r.add(), "OTP keeps restarts with R >= Now - Period");
  }

  @Test
  void zeroMaxRestartsGivesUpAtTheFirstExit() {
    assertFalse(intensity(0, Duration.ofSeconds(5)).add());
  }
}
