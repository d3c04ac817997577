package dev.arbor.sample.pool;

import static dev.arbor.testkit.Testkit.assertReceive;
import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.testkit.ArborTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@ArborTest
class PoolTest {
  private record Got(String connection) {}

  @Test
  void checkoutAndCheckinWithABusinessErrorWhenEmpty() throws Exception {
    PoolClient pool = PoolClient.of(startSupervised(PoolClient.childSpec(List.of("c1"))));
    String c = pool.checkout();
    assertEquals("c1", c);
    assertThrows(PoolEmptyException.class, pool::checkout);
    assertTrue(pool.checkin(c));
    assertFalse(pool.checkin(c), "given back already");
    assertEquals(1, pool.available());
  }

  @Test
  void aDeadBorrowersConnectionComesBack() {
    PoolClient pool = PoolClient.of(startSupervised(PoolClient.childSpec(List.of("c1", "c2"))));
    pool.subscribe(Proc.self());
    Pid test = Proc.self();
    Pid borrower = Proc.spawn(() -> {
      try {
        test.send(new Got(pool.checkout()));
        Proc.receive();
      } catch (PoolEmptyException e) {
        throw new IllegalStateException(e);
      }
    });
    Got got = assertReceive(Got.class, Duration.ofSeconds(5));
    assertEquals(1, pool.available());
    Proc.exit(borrower, ExitReason.kill());
    Reclaimed reclaimed = assertReceive(Reclaimed.class, Duration.ofSeconds(5));
    assertEquals(new Reclaimed(got.connection(), borrower, ExitReason.killed()), reclaimed);
    assertEquals(2, pool.available());
  }
}
