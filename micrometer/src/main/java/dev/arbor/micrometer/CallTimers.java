package dev.arbor.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code arbor.server.calls} timers, found without allocating: a call looks its server class up,
 * then its handler, then indexes the outcome. The runtime passes the same String instances for a
 * server and handler on every call, so each lookup is a cached hash and an identity compare.
 */
final class CallTimers {
  static final String NAME = "arbor.server.calls";
  private static final String[] OUTCOMES = {"reply", "deferred", "error", "crash"};

  private final MeterRegistry registry;
  private final Tags tags;
  private final TimingBuffer buffer;
  private final CappedTagValues servers;
  private final CappedTagValues handlers;
  /** Only admitted (uncapped) server and handler names are cached, so this stays as small as the meters. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Timer[]>> byServer = new ConcurrentHashMap<>();

  CallTimers(MeterRegistry registry, Tags tags, CappedTagValues servers, CappedTagValues handlers,
      TimingBuffer buffer) {
    this.registry = registry;
    this.tags = tags;
    this.buffer = buffer;
    this.servers = servers;
    this.handlers = handlers;
  }

  void record(String serverClass, String handler, String outcome, long nanos) {
    int o = switch (outcome) {
      case "reply" -> 0;
      case "deferred" -> 1;
      case "error" -> 2;
      default -> 3;
    };
    ConcurrentHashMap<String, Timer[]> handlersOfServer = byServer.get(serverClass);
    Timer[] timers = handlersOfServer == null ? null : handlersOfServer.get(handler);
    Timer timer = timers == null ? null : timers[o];
    if (timer == null) {
      timer = slowPath(serverClass, handler, o);
    }
    buffer.add(timer, nanos);
  }

  private Timer slowPath(String serverClass, String handler, int outcome) {
    String server = servers.of(serverClass);
    String handlerTag = handlers.of(handler);
    Timer timer = Timer.builder(NAME)
        .description("@Call handlers run by GenServers, from dispatch to outcome (reply, deferred, error, crash)")
        .tags(tags)
        .tag("server", server)
        .tag("handler", handlerTag)
        .tag("outcome", OUTCOMES[outcome])
        .publishPercentileHistogram()
        .register(registry);
    if (!server.equals(CappedTagValues.OTHER) && !handlerTag.equals(CappedTagValues.OTHER)) {
      // A benign race: two threads may build the same timer; the registry hands both the same meter.
      byServer.computeIfAbsent(serverClass, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(handler, h -> new Timer[OUTCOMES.length])[outcome] = timer;
    }
    return timer;
  }
}
