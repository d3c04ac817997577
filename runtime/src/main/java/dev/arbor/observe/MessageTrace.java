package dev.arbor.observe;

import dev.arbor.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Live tracing of the messages a server takes from its mailbox (OTP's {@code sys:trace}): calls,
 * casts and other messages, as its loop receives them. As in OTP, only servers built on the server
 * loop (GenServers, supervisors, agents, registries) can be traced; a plain process's receive is its
 * own code.
 *
 * <p>Cost: with no trace on anywhere, each message costs one volatile read; with some trace on, a map
 * lookup by pid. The sink runs on the traced server's thread, between receiving the message and
 * handling it, so it must be quick and must not block; an exception it throws is dropped.
 */
public final class MessageTrace {
  /**
   * One message a traced server received.
   *
   * @param server the traced server
   * @param kind {@code call}, {@code cast} or {@code info}
   * @param handler the call's handler name, or null for a cast or another message
   * @param message the request or message itself (live: look, don't keep or touch)
   */
  public record Received(Pid server, String kind, String handler, Object message) {}

  /** Copy-on-write lists: a trace starts or stops rarely, a traced server reads its list per message. */
  private static final Map<Pid, List<Consumer<Received>>> SINKS = new ConcurrentHashMap<>();
  /** How many traces are on; the hook reads only this while none is. */
  private static final AtomicInteger ON = new AtomicInteger();
  private static volatile boolean any;

  private MessageTrace() {}

  /**
   * Passes every message {@code server} receives from now on to {@code sink}, until the returned
   * handle is closed (closing twice is harmless).
   */
  public static AutoCloseable trace(Pid server, Consumer<Received> sink) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(sink, "sink");
    SINKS.compute(server, (pid, now) -> {
      List<Consumer<Received>> next = new ArrayList<>(now == null ? List.of() : now);
      next.add(sink);
      return List.copyOf(next);
    });
    any = ON.incrementAndGet() > 0;
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      SINKS.computeIfPresent(server, (pid, now) -> {
        List<Consumer<Received>> next = now.stream().filter(s -> s != sink).toList();
        return next.isEmpty() ? null : next;
      });
      any = ON.decrementAndGet() > 0;
    };
  }

  /** Whether any trace is on: the server loop's only check per message while none is. */
  public static boolean enabled() {
    return any;
  }

  /** Called by the server loop for each message it receives while {@link #enabled()}. */
  public static void received(Pid server, String kind, String handler, Object message) {
    List<Consumer<Received>> sinks = SINKS.get(server);
    if (sinks == null) {
      return;
    }
    Received r = new Received(server, kind, handler, message);
    for (Consumer<Received> sink : sinks) {
      try {
        sink.accept(r);
      } catch (RuntimeException ignored) {
        // a tool's bug must not crash the server it watches
      }
    }
  }
}
