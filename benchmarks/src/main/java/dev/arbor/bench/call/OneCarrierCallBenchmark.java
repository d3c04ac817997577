package dev.arbor.bench.call;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The single-carrier hand-off floor (system {@code vt1} in the results): {@link CallBenchmark}'s
 * {@code fromProcess} on the bare virtual-thread hand-off ({@link dev.arbor.bench.common.VtEcho}), in
 * a JVM whose virtual threads have one carrier thread. With one carrier, an unpark never wakes
 * another core: the woken thread runs when the waker parks, so this is what a hand-off costs when no
 * core has to be woken, the floor issue 17 measures a call against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djdk.virtualThreadScheduler.parallelism=1"})
public class OneCarrierCallBenchmark {
  private Caller caller;

  @Setup(Level.Trial)
  public void setUp() {
    caller = Caller.of("vt");
    long sum = caller.fromProcess(CallBenchmark.BATCH);
    if (sum != Caller.expectedSum(CallBenchmark.BATCH)) {
      throw new AssertionError("vt1: a batch of calls summed to " + sum);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    caller.close();
  }

  @Benchmark
  @OperationsPerInvocation(CallBenchmark.BATCH)
  public long fromProcess() {
    return caller.fromProcess(CallBenchmark.BATCH);
  }
}
