package dev.arbor.bench.jfr;

import dev.arbor.bench.call.Caller;
import dev.arbor.observe.ArborEvents;
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
 * What Arbor's JFR hooks cost a call when JFR is off, measured two ways.
 *
 * <ul>
 *   <li>Directly: {@link #hook} is the check every call makes ({@code ArborEvents.callStarted()}, which
 *       finds JFR off and returns null; {@code callFinished} is then skipped), in nanoseconds, beside
 *       {@link #hooks}, the call.process round trip (an Arbor process calling an {@code EchoServer})
 *       as shipped. Their ratio is the share of a call the events cost.
 *   <li>By removing them: {@link #removed} is the same round trip under {@code -Darbor.jfr.hooks=false},
 *       which folds the hooks away. On a shared 2-core machine the round trip moves by tens of per cent
 *       from one JVM to the next (where the caller and the server land on the two carriers), far more
 *       than the hooks could cost, so this comparison is a sanity check, not the measure.
 * </ul>
 *
 * <p>{@link #recording} is the round trip under an in-memory JFR recording with the default settings,
 * which commits a {@code dev.arbor.Call} event for every call: the price of recording them all.
 *
 * <p>Each method is its own fork because the difference is in the JVM's flags; {@code benchmarks/run
 * --only jfr} runs them, see {@link dev.arbor.bench.harness.JmhShapes}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JfrOverheadBenchmark {
  static final int BATCH = Caller.BATCH;

  private Caller caller;

  @Setup(Level.Trial)
  public void setUp() {
    caller = Caller.arborChecked();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    caller.close();
  }

  /** The JFR check a call makes, with JFR off; the state above is set up but unused here. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public Object hook() {
    return ArborEvents.callStarted();
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
