package dev.arbor.bench.common;

import java.util.Locale;

/**
 * One measured figure as every harness prints it, one line each, so that {@code benchmarks/run}
 * collects JMH, the plain harnesses and Erlang alike: {@code RESULT<TAB>metric<TAB>system<TAB>value<TAB>unit}.
 */
public final class Result {
  private Result() {}

  public static void print(String metric, String system, double value, String unit) {
    System.out.println(String.format(Locale.ROOT, "RESULT\t%s\t%s\t%.6g\t%s", metric, system, value, unit));
    System.out.flush();
  }
}
