package dev.arbor.micrometer;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.observe.RuntimeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the runtime's events into counts and timings in one registry. Runs on the thread of the
 * process where the event happens, so every path that runs often (spawns, exits, calls) finds its
 * meter without allocating.
 */
final class MetersListener implements RuntimeListener {
  /** The crash counter's server tag for a process that runs no GenServer. */
  static final String NO_SERVER = "none";

  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter spawned;
  private final Counter[] exited;
  private final CallTimers calls;
  private final CappedTagValues servers;
  private final CappedTagValues supervisors;
  private final CappedTagValues children;
  private final ConcurrentHashMap<String, Counter> crashes = new ConcurrentHashMap<>();

  MetersListener(MeterRegistry registry, Tags tags, int maxTagValues, TimingBuffer timings) {
    this.registry = registry;
    this.tags = tags;
    this.servers = new CappedTagValues(maxTagValues);
    this.supervisors = new CappedTagValues(maxTagValues);
    this.children = new CappedTagValues(maxTagValues);
    this.calls = new CallTimers(registry, tags, servers, new CappedTagValues(maxTagValues), timings);
    this.spawned = Counter.builder("arbor.processes.spawned")
        .description("Processes created (spawned, or servers, supervisors, tasks and agents started)")
        .tags(tags).register(registry);
    ExitReason.Kind[] kinds = ExitReason.Kind.values();
    this.exited = new Counter[kinds.length];
    for (ExitReason.Kind kind : kinds) {
      exited[kind.ordinal()] = Counter.builder("arbor.processes.exited")
          .description("Processes that exited, by the kind of their exit reason (normal, shutdown, killed, crash, ...)")
          .tags(tags).tag("reason", kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }
  }

  @Override
  public void spawned(Pid pid, String registeredName, long spawnedBy) {
    spawned.increment();
  }

  @Override
  public void exited(Pid pid, ExitReason reason) {
    exited[reason.kind().ordinal()].increment();
  }

  @Override
  public void crashed(Pid pid, String serverClass, ExitReason reason) {
    String server = serverClass == null ? NO_SERVER : serverClass;
    Counter counter = crashes.get(server);
    if (counter == null) {
      String tag = server == NO_SERVER ? NO_SERVER : servers.of(server);
      counter = Counter.builder("arbor.process.crashes")
          .description("Crash reports, by the GenServer class that crashed (none: a plain process)")
          .tags(tags).tag("server", tag).register(registry);
      if (!tag.equals(CappedTagValues.OTHER)) {
        crashes.putIfAbsent(server, counter);
      }
    }
    counter.increment();
  }

  @Override
  public void restarted(String supervisor, String childId, Pid oldPid, Pid newPid) {
    // Restarts are rare: no cache, the registry finds the counter.
    Counter.builder("arbor.supervisor.restarts")
        .description("Children restarted by their supervisor, by the supervisor's registered name and the child's id")
        .tags(tags)
        .tag("supervisor", supervisors.of(SupervisorNames.of(supervisor)))
        .tag("child", children.of(childId))
        .register(registry)
        .increment();
  }

  @Override
  public void callFinished(Pid server, String serverClass, String handler, String outcome, long nanos) {
    calls.record(serverClass, handler, outcome, nanos);
  }
}
