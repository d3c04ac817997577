package dev.arbor.bench.common;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;

/**
 * The Arbor server of every shape, written as a user writes one: a call that answers at once, a cast
 * that counts, and a call that reads the count.
 */
@GenServer
public final class EchoServer {
  private long hits;

  public EchoServer() {}

  /** Answers with its argument: the call round trip's payload. */
  @Call
  public long echo(long value) {
    return value;
  }

  /** Counts one cast. */
  @Cast
  public void hit() {
    hits++;
  }

  /** How many casts this server has handled; the call that ends a cast batch. */
  @Call
  public long hits() {
    return hits;
  }
}
