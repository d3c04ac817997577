package dev.arbor.task;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Task#asyncStream} runs its tasks (Elixir's {@code async_stream} options). Immutable.
 */
public final class StreamOptions {

  /** What a task that outlives the timeout does to the stream. */
  public enum OnTimeout {
    /** Kill every task and throw {@link TaskTimeoutException} from the stream (Elixir's {@code :exit}). */
    EXIT,
    /** Kill that task, yield {@code TaskResult.Exit(timeout)} in its place and go on ({@code :kill_task}). */
    KILL_TASK
  }

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final int maxConcurrency;
  private final boolean ordered;
  private final Duration timeout;
  private final OnTimeout onTimeout;

  private StreamOptions(int maxConcurrency, boolean ordered, Duration timeout, OnTimeout onTimeout) {
    this.maxConcurrency = maxConcurrency;
    this.ordered = ordered;
    this.timeout = timeout;
    this.onTimeout = onTimeout;
  }

  /** As many tasks at once as there are processors, results in input order, 5 s per task, {@link OnTimeout#EXIT}. */
  public static StreamOptions defaults() {
    return new StreamOptions(Runtime.getRuntime().availableProcessors(), true, DEFAULT_TIMEOUT, OnTimeout.EXIT);
  }

  /** At most {@code n} tasks run at once. */
  public StreamOptions maxConcurrency(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("maxConcurrency must be positive: " + n);
    }
    return new StreamOptions(n, ordered, timeout, onTimeout);
  }

  /** True: results in the order of the input. False: each result as soon as its task finishes. */
  public StreamOptions ordered(boolean inInputOrder) {
    return new StreamOptions(maxConcurrency, inInputOrder, timeout, onTimeout);
  }

  /**
   * How long each task may run, counted from its start. A very long duration means no limit; zero
   * (as Elixir's {@code timeout: 0}) lets through only results that are already in when the stream
   * looks.
   */
  public StreamOptions timeout(Duration perTask) {
    Objects.requireNonNull(perTask, "perTask");
    if (perTask.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + perTask);
    }
    return new StreamOptions(maxConcurrency, ordered, perTask, onTimeout);
  }

  public StreamOptions onTimeout(OnTimeout action) {
    return new StreamOptions(maxConcurrency, ordered, timeout, Objects.requireNonNull(action, "action"));
  }

  public int maxConcurrency() {
    return maxConcurrency;
  }

  public boolean ordered() {
    return ordered;
  }

  public Duration timeout() {
    return timeout;
  }

  public OnTimeout onTimeout() {
    return onTimeout;
  }

  @Override
  public String toString() {
    return "StreamOptions[maxConcurrency=" + maxConcurrency + ", ordered=" + ordered + ", timeout="
        + timeout.toMillis() + " ms, onTimeout=" + onTimeout + "]";
  }
}
