package dev.arbor.bench.harness;

import dev.arbor.bench.common.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one JMH shape for the given systems, one fork each, and prints its figures as {@link
 * dev.arbor.bench.common.Result} lines: {@code JmhShapes SHAPE quick|full [SYSTEM...]}, where SHAPE is
 * {@code call.process}, {@code call.thread}, {@code cast} or {@code mailbox}.
 */
public final class JmhShapes {
  private JmhShapes() {}

  public static void main(String[] args) throws RunnerException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: JmhShapes SHAPE quick|full [SYSTEM...]");
    }
    String shape = args[0];
    boolean quick = switch (args[1]) {
      case "quick" -> true;
      case "full" -> false;
      default -> throw new IllegalArgumentException("mode must be quick or full, not " + args[1]);
    };
    List<String> systems = List.of(Arrays.copyOfRange(args, 2, args.length));
    ChainedOptionsBuilder options = new OptionsBuilder()
        .forks(1)
        .shouldFailOnError(true)
        .warmupIterations(quick ? 1 : 2)
        .warmupTime(TimeValue.milliseconds(quick ? 400 : 1000))
        .measurementIterations(quick ? 2 : 3)
        .measurementTime(TimeValue.milliseconds(quick ? 400 : 1000));
    String systemParam = "system";
    switch (shape) {
      case "call.process" -> options.include("dev.arbor.bench.call.CallBenchmark.fromProcess$");
      case "call.thread" -> options.include("dev.arbor.bench.call.CallBenchmark.fromThread$");
      case "cast" -> options.include("dev.arbor.bench.cast.CastBenchmark.casts$");
      case "mailbox" -> {
        options.include("dev.arbor.bench.mailbox.MailboxBenchmark.p(1|4|16)$");
        systemParam = "queue";
      }
      default -> throw new IllegalArgumentException("unknown JMH shape: " + shape);
    }
    if (!systems.isEmpty()) {
      options.param(systemParam, systems.toArray(String[]::new));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    List<String> lines = new ArrayList<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String system = r.getParams().getParam(systemParam);
      switch (shape) {
        case "call.process", "call.thread" ->
            Result.print(shape, system, r.getPrimaryResult().getScore(), "ns");
        case "cast" -> Result.print("cast." + r.getParams().getParam("producers"), system,
            r.getPrimaryResult().getScore(), "M/s");
        default -> {
          String producers = method.substring(1);
          var consumer = r.getSecondaryResults().get("poll" + producers);
          Result.print("mailbox." + producers, system, consumer.getScore(), "M/s");
        }
      }
      lines.add(benchmark);
    }
    if (lines.isEmpty()) {
      throw new IllegalStateException("no benchmark matched " + shape + " " + systems);
    }
  }
}
