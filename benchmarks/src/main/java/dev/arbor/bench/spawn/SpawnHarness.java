package dev.arbor.bench.spawn;

import dev.arbor.bench.common.Measure;
import dev.arbor.bench.common.Result;

/**
 * Spawn and cost growth for one system, in a JVM of its own: measures the call round trip from a
 * process (as {@code call.process}) with no idle server, starts {@code N} idle servers one after
 * another, measures the heap after full collections and the resident set per idle server, then the
 * call round trip again with the {@code N} servers alive. Prints {@code spawn.start} (µs per start),
 * {@code spawn.heap} and {@code spawn.rss} (bytes per idle server), {@code growth.idle0}, {@code
 * growth.idle1m} (ns per call) and {@code growth.ratio}.
 *
 * <p>Systems: {@code arbor}, {@code arbor-hib} (started with {@code hibernateAfter(0)}), {@code
 * pekko}, {@code vt} (parked virtual threads). Erlang runs the same shape in {@code arbor_bench.erl}.
 *
 * <p>Alone: {@code benchmarks/run --only spawn}; or {@code java -Xmx8g -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.arbor.bench.spawn.SpawnHarness
 * arbor full 1000000}.
 */
public final class SpawnHarness {
  private SpawnHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: SpawnHarness arbor|arbor-hib|pekko|vt quick|full N");
    }
    String system = args[0];
    Measure measure = Measure.of(args[1]);
    int count = Integer.parseInt(args[2]);
    Spawner spawner = switch (system) {
      case "arbor" -> new ArborSpawner(false);
      case "arbor-hib" -> new ArborSpawner(true);
      case "pekko" -> new PekkoSpawner();
      case "vt" -> new VtSpawner();
      default -> throw new IllegalArgumentException("unknown system: " + system);
    };
    // Both calls are timed right after full collections (the heap's measurement), so that what
    // differs between them is the idle servers, not what a collection leaves behind: a full
    // collection moves the parked threads' stacks to the old generation, and a call right after one
    // ran up to twice as slow for the first half second in development runs.
    long heap0 = Measure.heapAfterGc();
    long rss0 = Measure.rss();
    double idle0 = spawner.caller().nanosPerCallFromProcess(measure);
    long nanos = spawner.startIdle(count);
    spawner.settle();
    long heap1 = Measure.heapAfterGc();
    long rss1 = Measure.rss();
    if (spawner.alive() != count) {
      throw new IllegalStateException(system + ": " + spawner.alive() + " of " + count + " idle servers are alive");
    }
    double idleN = spawner.caller().nanosPerCallFromProcess(measure);
    Result.print("spawn.start", system, nanos / 1000.0 / count, "us");
    Result.print("spawn.heap", system, (double) (heap1 - heap0) / count, "B");
    Result.print("spawn.rss", system, (double) (rss1 - rss0) / count, "B");
    Result.print("growth.idle0", system, idle0, "ns");
    Result.print("growth.idle1m", system, idleN, "ns");
    Result.print("growth.ratio", system, idleN / idle0, "x");
    System.exit(0);
  }
}
