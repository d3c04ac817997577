package test;

import dev.arbor.ExitReason;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.annotation.Terminate;

/** The counter from the API contract's "What a user writes". */
@GenServer
public final class Counter {
  private int count;

  public Counter(int initial) {
    this.count = initial;
  }

  /** The current count. */
  @Call
  public int get() {
    return count;
  }

  /**
   * Adds {@code amount} to the count.
   *
   * @param amount how much to add
   * @return the new count
   */
  @Call
  public int incrementBy(int amount) {
    return count += amount;
  }

  /** Adds one. */
  @Cast
  public void increment() {
    count++;
  }

  /** Resets the count on every tick. */
  @Info
  public void onTick(Tick tick) {
    count = 0;
  }

  @Terminate
  public void terminate(ExitReason reason) {}

  /** A message that reaches {@link #onTick}. */
  public record Tick() {}
}
