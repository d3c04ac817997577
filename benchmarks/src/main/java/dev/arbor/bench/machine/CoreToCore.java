package dev.arbor.bench.machine;

import dev.arbor.bench.common.Result;
import java.util.Arrays;

/**
 * The round trip of one cache line between two CPUs: two platform threads pass a counter back and
 * forth through a volatile field, each spinning until it is its turn. Prints {@code machine.c2c}
 * (ns per round trip, the median of several segments) under the label it is given, the shape about
 * to run.
 *
 * <p>Why: every hand-off between processes on different carriers moves cache lines between CPUs,
 * and on a shared 2-CPU virtual machine that cost is not a constant. The host places the two virtual
 * CPUs where it likes and moves them: minutes apart, this probe measured about 60 ns (CPUs sharing a
 * cache) and about 480 ns (CPUs far apart) on the same machine, and a cross-carrier call moves with
 * it. Measured before each shape, it tells which kind of machine that shape ran on.
 */
public final class CoreToCore {
  private static final int SEGMENTS = 9;
  private static final int TRIPS = 50_000;
  /** Gives up rather than hang when the other thread cannot get a CPU. */
  private static final long BUDGET_NANOS = 10_000_000_000L;

  private static volatile long turn;
  private static volatile boolean abandoned;

  private CoreToCore() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CoreToCore LABEL");
    }
    long deadline = System.nanoTime() + BUDGET_NANOS;
    long total = (long) SEGMENTS * TRIPS;
    long[] ends = new long[SEGMENTS + 1];
    Thread odd = new Thread(() -> {
      for (long i = 0; i < total && awaitTurn(2 * i, deadline); i++) {
        turn = 2 * i + 1;
      }
    }, "c2c-odd");
    Thread even = new Thread(() -> {
      ends[0] = System.nanoTime();
      for (long i = 0; i < total && awaitTurn(2 * i + 1, deadline); i++) {
        turn = 2 * i + 2;
        if ((i + 1) % TRIPS == 0) {
          ends[(int) ((i + 1) / TRIPS)] = System.nanoTime();
        }
      }
    }, "c2c-even");
    odd.setDaemon(true);
    even.setDaemon(true);
    odd.start();
    even.start();
    odd.join();
    even.join();
    if (abandoned) {
      System.err.println("CoreToCore: the two threads did not finish within " + BUDGET_NANOS / 1_000_000_000 + " s");
      System.exit(1);
    }
    double[] perTrip = new double[SEGMENTS];
    for (int s = 0; s < SEGMENTS; s++) {
      perTrip[s] = (double) (ends[s + 1] - ends[s]) / TRIPS;
    }
    Arrays.sort(perTrip);
    Result.print("machine.c2c", args[0], perTrip[SEGMENTS / 2], "ns");
    System.exit(0);
  }

  /** Spins until {@code turn} reaches {@code value}; false if the budget ran out first. */
  private static boolean awaitTurn(long value, long deadline) {
    for (int spins = 1; turn != value; spins++) {
      Thread.onSpinWait();
      if ((spins & 0xFFFF) == 0 && (abandoned || System.nanoTime() - deadline > 0)) {
        abandoned = true;
        return false;
      }
    }
    return true;
  }
}
