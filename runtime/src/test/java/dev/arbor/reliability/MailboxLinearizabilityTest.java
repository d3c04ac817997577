package dev.arbor.reliability;

import dev.arbor.internal.Mailbox;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck checks that the mailbox is linearizable against a plain FIFO queue: any number of
 * producers offer concurrently while the one consumer polls and asks whether it is empty. The
 * consumer's operations share a non-parallel group, since the mailbox is single-consumer by
 * contract. Iterations are bounded so the test takes seconds. {@code size()} is left out: it is not
 * linearizable (see {@link MailboxSizeLinearizabilityTest}).
 */
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class MailboxLinearizabilityTest {
  private final Mailbox box = new Mailbox();

  @Operation
  public void offer(@Param(name = "value") int value) {
    box.offer(value);
  }

  @Operation(nonParallelGroup = "consumer")
  public Object poll() {
    return box.poll();
  }

  @Operation(nonParallelGroup = "consumer")
  public boolean isEmpty() {
    return box.isEmpty();
  }


  /** The sequential specification: a FIFO queue with the same operations. */
  public static final class Fifo {
    private final ArrayDeque<Object> queue = new ArrayDeque<>();

    public void offer(int value) {
      queue.add(value);
    }

    public Object poll() {
      return queue.poll();
    }

    public boolean isEmpty() {
      return queue.isEmpty();
    }
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .sequentialSpecification(Fifo.class)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(2)
        .iterations(15)
        .invocationsPerIteration(300)
        .check(getClass());
  }

  @Test
  void stress() {
    new StressOptions()
        .sequentialSpecification(Fifo.class)
        .threads(3)
        .actorsPerThread(4)
        .iterations(15)
        .invocationsPerIteration(500)
        .check(getClass());
  }
}
