package dev.arbor.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuntimeListenerTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  record Echo(String text) {}

  static final class Echoer {}

  /** Echoes a call's text, crashes on "boom", takes any other message quietly (LiveToolsTest uses it too). */
  static final ServerType<Echoer, Echo> ECHO = ServerType.builder(Echoer.class, Echoer.class,
      new Dispatcher<Echoer, Echo>() {
        @Override
        public Object dispatch(Echoer server, Echo message, CallContext call) {
          if (message.text().equals("boom")) {
            throw new IllegalStateException("boom");
          }
          return message.text();
        }

        @Override
        public boolean info(Echoer server, Object message) {
          return true;
        }
      }).build();

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Pid> crashes = new LinkedBlockingQueue<>();

  @BeforeEach
  void adopt() {
    Proc.adopt();
  }

  @AfterEach
  void release() {
    Proc.release();
  }

  private final RuntimeListener recorder = new RuntimeListener() {
    @Override
    public void spawned(Pid pid, String registeredName, long spawnedBy) {
      events.add("spawned " + pid + " as " + registeredName + " by " + spawnedBy);
    }

    @Override
    public void crashed(Pid pid, String serverClass, ExitReason reason) {
      events.add("crashed " + pid + " " + serverClass + " " + reason.kind());
      crashes.add(pid);
    }

    @Override
    public void exited(Pid pid, ExitReason reason) {
      events.add("exited " + pid + " " + reason.kind());
    }

    @Override
    public void callFinished(Pid server, String serverClass, String handler, String outcome, long nanos) {
      assertTrue(nanos >= 0);
      events.add("call " + server + " " + serverClass + "." + handler + " " + outcome);
    }
  };

  @Test
  void listenerSeesSpawnCallsAndExitUntilClosed() throws Exception {
    ServerRef<Echo> server;
    try (AutoCloseable registration = ArborEvents.addListener(recorder)) {
      server = ServerRef.start(ECHO, StartOptions.named("listened-echo"), Echoer::new);
      assertEquals("hi", server.call("echo", new Echo("hi")));
      Ref ref = Proc.monitor(server.pid());
      try {
        server.call("echo", new Echo("boom"));
      } catch (RuntimeException expected) {
        // the crash is the point
      }
      assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).isPresent());
    }
    Pid pid = server.pid();
    String cls = Echoer.class.getName();
    assertEquals(List.of(
        "spawned " + pid + " as listened-echo by " + Proc.self().id(),
        "call " + pid + " " + cls + ".echo reply",
        "call " + pid + " " + cls + ".echo crash",
        "crashed " + pid + " " + cls + " CRASH",
        "exited " + pid + " CRASH"),
        events.stream().filter(e -> e.contains(pid.toString())).toList());

    int before = events.size();
    ServerRef<Echo> unseen = ServerRef.start(ECHO, StartOptions.defaults(), Echoer::new);
    unseen.call("echo", new Echo("quiet"));
    assertEquals(before, events.size(), () -> "events after close: " + events.subList(before, events.size()));
    unseen.stop(); // a server left running would fail later tests that count the live processes
  }

  @Test
  void plainProcessCrashIsToldWithoutServerClass() throws Exception {
    try (AutoCloseable registration = ArborEvents.addListener(recorder)) {
      Pid plain = Proc.spawn(() -> {
        throw new IllegalStateException("plain boom");
      });
      assertEquals(plain, crashes.poll(BOUND.toSeconds(), TimeUnit.SECONDS));
      assertTrue(events.contains("crashed " + plain + " null CRASH"), () -> events.toString());
    }
  }

  @Test
  void throwingListenerDoesNotReachTheProcess() throws Exception {
    RuntimeListener bad = new RuntimeListener() {
      @Override
      public void callFinished(Pid server, String serverClass, String handler, String outcome, long nanos) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (AutoCloseable registration = ArborEvents.addListener(bad)) {
      ServerRef<Echo> server = ServerRef.start(ECHO, StartOptions.defaults(), Echoer::new);
      assertEquals("still fine", server.call("echo", new Echo("still fine")));
      assertTrue(server.pid().isAlive());
      server.stop();
    }
  }

  @Test
  @SuppressWarnings("try")
  void listenerThatDoesNotTimeCallsLeavesCallsUntimed() throws Exception {
    RuntimeListener exitsOnly = new RuntimeListener() {
      @Override
      public boolean timesCalls() {
        return false;
      }

      @Override
      public void callFinished(Pid server, String serverClass, String handler, String outcome, long nanos) {
        events.add("timed a call it did not ask for");
      }
    };
    try (AutoCloseable registration = ArborEvents.addListener(exitsOnly)) {
      assertEquals(0L, ArborEvents.callClock(), "no clock read while no listener times calls");
      ServerRef<Echo> server = ServerRef.start(ECHO, StartOptions.defaults(), Echoer::new);
      assertEquals("untimed", server.call("echo", new Echo("untimed")));
      server.stop();
      try (AutoCloseable timing = ArborEvents.addListener(recorder)) {
        assertTrue(ArborEvents.callClock() != 0L, "a listener that times calls turns the clock on");
      }
      assertEquals(0L, ArborEvents.callClock(), "and off again when it leaves");
    }
    assertTrue(events.stream().noneMatch(e -> e.startsWith("timed")), events.toString());
  }
}
