package dev.arbor.reliability;

import dev.arbor.internal.Mailbox;
import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * KNOWN FAILURE (finding, not fixed): {@link Mailbox#size()} is not linearizable with {@link
 * Mailbox#isEmpty()}. A producer that has swapped the tail but not yet linked its node makes the
 * consumer see {@code isEmpty() == false} and then {@code size() == 0}: {@code isEmpty} compares
 * head with tail, {@code size} walks the linked {@code next} pointers. Lincheck's model checker finds
 * it in seconds. {@code size} is documented as introspection only, so this is a deviation to
 * document (or fix by having {@code size} wait for the link like {@code poll} does), not a lost
 * message.
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
  @Disabled("KNOWN FAILURE: Mailbox.size() counts linked nodes only and disagrees with isEmpty() while a producer is mid-offer")
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
