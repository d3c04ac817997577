package ${package};

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;

/**
 * A counter kept by a process. The Arbor processor generates {@code CounterClient} from this class:
 * a typed client whose methods send calls and casts to the process.
 */
@GenServer
public final class Counter {
  private int count;

  /** The constructor's arguments are the start arguments. */
  public Counter(int initial) {
    this.count = initial;
  }

  /** The current count. */
  @Call
  public int get() {
    return count;
  }

  /** Adds {@code amount} and returns the new count. */
  @Call
  public int incrementBy(int amount) {
    return count += amount;
  }

  /** Adds one, without waiting for an answer. */
  @Cast
  public void increment() {
    count++;
  }
}
