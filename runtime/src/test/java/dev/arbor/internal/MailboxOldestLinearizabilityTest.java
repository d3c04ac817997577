package dev.arbor.internal;

import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck checks the consumer's look-then-take, what a selective receive does with each message
 * ({@link Mailbox#oldest()}, then {@link Mailbox#take}), against a plain FIFO queue while producers
 * offer concurrently: the consumer takes the oldest message only if it is odd, and leaves an even
 * one first in line. Taking the last node while a producer links a new one behind it is the race
 * this covers. The consumer's operations share a non-parallel group: one consumer, by contract.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class MailboxOldestLinearizabilityTest {
  private final Mailbox box = new Mailbox();

  @Operation
  public void offer(@Param(name = "value") int value) {
    box.offer(value);
  }

  @Operation(nonParallelGroup = "consumer")
  public Object takeOldestIfOdd() {
    Mailbox.Node node = box.oldest();
    if (node == null || (Integer) node.value % 2 == 0) {
      return null;
    }
    if (!box.take(node)) {
      throw new AssertionError("only this consumer takes, and it took nothing since it looked");
    }
    return node.value;
  }

  @Operation(nonParallelGroup = "consumer")
  public Object poll() {
    return box.poll();
  }

  /** The sequential specification: a FIFO queue with the same operations. */
  public static final class Fifo {
    private final ArrayDeque<Object> queue = new ArrayDeque<>();

    public void offer(int value) {
      queue.add(value);
    }

    public Object takeOldestIfOdd() {
      Object oldest = queue.peek();
      return oldest == null || (Integer) oldest % 2 == 0 ? null : queue.poll();
    }

    public Object poll() {
      return queue.poll();
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
