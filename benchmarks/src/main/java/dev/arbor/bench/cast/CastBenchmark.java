package dev.arbor.bench.cast;

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
 * Cast throughput, millions of casts per second: {@code producers} producers (Arbor processes, Pekko
 * actors, virtual threads) together cast {@value #BATCH} times into one server, and one call then
 * confirms the server handled every one (the benchmark fails otherwise). Producers start afresh for
 * each batch; that and the final call are part of the measured time. Erlang's {@code gen_server:cast}
 * runs the same shape in {@code arbor_bench.erl}.
 *
 * <p>Alone: {@code benchmarks/run --only cast}; or {@code java -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main CastBenchmark
 * -p system=arbor -p producers=4 -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CastBenchmark {
  static final int BATCH = 100_000;

  @Param({"arbor", "pekko", "vt"})
  public String system;

  @Param({"1", "4"})
  public int producers;

  private Caster caster;
  private long handled;

  @Setup(Level.Trial)
  public void setUp() {
    caster = Caster.of(system);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    caster.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long casts() {
    long count = caster.batch(producers, BATCH);
    handled += BATCH;
    if (count != handled) {
      throw new AssertionError(system + ": the server handled " + count + " casts, expected " + handled);
    }
    return count;
  }
}
