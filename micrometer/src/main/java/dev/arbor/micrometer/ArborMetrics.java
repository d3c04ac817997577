package dev.arbor.micrometer;

import dev.arbor.ProcessInfo;
import dev.arbor.observe.ArborEvents;
import dev.arbor.observe.Census;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;

/**
 * Arbor's runtime as Micrometer meters. Bind it once, at start-up:
 *
 * <pre>{@code
 * new ArborMetrics().bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code arbor.processes}</td><td>gauge</td><td>kind</td><td>live processes by {@link
 *       ProcessInfo.Kind} (thread, process, server, supervisor, task, agent, registry)</td></tr>
 *   <tr><td>{@code arbor.processes.spawned}</td><td>counter</td><td></td><td>processes created</td></tr>
 *   <tr><td>{@code arbor.processes.exited}</td><td>counter</td><td>reason</td><td>exits by the kind of
 *       their reason (normal, shutdown, killed, crash, ...)</td></tr>
 *   <tr><td>{@code arbor.process.crashes}</td><td>counter</td><td>server</td><td>crash reports by
 *       GenServer class ({@code none} for a plain process)</td></tr>
 *   <tr><td>{@code arbor.supervisor.restarts}</td><td>counter</td><td>supervisor, child</td><td>restarts
 *       by the supervisor's registered name ({@code unnamed} without one) and the child's id</td></tr>
 *   <tr><td>{@code arbor.server.calls}</td><td>timer, with a percentile histogram</td><td>server,
 *       handler, outcome</td><td>{@code @Call} handlers, from dispatch to reply, deferred, error or
 *       crash</td></tr>
 *   <tr><td>{@code arbor.mailbox.messages}</td><td>gauge</td><td>kind</td><td>messages waiting in the
 *       mailboxes of live processes</td></tr>
 *   <tr><td>{@code arbor.mailbox.longest}</td><td>gauge</td><td>kind</td><td>the most messages waiting in
 *       one mailbox</td></tr>
 * </table>
 *
 * <p>Tags never hold a pid or anything else that grows without bound: each of {@code server}, {@code
 * handler}, {@code supervisor} and {@code child} takes at most {@code maxTagValues} distinct values
 * (100 by default); later ones are counted under {@code other}.
 *
 * <p>Cost: the counters are updated on the thread where the event happens, without allocating. A call
 * reads the clock twice and leaves its duration in a buffer, which the binder's own daemon thread
 * ({@code arbor-metrics}) records into the timer every {@value #DRAIN_MILLIS} ms (sooner when calls
 * come fast), so that the registry's own work per sample (histogram and max rotation, pause
 * detection) stays off the server's thread; {@link #flush()} records them at once. The gauges count nothing as processes come and go:
 * they walk the live processes when read, at most once per second for all of them together ({@link
 * Census}). {@link #close()} stops the counting; the meters stay in the registry.
 */
public final class ArborMetrics implements MeterBinder, AutoCloseable {
  /** How often the binder's thread records the call timings the calls left in its buffer. */
  static final long DRAIN_MILLIS = 50;

  /** The default limit on the distinct values of each tag. */
  public static final int DEFAULT_MAX_TAG_VALUES = 100;

  private final Tags tags;
  private final int maxTagValues;
  private final CensusCache census;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<AutoCloseable> registrations = new ArrayList<>();
  private final TimingBuffer timings = new TimingBuffer();
  private final ReentrantLock drainLock = new ReentrantLock();
  private Thread drainer;
  private volatile boolean closed;

  /** A binder with no extra tags and the default tag limit. */
  public ArborMetrics() {
    this(Tags.empty());
  }

  /** A binder that adds {@code tags} to every meter. */
  public ArborMetrics(Iterable<Tag> tags) {
    this(tags, DEFAULT_MAX_TAG_VALUES);
  }

  /**
   * A binder that adds {@code tags} to every meter and lets each variable tag take at most {@code
   * maxTagValues} values.
   *
   * @throws IllegalArgumentException if {@code maxTagValues} is less than 1
   */
  public ArborMetrics(Iterable<Tag> tags, int maxTagValues) {
    this(tags, maxTagValues, Duration.ofSeconds(1));
  }

  ArborMetrics(Iterable<Tag> tags, int maxTagValues, Duration censusMaxAge) {
    this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    if (maxTagValues < 1) {
      throw new IllegalArgumentException("maxTagValues must be at least 1, not " + maxTagValues);
    }
    this.maxTagValues = maxTagValues;
    this.census = new CensusCache(censusMaxAge);
  }

  /**
   * Registers the meters in {@code registry} and starts counting into them.
   *
   * @throws IllegalStateException if this binder was closed
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    if (closed) {
      throw new IllegalStateException("this ArborMetrics is closed; bind a new one");
    }
    for (ProcessInfo.Kind kind : ProcessInfo.Kind.values()) {
      String k = kind.name().toLowerCase(Locale.ROOT);
      gauge(registry, "arbor.processes", "Live processes, by what they run", "processes", k,
          c -> c.processes(kind));
      gauge(registry, "arbor.mailbox.messages", "Messages waiting in the mailboxes of live processes", "messages", k,
          c -> c.messages(kind));
      gauge(registry, "arbor.mailbox.longest", "The most messages waiting in one live process's mailbox", "messages",
          k, c -> c.longestMailbox(kind));
    }
    lock.lock();
    try {
      if (closed) { // closed while the gauges were registered
        throw new IllegalStateException("this ArborMetrics is closed; bind a new one");
      }
      if (drainer == null) {
        drainer = Thread.ofPlatform().daemon().name("arbor-metrics").start(this::drainUntilClosed);
        timings.drainedBy(drainer);
      }
      registrations.add(ArborEvents.addListener(new MetersListener(registry, tags, maxTagValues, timings)));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records the call timings still waiting in this binder's buffer into their timers now. They are
   * recorded within {@value #DRAIN_MILLIS} ms anyway; a test that reads a timer right after its calls
   * calls this first.
   */
  public void flush() {
    drainLock.lock();
    try {
      timings.drain();
    } finally {
      drainLock.unlock();
    }
  }

  private void drainUntilClosed() {
    while (!closed) {
      flush();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS));
    }
  }

  private void gauge(MeterRegistry registry, String name, String description, String unit, String kind,
      ToDoubleFunction<Census> value) {
    Gauge.builder(name, census, c -> value.applyAsDouble(c.get()))
        .description(description).baseUnit(unit).tags(tags).tag("kind", kind)
        .strongReference(true) // the gauge is the cache's only holder
        .register(registry);
  }

  /**
   * Stops counting events in every registry this was bound to, records the timings still buffered and
   * stops the binder's thread; the meters stay registered.
   */
  @Override
  public void close() {
    Thread stopping;
    lock.lock();
    try {
      for (AutoCloseable r : registrations) {
        try {
          r.close();
        } catch (Exception e) {
          throw new IllegalStateException("could not remove a listener", e); // ArborEvents' never throws
        }
      }
      registrations.clear();
      closed = true;
      stopping = drainer;
      drainer = null;
    } finally {
      lock.unlock();
    }
    if (stopping != null) {
      LockSupport.unpark(stopping);
      try {
        stopping.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }
}
