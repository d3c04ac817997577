package dev.arbor.sample.payments;

import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbor.server.CallTimeoutException;
import dev.arbor.testkit.ArborTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

@ArborTest
class PaymentsTest {
  @Test
  void aStalledBankTimesTheCallOutAndTheServerGoesOnOnceItIsBack() throws Exception {
    CountDownLatch bankOnline = new CountDownLatch(1);
    PaymentsClient payments = PaymentsClient.of(startSupervised(PaymentsClient.childSpec(bankOnline)));
    try {
      CallTimeoutException e = assertThrows(CallTimeoutException.class,
          () -> payments.withTimeout(Duration.ofMillis(50)).charge("o1", 100));
      assertEquals("charge", e.handler());
    } finally {
      bankOnline.countDown();
    }
    assertEquals("receipt-2 for o2 (200 cents)", payments.charge("o2", 200), "the timed-out charge went through late");
    assertEquals(2, payments.charged());
  }
}
