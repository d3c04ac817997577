package dev.arbor.bench.jfr;

import dev.arbor.bench.call.ArborCaller;
import dev.arbor.bench.call.Caller;
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
 * The call.process round trip (an Arbor process calling an {@code EchoServer}, nanoseconds per call)
 * in three kinds of JVM, one method each because the difference is in the JVM's flags:
 *
 * <ul>
 *   <li>{@link #hooks}: as shipped, JFR off. Every call passes Arbor's JFR hook, which finds JFR off.
 *   <li>{@link #removed}: {@code -Darbor.jfr.hooks=false}, which folds the hooks away. {@code hooks ÷
 *       removed} is what the events cost with JFR off.
 *   <li>{@link #recording}: a JFR recording in memory with the default settings, under which every call
 *       commits a {@code dev.arbor.Call} event. For reference: the price of recording every call.
 * </ul>
 *
 * <p>{@code benchmarks/run --only jfr} runs them in pairs, alternating which goes first, so that drift
 * on a shared machine falls on both; see {@link dev.arbor.bench.harness.JmhShapes}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JfrOverheadBenchmark {
  static final int BATCH = Caller.BATCH;

  private Caller caller;

  @Setup(Level.Trial)
  public void setUp() {
    caller = new ArborCaller();
    long sum = caller.fromProcess(BATCH);
    if (sum != Caller.expectedSum(BATCH)) {
      throw new AssertionError("a batch of calls summed to " + sum);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    caller.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public long hooks() {
    return caller.fromProcess(BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Darbor.jfr.hooks=false"})
  public long removed() {
    return caller.fromProcess(BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:StartFlightRecording:disk=false,settings=default"})
  public long recording() {
    return caller.fromProcess(BATCH);
  }
}
