package dev.arbor.bench.call;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Call round trip, nanoseconds per call, on each system ({@code arbor}: an {@code EchoServer} through
 * its client; {@code pekko}: an actor; {@code vt}: {@link dev.arbor.bench.common.VtEcho}, the bare
 * virtual-thread hand-off).
 *
 * <ul>
 *   <li>{@link #fromProcess}: a process (an Arbor process, a Pekko actor, a virtual thread) makes
 *       {@value #BATCH} calls one after another; the benchmark thread starts the batch and waits for its
 *       end, a cost spread over the batch. Erlang's {@code gen_server:call} runs the same shape in
 *       {@code arbor_bench.erl}.
 *   <li>{@link #fromThread}: the benchmark's own platform thread calls (Pekko: a blocking ask).
 * </ul>
 *
 * <p>Alone: {@code benchmarks/run --only call.process} (or {@code call.thread}); or, after a build,
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main
 * 'CallBenchmark.fromProcess' -p system=arbor -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CallBenchmark {
  static final int BATCH = Caller.BATCH;

  @Param({"arbor", "pekko", "vt"})
  public String system;

  private Caller caller;
  private long next;

  @Setup(Level.Trial)
  public void setUp() {
    caller = Caller.of(system);
    long sum = caller.fromProcess(BATCH);
    if (sum != Caller.expectedSum(BATCH)) {
      throw new AssertionError(system + ": a batch of calls summed to " + sum);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    caller.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long fromProcess() {
    return caller.fromProcess(BATCH);
  }

  @Benchmark
  public long fromThread() {
    return caller.fromThread(++next);
  }
}
