package dev.arbor.sample.payments;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.GenServer;
import java.util.concurrent.CountDownLatch;

/**
 * Charges orders through a bank that may stall. While the latch {@code bankOnline} is closed, a
 * charge waits for it, and a caller with a short timeout gets {@code CallTimeoutException}; the reply
 * the server sends once the bank is back is dropped, never reaching that caller. The latch stands in
 * for a slow network; it is the only thing shared with the outside, and is safe to share.
 */
@GenServer
public final class Payments {
  private final CountDownLatch bankOnline;
  private int charged;

  /** A gateway whose bank answers once {@code bankOnline} is open. */
  public Payments(CountDownLatch bankOnline) {
    this.bankOnline = bankOnline;
  }

  /**
   * Charges {@code cents} for {@code orderId} once the bank answers; returns a receipt number. An
   * exit signal that arrives meanwhile interrupts the wait, and the server exits with its reason.
   */
  @Call
  public String charge(String orderId, long cents) throws InterruptedException {
    bankOnline.await();
    charged++;
    return "receipt-" + charged + " for " + orderId + " (" + cents + " cents)";
  }

  /** How many charges went through. */
  @Call
  public int charged() {
    return charged;
  }
}
