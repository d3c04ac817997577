package dev.arbor.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records Arbor's JFR events with a {@link RecordingStream} and checks their fields. */
class JfrEventsTest {
  private static final long BOUND_SECONDS = 10;

  private RecordingStream stream;
  private final BlockingQueue<RecordedEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void record() throws InterruptedException {
    Proc.adopt();
    stream = new RecordingStream();
    for (String name : List.of("dev.arbor.ProcessSpawn", "dev.arbor.ProcessRegister", "dev.arbor.ProcessExit",
        "dev.arbor.SupervisorRestart", "dev.arbor.Call")) {
      stream.enable(name).withoutThreshold();
      stream.onEvent(name, events::add);
    }
    stream.enable("dev.arbor.MailboxDepth").withPeriod(Duration.ofMillis(100));
    stream.onEvent("dev.arbor.MailboxDepth", events::add);
    stream.setMaxAge(Duration.ofSeconds(30));
    stream.startAsync();
  }

  @AfterEach
  void stop() {
    stream.close();
    Proc.release();
  }

  /** Waits, bounded, for an event of {@code type} that matches; events that do not match are dropped. */
  private RecordedEvent await(String type, Predicate<RecordedEvent> match) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    List<String> seen = new ArrayList<>();
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      RecordedEvent e = events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        break;
      }
      if (e.getEventType().getName().equals(type) && match.test(e)) {
        return e;
      }
      seen.add(e.getEventType().getName());
    }
    throw new AssertionError("no matching " + type + " within " + BOUND_SECONDS + " s; saw " + seen);
  }

  // ------------------------------------------------------------------ a small server

  sealed interface Msg {
    record Echo(String text) implements Msg {}

    record Load(String key) implements Msg {}

    record Boom() implements Msg {}
  }

  static final class Echo {}

  static final ServerType<Echo, Msg> ECHO = ServerType.builder(Echo.class, Echo.class, new Dispatcher<Echo, Msg>() {
    @Override
    public Object dispatch(Echo server, Msg message, CallContext call) throws Throwable {
      return switch (message) {
        case Msg.Echo m -> m.text();
        case Msg.Load m -> throw new IOException("no " + m.key());
        case Msg.Boom m -> throw new IllegalStateException("boom");
      };
    }
  }).build();

  // ------------------------------------------------------------------ tests

  @Test
  void jfrRecordsCallLatencyPerHandler() throws InterruptedException {
    ServerRef<Msg> server = ServerRef.start(ECHO, StartOptions.defaults(), Echo::new);
    assertEquals("hi", server.<String>call("echo", new Msg.Echo("hi")));
    assertThrows(IOException.class, () -> server.call("load", new Msg.Load("k")));

    RecordedEvent echo = await("dev.arbor.Call", e -> "echo".equals(e.getString("handler")));
    assertEquals(Echo.class.getName(), echo.getString("serverClass"));
    assertEquals("reply", echo.getString("outcome"));
    assertEquals(server.pid().toString(), echo.getString("pid"));
    assertTrue(!echo.getDuration().isNegative());
    assertEquals(0, echo.getInt("mailboxDepth"));

    RecordedEvent load = await("dev.arbor.Call", e -> "load".equals(e.getString("handler")));
    assertEquals("error", load.getString("outcome"));
    server.stop();
  }

  @Test
  void jfrRecordsCrashingCallAsCrash() throws InterruptedException {
    ServerRef<Msg> server = ServerRef.start(ECHO, StartOptions.defaults(), Echo::new);
    Ref ref = Proc.monitor(server.pid());
    assertThrows(ExitException.class, () -> server.call("boom", new Msg.Boom()));
    RecordedEvent boom = await("dev.arbor.Call", e -> "boom".equals(e.getString("handler")));
    assertEquals("crash", boom.getString("outcome"));
    assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), Duration.ofSeconds(BOUND_SECONDS)).isPresent());
    RecordedEvent exit = await("dev.arbor.ProcessExit", e -> server.pid().toString().equals(e.getString("pid")));
    assertEquals("crash", exit.getString("reasonKind"));
  }

  @Test
  void jfrRecordsSpawnAndExitWithReason() throws InterruptedException {
    Pid me = Proc.self();
    Pid child = Proc.spawn(() -> Proc.exit(ExitReason.shutdown()));
    RecordedEvent spawn = await("dev.arbor.ProcessSpawn", e -> child.toString().equals(e.getString("pid")));
    assertEquals(me.toString(), spawn.getString("spawnedBy"));
    assertNull(spawn.getString("registeredName"));
    RecordedEvent exit = await("dev.arbor.ProcessExit", e -> child.toString().equals(e.getString("pid")));
    assertEquals("shutdown", exit.getString("reasonKind"));
    assertTrue(exit.getString("reason").contains("shutdown"), exit.getString("reason"));
    assertEquals(false, exit.getBoolean("plainThread"));
  }

  @Test
  void spawnEventCarriesRegisteredName() throws InterruptedException {
    ServerRef<Msg> server = ServerRef.start(ECHO, StartOptions.named("jfr-named-echo"), Echo::new);
    RecordedEvent spawn = await("dev.arbor.ProcessSpawn", e -> server.pid().toString().equals(e.getString("pid")));
    assertEquals("jfr-named-echo", spawn.getString("registeredName"));
    Pid named = Proc.spawn(dev.arbor.SpawnOptions.defaults().name("jfr-named-process"),
        () -> Proc.receive(m -> m.equals("stop"), Duration.ofSeconds(BOUND_SECONDS)));
    RecordedEvent plain = await("dev.arbor.ProcessSpawn", e -> named.toString().equals(e.getString("pid")));
    assertEquals("jfr-named-process", plain.getString("registeredName"));
    named.send("stop");
    server.stop();
  }

  @Test
  void registrationAfterSpawnIsRecordedWithTheName() throws InterruptedException {
    Pid namedAtSpawn = Proc.spawn(dev.arbor.SpawnOptions.defaults().name("jfr-named-at-spawn"),
        () -> Proc.receive(m -> m.equals("stop"), Duration.ofSeconds(BOUND_SECONDS)));
    Pid late = Proc.spawn(() -> Proc.receive(m -> m.equals("stop"), Duration.ofSeconds(BOUND_SECONDS)));
    Proc.register("jfr-late-name", late);

    // The stream delivers events in commit order, and both commits happen on this thread: a register
    // event from the named spawn would arrive before the late one.
    List<String> registered = new ArrayList<>();
    RecordedEvent register = await("dev.arbor.ProcessRegister", e -> {
      registered.add(e.getString("pid"));
      return late.toString().equals(e.getString("pid"));
    });
    assertEquals("jfr-late-name", register.getString("registeredName"));
    assertTrue(!registered.contains(namedAtSpawn.toString()), "the spawn event carries a name given at spawn");
    namedAtSpawn.send("stop");
    late.send("stop");
  }

  @Test
  void takenNameStillFailsTheStartAndSpawnsNothing() throws Exception {
    ServerRef<Msg> holder = ServerRef.start(ECHO, StartOptions.named("jfr-taken"), Echo::new);
    List<Pid> spawnedByMe = new java.util.concurrent.CopyOnWriteArrayList<>();
    long me = Proc.self().id();
    RuntimeListener spawns = new RuntimeListener() {
      @Override
      public void spawned(Pid pid, String registeredName, long spawnedBy) {
        if (spawnedBy == me) {
          spawnedByMe.add(pid);
        }
      }
    };
    try (AutoCloseable registration = ArborEvents.addListener(spawns)) {
      dev.arbor.server.StartException e = assertThrows(dev.arbor.server.StartException.class,
          () -> ServerRef.start(ECHO, StartOptions.named("jfr-taken"), Echo::new));
      assertTrue(e.getMessage().contains("the name \"jfr-taken\" is already registered to " + holder.pid()),
          e.getMessage());
    }
    assertEquals(List.of(), spawnedByMe, "the name is checked before a process exists");
    holder.stop();
  }

  @Test
  void jfrRecordsSupervisorRestart() throws InterruptedException {
    BlockingQueue<Pid> started = new LinkedBlockingQueue<>();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().child(ChildSpec.worker("flaky", () -> {
      Pid p = Proc.spawnLink(() -> Proc.receive());
      started.add(p);
      return Optional.of(p);
    })));
    Pid first = started.poll(BOUND_SECONDS, TimeUnit.SECONDS);
    Proc.exit(first, ExitReason.kill());
    Pid second = started.poll(BOUND_SECONDS, TimeUnit.SECONDS);
    RecordedEvent restart = await("dev.arbor.SupervisorRestart", e -> "flaky".equals(e.getString("childId")));
    assertEquals(first.toString(), restart.getString("oldPid"));
    assertEquals(String.valueOf(second), restart.getString("newPid"));
    assertTrue(restart.getString("supervisor").contains(sup.pid().toString()), restart.getString("supervisor"));
    sup.stop();
  }

  @Test
  void jfrSamplesMailboxDepth() throws InterruptedException {
    Pid sleeper = Proc.spawn(() -> Proc.receive(m -> m.equals("wake"), Duration.ofSeconds(BOUND_SECONDS)));
    for (int i = 0; i < 3; i++) {
      Proc.send(sleeper, "queued " + i);
    }
    RecordedEvent depth = await("dev.arbor.MailboxDepth", e -> sleeper.toString().equals(e.getString("pid")));
    assertTrue(depth.getInt("depth") >= 3, "depth " + depth.getInt("depth"));
    Proc.send(sleeper, "wake");
  }
}
