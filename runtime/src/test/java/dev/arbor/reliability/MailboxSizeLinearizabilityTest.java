package dev.arbor.reliability;

import dev.arbor.internal.Mailbox;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * {@link Mailbox#size()} is linearizable with {@link Mailbox#isEmpty()} and {@code offer}. A producer
 * that has swapped the tail but not yet linked its node used to make the consumer see {@code
 * isEmpty() == false} and then {@code size() == 0}; Lincheck's model checker found it. {@code size}
 * now counts up to the tail and waits for that link, as {@code poll} does.
 */
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class MailboxSizeLinearizabilityTest {
  private final Mailbox box = new Mailbox();

  @Operation
  public void offer(@Param(name = "value") int value) {
    box.offer(value);
  }

  @Operation(nonParallelGroup = "consumer")
  public boolean isEmpty() {
    return box.isEmpty();
  }

  @Operation(nonParallelGroup = "consumer")
  public int size() {
    return box.size();
  }

  /** The sequential specification. */
  public static final class Fifo {
    private final ArrayDeque<Object> queue = new ArrayDeque<>();

    public void offer(int value) {
      queue.add(value);
    }

    public boolean isEmpty() {
      return queue.isEmpty();
    }

    public int size() {
      return queue.size();
    }
  }

  @Test
  void sizeAgreesWithIsEmpty() {
    new ModelCheckingOptions()
        .sequentialSpecification(Fifo.class)
        .threads(2)
        .actorsPerThread(2)
        .iterations(30)
        .invocationsPerIteration(500)
        .check(getClass());
  }
}
