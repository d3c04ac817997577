package dev.arbor.bench.common;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Timing and memory for the plain (non-JMH) harnesses, measured as JMH and {@code arbor_bench.erl}
 * measure: warm-up iterations, then measured iterations of a fixed length; the score is the mean of
 * the measured iterations. Quick mode: 1 warm-up and 2 measured iterations of 400 ms; full mode: 5 and
 * 3 of 1 s, as the JMH shapes (a call's path through a server loop takes C2 seconds to settle).
 */
public final class Measure {
  private final int warmup;
  private final int measured;
  private final long iterationNanos;

  private Measure(int warmup, int measured, long iterationMillis) {
    this.warmup = warmup;
    this.measured = measured;
    this.iterationNanos = iterationMillis * 1_000_000;
  }

  public static Measure of(String mode) {
    return switch (mode) {
      case "quick" -> new Measure(1, 2, 400);
      case "full" -> new Measure(5, 3, 1000);
      default -> throw new IllegalArgumentException("mode must be quick or full, not " + mode);
    };
  }

  public int warmupIterations() {
    return warmup;
  }

  public int measuredIterations() {
    return measured;
  }

  /** Something that does a known number of operations per run. */
  @FunctionalInterface
  public interface Run {
    void run() throws Exception;
  }

  /** Something that does a known number of operations per run and times only part of itself. */
  @FunctionalInterface
  public interface TimedRun {
    /** Runs once; returns the nanoseconds of its timed part. */
    long run() throws Exception;
  }

  /** Mean nanoseconds per operation over the measured iterations of {@code run}, timed whole. */
  public double nanosPerOp(Run run, int opsPerRun) throws Exception {
    return nanosPerOpTimed(() -> {
      long t0 = System.nanoTime();
      run.run();
      return System.nanoTime() - t0;
    }, opsPerRun);
  }

  /**
   * Mean nanoseconds per operation over the measured iterations of {@code run}, counting only the
   * part each run times; an iteration still lasts its length in wall-clock time.
   */
  public double nanosPerOpTimed(TimedRun run, int opsPerRun) throws Exception {
    for (int i = 0; i < warmup; i++) {
      iteration(run, opsPerRun);
    }
    double sum = 0;
    for (int i = 0; i < measured; i++) {
      sum += iteration(run, opsPerRun);
    }
    return sum / measured;
  }

  private double iteration(TimedRun run, int opsPerRun) throws Exception {
    long end = System.nanoTime() + iterationNanos;
    long runs = 0;
    long timed = 0;
    do {
      timed += run.run();
      runs++;
    } while (System.nanoTime() < end);
    return (double) timed / (runs * opsPerRun);
  }

  /** Used heap after full collections: the live set. */
  public static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** This process's resident set size, from {@code /proc/self/status}; 0 where there is none. */
  public static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no figure
    }
    return 0;
  }
}
