package dev.arbor.bench.metrics;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.bench.call.Caller;
import dev.arbor.bench.common.EchoServerClient;
import dev.arbor.internal.Process;
import dev.arbor.micrometer.ArborMetrics;
import dev.arbor.observe.ArborEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * What a bound {@link ArborMetrics} binder costs a call, measured two ways, as the JFR benchmark does.
 *
 * <ul>
 *   <li>Directly: {@link #hook} is the work the binder adds to every call on the server's thread
 *       ({@code ArborEvents.callClock()} reads the clock, {@code callFinished} reads it again and leaves
 *       the duration in the binder's buffer), in nanoseconds, beside {@link #unbound}, the call.process
 *       round trip (an Arbor process calling an {@code EchoServer}) with no binder. Their ratio is the
 *       share of a call the binder costs. {@link #drain} is the rest of the binder's work per call, done
 *       by its own thread: recording the duration into the {@code arbor.server.calls} timer, histogram
 *       included.
 *   <li>End to end: {@link #bound} is the same round trip with the binder bound, to compare with
 *       {@link #unbound}. On a shared 2-core machine the round trip moves by tens of per cent from one
 *       JVM to the next, so this comparison is a sanity check, not the measure.
 * </ul>
 *
 * <p>The registry is a {@link SimpleMeterRegistry} (in micrometer-core, which the binder brings). Each
 * method is its own fork, since a binder is bound JVM-wide; {@code benchmarks/run --only metrics} runs
 * them, see {@link dev.arbor.bench.harness.JmhShapes}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsOverheadBenchmark {
  static final int BATCH = Caller.BATCH;

  /** The round trip's caller and server, with or without a binder. */
  @State(Scope.Benchmark)
  public abstract static class Calls {
    Caller caller;
    ArborMetrics metrics;

    abstract boolean bind();

    @Setup(Level.Trial)
    public void setUp() {
      if (bind()) {
        metrics = new ArborMetrics();
        metrics.bindTo(new SimpleMeterRegistry());
      }
      caller = Caller.arborChecked();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      caller.close();
      if (metrics != null) {
        metrics.close();
      }
    }
  }

  /** Calls with a binder bound. */
  public static class Bound extends Calls {
    @Override
    boolean bind() {
      return true;
    }
  }

  /** Calls with none. */
  public static class Unbound extends Calls {
    @Override
    boolean bind() {
      return false;
    }
  }

  /** Timings a {@link #hook} invocation leaves: fewer than half a buffer ring, so nothing wakes the binder's thread. */
  static final int HOOKS = 256;

  /**
   * A bound binder and a live server to attribute the timings to. After each invocation of {@link
   * #hook} the binder records what it left, outside the measurement; before each invocation of {@link
   * #drain} the timings to record are left, outside it too.
   */
  @State(Scope.Benchmark)
  public static class Hook {
    ArborMetrics metrics;
    EchoServerClient server;
    Process process;
    final String serverClass = "dev.arbor.bench.common.EchoServer";
    final String handler = "echo";

    @Setup(Level.Trial)
    public void setUp() {
      metrics = new ArborMetrics();
      metrics.bindTo(new SimpleMeterRegistry());
      Proc.adopt();
      server = EchoServerClient.start();
      Pid pid = server.pid();
      process = Process.of(pid);
    }

    /** What {@link #hook} measures: a call's work for the binder, on the server's thread. */
    void calls() {
      for (int i = 0; i < HOOKS; i++) {
        long clock = ArborEvents.callClock();
        ArborEvents.callFinished(null, clock, serverClass, handler, "reply", process);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      server.stop();
      metrics.close();
    }
  }

  /** Leaves timings behind for {@link #drain}. */
  @State(Scope.Benchmark)
  public static class Drain extends Hook {
    @Setup(Level.Invocation)
    public void leaveTimings() {
      calls();
    }
  }

  /** Records what {@link #hook} left, after each invocation. */
  @State(Scope.Benchmark)
  public static class Flush extends Hook {
    @TearDown(Level.Invocation)
    public void flush() {
      metrics.flush();
    }
  }

  /**
   * What the binder adds to one call on the server's thread: two clock reads and leaving the duration
   * in the binder's buffer. Invocations of {@value #HOOKS} calls, each about ten microseconds or more,
   * long enough for JMH's per-invocation tear-down.
   */
  @Benchmark
  @OperationsPerInvocation(HOOKS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public void hook(Flush h) {
    h.calls();
  }

  /** What recording one call's duration into its Micrometer timer costs the binder's own thread. */
  @Benchmark
  @OperationsPerInvocation(HOOKS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public void drain(Drain d) {
    d.metrics.flush();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public long bound(Bound calls) {
    return calls.caller.fromProcess(BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public long unbound(Unbound calls) {
    return calls.caller.fromProcess(BATCH);
  }
}
