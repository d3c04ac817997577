package dev.arbor.sample.counter;

import dev.arbor.ExitReason;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.annotation.Terminate;

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

  /** Any {@link Tick} sent to the server's pid resets the count. */
  @Info
  public void onTick(Tick tick) {
    count = 0;
  }

  /** Runs when the server stops. */
  @Terminate
  public void terminate(ExitReason reason) {
    System.out.println("counter: stopping with " + reason + " at " + count);
  }
}
