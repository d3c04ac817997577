package dev.arbor;

import static dev.arbor.Waits.WAIT;
import static dev.arbor.Waits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many producers, one consumer: nothing lost, each producer's order kept, no wake-up lost. Run once each. */
@ExtendWith(WithIdentity.class)
class StressTest {

  @Test
  void sixteenSendersOfAHundredThousandMessagesLoseNothingAndKeepEachSendersOrder() {
    int senders = 16;
    int perSender = 100_000;
    Pid me = Proc.self();
    for (int s = 0; s < senders; s++) {
      long tag = (long) s << 32;
      Proc.spawn(() -> {
        for (int i = 0; i < perSender; i++) {
          me.send(tag | i);
        }
      });
    }
    int[] nextSeq = new int[senders];
    for (int n = 0; n < senders * perSender; n++) {
      long m = (Long) Proc.receive(WAIT).orElseThrow(() -> new AssertionError(
          "lost messages: next expected per sender " + Arrays.toString(nextSeq)));
      int sender = (int) (m >>> 32);
      int seq = (int) m;
      if (seq != nextSeq[sender]) {
        fail("sender " + sender + " sent " + nextSeq[sender] + " before " + seq + ", but " + seq + " came first");
      }
      nextSeq[sender]++;
    }
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "more messages than were sent");
  }

  @Test
  void pingPongNeverLosesAWakeUp() {
    // Each side parks between messages, so every message goes through the park/wake protocol.
    int rounds = 100_000;
    Pid me = Proc.self();
    Pid echo = Proc.spawn(() -> {
      for (int i = 0; i < rounds; i++) {
        me.send(Proc.receive());
      }
    });
    for (int i = 0; i < rounds; i++) {
      echo.send(i);
      assertEquals(i, next(), "round " + i);
    }
  }
}
