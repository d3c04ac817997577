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
 * {@code call.process}, {@code call.thread}, {@code cast}, {@code mailbox}, {@code jfr} or {@code metrics}.
 *
 * <p>{@code jfr} runs {@link dev.arbor.bench.jfr.JfrOverheadBenchmark}: the hook alone, then the
 * {@code hooks} and {@code removed} round trips in {@value #JFR_PAIRS} pairs in the order ABBA, so that
 * a machine getting slower or faster during the run weighs on both alike (the figures printed are the
 * medians over the pairs), then one {@code recording} fork. It prints the round trips, the hook's
 * nanoseconds, and the hook as a percentage of the {@code hooks} round trip.
 *
 * <p>{@code metrics} runs {@link dev.arbor.bench.metrics.MetricsOverheadBenchmark} the same way: the
 * binder's work per call alone, then the {@code bound} and {@code unbound} round trips in ABBA pairs; it
 * prints the hook as a percentage of the {@code unbound} round trip.
 */
public final class JmhShapes {
  static final int JFR_PAIRS = 2;
  /** The bare hand-off on one carrier thread ({@code OneCarrierCallBenchmark}), a system of call.process. */
  static final String ONE_CARRIER = "vt1";

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
    if (shape.equals("jfr")) {
      jfr(quick);
      return;
    }
    if (shape.equals("metrics")) {
      metrics(quick);
      return;
    }
    ChainedOptionsBuilder options = options(quick);
    String systemParam = "system";
    switch (shape) {
      case "call.process" -> {
        options.include("dev.arbor.bench.call.CallBenchmark.fromProcess$");
        if (systems.isEmpty() || systems.contains(ONE_CARRIER)) {
          options.include("dev.arbor.bench.call.OneCarrierCallBenchmark.fromProcess$");
        }
        systems = systems.stream().filter(s -> !s.equals(ONE_CARRIER)).toList();
      }
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
    } else if (args.length > 2 && shape.equals("call.process")) {
      options.exclude("dev.arbor.bench.call.CallBenchmark.fromProcess$"); // only vt1 was asked for
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    List<String> lines = new ArrayList<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String system = benchmark.contains("OneCarrier") ? ONE_CARRIER : r.getParams().getParam(systemParam);
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

  /**
   * One fork, short iterations: the rounds of {@code benchmarks/run} give the repetitions. Five
   * seconds of warm-up in full mode: the call's path through a server loop took C2 four to five
   * seconds to settle on 2 cores (a call measured at 1.0–1.3 µs for the first four, 0.6 µs after).
   */
  private static ChainedOptionsBuilder options(boolean quick) {
    return new OptionsBuilder()
        .forks(1)
        .shouldFailOnError(true)
        .warmupIterations(quick ? 1 : 5)
        .warmupTime(TimeValue.milliseconds(quick ? 400 : 1000))
        .measurementIterations(quick ? 2 : 3)
        .measurementTime(TimeValue.milliseconds(quick ? 400 : 1000));
  }

  private static void jfr(boolean quick) throws RunnerException {
    Paired p = paired(quick, "dev.arbor.bench.jfr.JfrOverheadBenchmark", "hooks", "removed");
    p.print("call.jfr", "hooks", "removed", p.with());
    Result.print("call.jfr", "recording", score(quick, "dev.arbor.bench.jfr.JfrOverheadBenchmark.recording"), "ns");
  }

  /** The binder's share is taken of the round trip without it: the call a user had before binding. */
  private static void metrics(boolean quick) throws RunnerException {
    Paired p = paired(quick, "dev.arbor.bench.metrics.MetricsOverheadBenchmark", "bound", "unbound");
    p.print("call.metrics", "bound", "unbound", p.without());
    double drain = score(quick, "dev.arbor.bench.metrics.MetricsOverheadBenchmark.drain");
    Result.print("call.metrics.drain", "arbor", drain, "ns");
    Result.print("call.metrics.cpu", "arbor", 100 * (p.hook() + drain) / p.without(), "%");
  }

  /** A hook's own time and the medians of the round trips with and without it. */
  private record Paired(double hook, double with, double without) {
    /** Prints both round trips, the hook, and the hook as a share of {@code roundTrip}. */
    void print(String metric, String withName, String withoutName, double roundTrip) {
      Result.print(metric, withName, with, "ns");
      Result.print(metric + ".hook", "arbor", hook, "ns");
      Result.print(metric + ".share", "arbor", 100 * hook / roundTrip, "%");
      Result.print(metric, withoutName, without, "ns");
    }
  }

  /**
   * Runs {@code benchmark.hook}, then the {@code with} and {@code without} round trips in {@value
   * #JFR_PAIRS} pairs in the order ABBA, printing each figure and the pair-by-pair ratios.
   */
  private static Paired paired(boolean quick, String benchmark, String with, String without) throws RunnerException {
    double hook = score(quick, benchmark + ".hook");
    List<Double> withScores = new ArrayList<>();
    List<Double> withoutScores = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int pair = 0; pair < JFR_PAIRS; pair++) {
      boolean withFirst = pair % 2 == 0;
      for (String method : withFirst ? List.of(with, without) : List.of(without, with)) {
        double score = score(quick, benchmark + "." + method);
        (method.equals(with) ? withScores : withoutScores).add(score);
        System.out.println("pair " + (pair + 1) + ": " + method + " " + score + " ns per call");
      }
      ratios.add(withScores.getLast() / withoutScores.getLast());
    }
    System.out.println(with + " ÷ " + without + ", pair by pair: " + ratios + ", median " + median(ratios));
    return new Paired(hook, median(withScores), median(withoutScores));
  }

  private static double score(boolean quick, String method) throws RunnerException {
    ChainedOptionsBuilder options = options(quick).include(method + "$");
    Collection<RunResult> results = new Runner(options.build()).run();
    if (results.size() != 1) {
      throw new IllegalStateException("expected one result for " + method + ", got " + results.size());
    }
    return results.iterator().next().getPrimaryResult().getScore();
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
