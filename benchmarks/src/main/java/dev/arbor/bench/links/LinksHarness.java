package dev.arbor.bench.links;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.bench.common.Measure;
import dev.arbor.bench.common.Result;

/**
 * An exit cascade: a chain of {@code PROCS} processes, each linked to the one that spawned it, whose
 * head is killed; prints {@code links.hop}, nanoseconds per hop from the kill to the tail's {@code
 * Down} (mean of the measured chains, after warm-up chains; building a chain is not timed). Erlang
 * runs the same chain in {@code arbor_bench.erl}.
 *
 * <p>Alone: {@code benchmarks/run --only links}; or {@code java -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * dev.arbor.bench.links.LinksHarness arbor full 100000}.
 */
public final class LinksHarness {
  private LinksHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !args[0].equals("arbor")) {
      throw new IllegalArgumentException("usage: LinksHarness arbor quick|full PROCS");
    }
    Measure measure = Measure.of(args[1]);
    int procs = Integer.parseInt(args[2]);
    try (var main = Proc.adopt()) {
      for (int i = 0; i < measure.warmupIterations(); i++) {
        cascade(procs);
      }
      double sum = 0;
      for (int i = 0; i < measure.measuredIterations(); i++) {
        sum += cascade(procs);
      }
      Result.print("links.hop", "arbor", sum / measure.measuredIterations(), "ns");
    }
    System.exit(0);
  }

  /** Builds a chain, kills its head and returns the nanoseconds per hop until its tail is down. */
  private static double cascade(int procs) {
    Pid main = Proc.self();
    Pid head = Proc.spawn(link(procs - 1, main));
    Pid tail = Proc.receive(Pid.class, java.time.Duration.ofMinutes(5)).orElseThrow();
    var ref = Proc.monitor(tail);
    long t0 = System.nanoTime();
    Proc.exit(head, ExitReason.kill());
    Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), java.time.Duration.ofMinutes(5))
        .orElseThrow(() -> new IllegalStateException("the tail of the chain did not go down"));
    return (double) (System.nanoTime() - t0) / procs;
  }

  /** A link of the chain: spawns the next one linked to itself, or reports itself as the tail. */
  private static Runnable link(int remaining, Pid main) {
    return () -> {
      if (remaining == 0) {
        main.send(Proc.self());
      } else {
        Proc.spawnLink(link(remaining - 1, main));
      }
      Proc.receive();
    };
  }
}
