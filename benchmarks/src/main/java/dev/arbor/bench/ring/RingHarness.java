package dev.arbor.bench.ring;

import dev.arbor.bench.common.Measure;
import dev.arbor.bench.common.Result;

/**
 * Ring of {@code PROCS} processes passing a token {@code HOPS} hops, in a JVM of its own; prints {@code
 * ring.hop}, nanoseconds per hop (mean of the measured laps, after warm-up laps; building the ring is
 * not timed). The warm-up first builds and runs a ring that is then left idle, so that the measured
 * ring's processes start in compiled code (see {@link #main}). Systems: {@code arbor} (plain
 * processes), {@code pekko} (actors), {@code vt} (bare virtual threads). Erlang runs the same ring
 * in {@code arbor_bench.erl}.
 *
 * <p>Alone: {@code benchmarks/run --only ring}; or {@code java -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.arbor.bench.ring.RingHarness
 * arbor full 10000 1000000}.
 */
public final class RingHarness {
  private RingHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: RingHarness arbor|pekko|vt quick|full PROCS HOPS");
    }
    String system = args[0];
    Measure measure = Measure.of(args[1]);
    int procs = Integer.parseInt(args[2]);
    int hops = Integer.parseInt(args[3]);
    Ring ring = Ring.of(system);
    // Two rings, the first only to warm up, then left idle. Each process runs its loop in one
    // activation for its whole life, and the first ring's processes start before the JIT has
    // compiled that loop: an activation that starts interpreted stays so until on-stack replacement
    // picks it (one back-edge in about a thousand), so their laps measure a varying mix of
    // interpreted and compiled hops. The second ring's processes start in the compiled loop, as
    // processes started once a JVM is warm do; an actor's behaviour, called once per message, is
    // compiled either way.
    for (int warmRing = 0; warmRing < 2; warmRing++) {
      ring.build(procs);
      for (int i = 0; i < measure.warmupIterations(); i++) {
        ring.lap(hops);
      }
    }
    double sum = 0;
    for (int i = 0; i < measure.measuredIterations(); i++) {
      long t0 = System.nanoTime();
      ring.lap(hops);
      sum += (double) (System.nanoTime() - t0) / hops;
    }
    Result.print("ring.hop", system, sum / measure.measuredIterations(), "ns");
    System.exit(0);
  }
}
