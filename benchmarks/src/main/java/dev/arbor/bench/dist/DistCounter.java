package dev.arbor.bench.dist;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.GenServer;

/**
 * The server of the dist shape's GenServer rows, written as a user writes one that other nodes
 * call: {@code gen_server:call({counter, Node}, {increment_by, 1})} from a BEAM node, {@code
 * DistCounterClient.of(Name.remote("counter", node)).incrementBy(1)} from another Arbor JVM. Its
 * BEAM twin is {@code dist_counter.erl}, which BEAM to BEAM is measured against.
 */
@GenServer(remote = true)
public final class DistCounter {
  private long count;

  public DistCounter() {}

  /** {@code {increment_by, N}}: adds {@code amount} and answers the new count. */
  @Call
  public long incrementBy(long amount) {
    return count += amount;
  }
}
