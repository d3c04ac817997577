package dev.arbor.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.micrometer.TestServers.Msg;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorSpec;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The binder against a {@link SimpleMeterRegistry}: what each meter counts, and what it never tags. */
class ArborMetricsTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ArborMetrics metrics;

  @BeforeEach
  void bind() {
    Proc.adopt();
    metrics = new ArborMetrics(Tags.of("app", "test"), ArborMetrics.DEFAULT_MAX_TAG_VALUES, Duration.ZERO);
    metrics.bindTo(registry);
  }

  @AfterEach
  void unbind() {
    metrics.close();
    Proc.release();
  }

  private void awaitDown(Pid pid) {
    Ref ref = Proc.monitor(pid);
    assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).isPresent(), "no Down from " + pid);
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  static final class Timed {}

  @Test
  void micrometerTimesCallsPerHandler() {
    ServerRef<Msg> server = ServerRef.start(TestServers.type(Timed.class), StartOptions.defaults(), Object::new);
    for (int i = 0; i < 3; i++) {
      assertEquals("hi", server.call("echo", new Msg.Echo("hi")));
    }
    assertThrows(IOException.class, () -> server.call("refuse", new Msg.Refuse()));
    // A declared exception reaches the caller before the server times it: the next reply orders the two.
    assertEquals("again", server.call("echo", new Msg.Echo("again")));
    assertThrows(ExitException.class, () -> server.call("crash", new Msg.Crash()));
    awaitDown(server.pid());
    metrics.flush();

    String cls = Timed.class.getName();
    Timer echo = registry.get("arbor.server.calls").tags("server", cls, "handler", "echo", "outcome", "reply").timer();
    assertEquals(4, echo.count());
    assertTrue(echo.totalTime(TimeUnit.NANOSECONDS) > 0);
    assertEquals(1, registry.get("arbor.server.calls").tags("server", cls, "handler", "refuse", "outcome", "error")
        .timer().count());
    assertEquals(1, registry.get("arbor.server.calls").tags("server", cls, "handler", "crash", "outcome", "crash")
        .timer().count());
    assertEquals(3, registry.get("arbor.server.calls").tags("server", cls).timers().size(),
        "one timer per handler and outcome that happened");
    assertEquals("test", echo.getId().getTag("app"), "the binder's own tags are on every meter");
    assertEquals(1, counter("arbor.process.crashes", "server", cls), "the crash is counted by server class");
  }

  @Test
  void micrometerCountsRestartsBySupervisorAndChild() throws InterruptedException {
    BlockingQueue<Pid> started = new LinkedBlockingQueue<>();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().name("metrics-shop").child(ChildSpec.worker("flaky", () -> {
      Pid p = Proc.spawnLink(() -> Proc.receive());
      started.add(p);
      return Optional.of(p);
    })));
    sup.subscribe(Proc.self());
    for (int restart = 1; restart <= 2; restart++) {
      Pid child = started.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
      Proc.exit(child, ExitReason.kill());
      assertTrue(Proc.receive(ChildRestarted.class, BOUND).isPresent(), "no restart");
      assertEquals(restart, counter("arbor.supervisor.restarts", "supervisor", "metrics-shop", "child", "flaky"));
    }
    sup.stop();
  }

  @Test
  void unnamedSupervisorIsTaggedUnnamedNeverByPid() throws InterruptedException {
    BlockingQueue<Pid> started = new LinkedBlockingQueue<>();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().child(ChildSpec.worker("anon-child", () -> {
      Pid p = Proc.spawnLink(() -> Proc.receive());
      started.add(p);
      return Optional.of(p);
    })));
    sup.subscribe(Proc.self());
    Proc.exit(started.poll(BOUND.toSeconds(), TimeUnit.SECONDS), ExitReason.kill());
    assertTrue(Proc.receive(ChildRestarted.class, BOUND).isPresent(), "no restart");
    assertEquals(1, counter("arbor.supervisor.restarts", "supervisor", "unnamed", "child", "anon-child"));
    sup.stop();
  }

  static final class Cap1 {}

  static final class Cap2 {}

  static final class Cap3 {}

  static final class Cap4 {}

  @Test
  void micrometerTagCardinalityIsBounded() {
    metrics.close(); // this test binds its own, with a limit of 2
    SimpleMeterRegistry capped = new SimpleMeterRegistry();
    try (ArborMetrics small = new ArborMetrics(Tags.empty(), 2, Duration.ZERO)) {
      small.bindTo(capped);
      List<ServerType<Object, Msg>> types = List.of(TestServers.type(Cap1.class), TestServers.type(Cap2.class),
          TestServers.type(Cap3.class), TestServers.type(Cap4.class));
      for (ServerType<Object, Msg> type : types) {
        ServerRef<Msg> server = ServerRef.start(type, StartOptions.defaults(), Object::new);
        for (int h = 0; h < 5; h++) {
          server.call("handler" + h, new Msg.Echo("x")); // five handler names per server
        }
        server.stop();
      }
      small.flush();
      Set<String> servers = new HashSet<>();
      Set<String> handlers = new HashSet<>();
      long calls = 0;
      for (Meter m : capped.find("arbor.server.calls").meters()) {
        servers.add(m.getId().getTag("server"));
        handlers.add(m.getId().getTag("handler"));
        calls += ((Timer) m).count();
        assertEquals(Set.of("server", "handler", "outcome"), new HashSet<>(m.getId().getTags().stream()
            .map(t -> t.getKey()).toList()), "no pid or other unbounded tag");
      }
      assertEquals(20, calls, "calls past the limit are counted, under other");
      assertTrue(servers.size() <= 3 && servers.contains("other"), "servers: " + servers);
      assertTrue(handlers.size() <= 3 && handlers.contains("other"), "handlers: " + handlers);
    }
  }

  static final class Counted {}

  @Test
  void gaugesCountLiveProcessesByKindAndTheirMailboxes() {
    double servers = registry.get("arbor.processes").tags("kind", "server").gauge().value();
    ServerRef<Msg> server = ServerRef.start(TestServers.type(Counted.class), StartOptions.defaults(), Object::new);
    assertTrue(registry.get("arbor.processes").tags("kind", "server").gauge().value() >= servers + 1);

    Pid sleeper = Proc.spawn(() -> Proc.receive(m -> m.equals("wake"), BOUND));
    for (int i = 0; i < 7; i++) {
      sleeper.send("queued " + i);
    }
    assertTrue(registry.get("arbor.mailbox.longest").tags("kind", "process").gauge().value() >= 7);
    assertTrue(registry.get("arbor.mailbox.messages").tags("kind", "process").gauge().value() >= 7);
    assertTrue(registry.get("arbor.processes").tags("kind", "thread").gauge().value() >= 1, "this test's own identity");
    sleeper.send("wake");
    server.stop();
  }

  @Test
  void spawnsAndExitsAreCountedByReasonKind() {
    double spawned = counter("arbor.processes.spawned", "app", "test");
    double killed = counter("arbor.processes.exited", "reason", "killed");
    Pid victim = Proc.spawn(() -> Proc.receive());
    Proc.exit(victim, ExitReason.kill());
    awaitDown(victim);
    assertTrue(counter("arbor.processes.spawned", "app", "test") >= spawned + 1);
    assertTrue(counter("arbor.processes.exited", "reason", "killed") >= killed + 1);
  }

  static final class Closed {}

  @Test
  void closedBinderStopsCounting() {
    metrics.close();
    ServerRef<Msg> server = ServerRef.start(TestServers.type(Closed.class), StartOptions.defaults(), Object::new);
    server.call("echo", new Msg.Echo("unseen"));
    server.stop();
    metrics.flush();
    assertTrue(registry.find("arbor.server.calls").tags("server", Closed.class.getName()).timers().isEmpty());
  }

  @Test
  void closedBinderCannotBeBoundAgain() {
    metrics.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> metrics.bindTo(new SimpleMeterRegistry()));
    assertEquals("this ArborMetrics is closed; bind a new one", e.getMessage());
  }

  @Test
  void tagLimitBelowOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ArborMetrics(Tags.empty(), 0));
    assertEquals("maxTagValues must be at least 1, not 0", e.getMessage());
  }
}
