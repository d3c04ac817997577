package dev.arbor.bench.spawn;

import dev.arbor.bench.call.Caller;

/** One system's idle servers: started one after another, kept alive, and a caller for the growth shape. */
interface Spawner {
  /** The caller whose round trip is measured before and after the idle servers exist. */
  Caller caller();

  /**
   * Starts {@code count} idle servers one after another, each started (its init run) before the next,
   * keeps them alive, and returns the nanoseconds that took.
   */
  long startIdle(int count) throws Exception;

  /** Waits until the idle servers have settled (hibernated, where they hibernate). */
  default void settle() throws Exception {}

  /** How many of the idle servers are alive, to check the figure is about what it claims. */
  int alive();
}
