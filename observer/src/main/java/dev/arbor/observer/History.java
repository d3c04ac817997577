package dev.arbor.observer;

import dev.arbor.Proc;
import dev.arbor.observe.LiveCounts;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The overview's numbers, sampled once a second by the observer and kept for the last {@link
 * #KEEP} samples (five minutes), so the small charts have a past as soon as a page opens.
 */
final class History {
  static final int KEEP = 300;

  /** One sample; {@code callsPerSecond} is null while nobody watched calls. */
  record Sample(long at, int processes, long heapUsed, long restartsPerMinute, long crashesPerMinute,
      Double callsPerSecond) {}

  private final Telemetry telemetry;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private final ArrayDeque<long[]> totals = new ArrayDeque<>(); // {restarts, crashes} per sample, for the per-minute deltas
  private final ReentrantLock lock = new ReentrantLock();
  private final long startedAt = System.currentTimeMillis();
  private long lastCalls = -1;
  private long lastAt;

  History(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  /** Takes one sample now. */
  void sample() {
    long now = System.currentTimeMillis();
    Runtime rt = Runtime.getRuntime();
    long restarts = telemetry.restarts.sum();
    long crashes = telemetry.crashes.sum();
    lock.lock();
    try {
      totals.addLast(new long[] {restarts, crashes});
      if (totals.size() > 61) {
        totals.removeFirst();
      }
      long[] minuteAgo = totals.peekFirst();
      Double callsPerSecond = null;
      if (telemetry.watchingCalls()) {
        long c = telemetry.calls.calls.sum();
        if (lastCalls >= 0 && now > lastAt) {
          callsPerSecond = (c - lastCalls) * 1000.0 / (now - lastAt);
        }
        lastCalls = c;
      } else {
        lastCalls = -1;
      }
      lastAt = now;
      samples.addLast(new Sample(now, LiveCounts.processes(), rt.totalMemory() - rt.freeMemory(),
          restarts - minuteAgo[0], crashes - minuteAgo[1], callsPerSecond));
      if (samples.size() > KEEP) {
        samples.removeFirst();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The overview page's data: the node, the JVM, and the series. */
  Map<String, Object> overview() {
    List<Sample> copy;
    lock.lock();
    try {
      copy = new ArrayList<>(samples);
    } finally {
      lock.unlock();
    }
    Runtime rt = Runtime.getRuntime();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", node());
    m.put("uptimeMillis", ManagementFactory.getRuntimeMXBean().getUptime());
    m.put("observerSince", startedAt);
    m.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
    m.put("jvmThreads", ManagementFactory.getThreadMXBean().getThreadCount());
    m.put("carrierThreads", carriers());
    m.put("heapUsed", rt.totalMemory() - rt.freeMemory());
    m.put("heapMax", rt.maxMemory());
    m.put("names", LiveCounts.names());
    m.put("restartsTotal", telemetry.restarts.sum());
    m.put("crashesTotal", telemetry.crashes.sum());
    List<Object> series = new ArrayList<>(copy.size());
    for (Sample s : copy) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("t", s.at());
      p.put("processes", s.processes());
      p.put("heap", s.heapUsed());
      p.put("restarts", s.restartsPerMinute());
      p.put("crashes", s.crashesPerMinute());
      p.put("calls", s.callsPerSecond());
      series.add(p);
    }
    m.put("series", series);
    return m;
  }

  /** The node's name ({@code nonode@nohost} until a distribution node starts), and its JVM. */
  private static String node() {
    return Proc.node() + " (JVM " + ProcessHandle.current().pid() + ")";
  }

  /** Virtual threads run on this many carrier threads (Arbor's scheduler reads the JDK's setting too). */
  private static int carriers() {
    String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
    try {
      return configured != null ? Integer.parseInt(configured) : Runtime.getRuntime().availableProcessors();
    } catch (NumberFormatException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }
}
