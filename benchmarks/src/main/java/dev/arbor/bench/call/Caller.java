package dev.arbor.bench.call;

/**
 * One system's way of calling its echo server: from a process of its own (an Arbor process, a Pekko
 * actor, a bare virtual thread, each running a batch of calls one after another), or straight from the
 * current platform thread.
 */
public interface Caller extends AutoCloseable {
  /**
   * Has a process of the system make {@code calls} round trips to the server, one after another, and
   * waits for it to finish; returns the sum of the answers (checked, and kept alive for JMH).
   */
  long fromProcess(int calls);

  /** One round trip from the current (platform) thread. */
  long fromThread(long value);

  @Override
  void close();

  /** The caller for {@code system}: {@code arbor}, {@code pekko} or {@code vt}. */
  static Caller of(String system) {
    return switch (system) {
      case "arbor" -> new ArborCaller();
      case "pekko" -> new PekkoCaller();
      case "vt" -> new VtCaller();
      default -> throw new IllegalArgumentException("unknown system: " + system + " (arbor, pekko or vt)");
    };
  }

  /** Calls in one batch from a process. */
  int BATCH = 10_000;

  /** Mean nanoseconds per call from a process, over {@code measure}'s iterations of batches. */
  default double nanosPerCallFromProcess(dev.arbor.bench.common.Measure measure) throws Exception {
    long expected = expectedSum(BATCH);
    return measure.nanosPerOp(() -> {
      long sum = fromProcess(BATCH);
      if (sum != expected) {
        throw new AssertionError("a batch of calls summed to " + sum + ", expected " + expected);
      }
    }, BATCH);
  }

  /** An Arbor caller that has made one batch of calls and checked their sum: the JFR and metrics shapes' set-up. */
  static Caller arborChecked() {
    Caller caller = new ArborCaller();
    long sum = caller.fromProcess(BATCH);
    if (sum != expectedSum(BATCH)) {
      caller.close();
      throw new AssertionError("a batch of calls summed to " + sum);
    }
    return caller;
  }

  /** The sum a batch of {@code calls} echoes returns, counting down from {@code calls} to 1. */
  static long expectedSum(int calls) {
    return (long) calls * (calls + 1) / 2;
  }
}
