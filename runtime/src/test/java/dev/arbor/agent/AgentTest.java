package dev.arbor.agent;

import static dev.arbor.task.TestWaits.down;
import static dev.arbor.task.TestWaits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Spawned;
import dev.arbor.registry.Registry;
import dev.arbor.registry.RegistrySpec;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AgentTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private Adopted me;

  @BeforeEach
  void adopt() {
    me = Proc.adopt();
  }

  @AfterEach
  void release() {
    me.close();
  }

  @Test
  void getUpdateAndGetAndUpdateWorkOnTheState() {
    Agent<List<String>> agent = Agent.start(List::of);
    agent.update(list -> append(list, "a"));
    assertEquals(List.of("a"), agent.get(list -> list));
    String popped = agent.getAndUpdate(list -> new Agent.Result<>(list.get(0), List.of()));
    assertEquals("a", popped);
    assertEquals(0, (int) agent.get(List::size));
    agent.stop();
  }

  private static List<String> append(List<String> list, String item) {
    List<String> copy = new ArrayList<>(list);
    copy.add(item);
    return List.copyOf(copy);
  }

  @Test
  void theInitialStateIsBuiltInTheAgentsProcess() {
    Pid test = Proc.self();
    Agent<Pid> agent = Agent.start(Proc::self);
    assertEquals(agent.pid(), agent.get(pid -> pid));
    assertFalse(agent.pid().equals(test));
    agent.stop();
  }

  @RepeatedTest(10)
  void castUpdatesWithoutWaitingAndInOrder() {
    Agent<Integer> agent = Agent.start(() -> 0);
    CountDownLatch release = new CountDownLatch(1);
    agent.cast(n -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return n + 1;
    });
    agent.cast(n -> n * 10); // queued behind the first
    release.countDown();
    assertEquals(10, (int) agent.get(n -> n), "a call after casts from one process sees them done, in order");
    agent.stop();
  }

  @RepeatedTest(10)
  void agentUpdatesAreSerialized() {
    Agent<Integer> agent = Agent.start(() -> 0);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    int callers = 16;
    int updates = 250;
    List<Spawned> all = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      boolean casting = c % 2 == 0;
      all.add(Proc.spawnMonitor(() -> {
        for (int i = 0; i < updates; i++) {
          java.util.function.UnaryOperator<Integer> increment = n -> {
            if (inside.incrementAndGet() != 1) {
              overlaps.incrementAndGet();
            }
            Thread.yield(); // widen the window a second update would need to interleave
            inside.decrementAndGet();
            return n + 1; // read-modify-write: lost updates if two ran at once
          };
          if (casting) {
            agent.cast(increment);
          } else {
            agent.update(increment);
          }
        }
      }));
    }
    all.forEach(s -> assertEquals(ExitReason.normal(), down(s.ref()).reason()));
    assertEquals(callers * updates, (int) agent.get(n -> n), "casts from the callers are queued before this call");
    assertEquals(0, overlaps.get(), "no two functions ran at once");
    agent.stop();
  }

  @Test
  void aFunctionThatThrowsCrashesTheAgent() {
    Agent<Integer> agent = Agent.start(() -> 1);
    var monitor = Proc.monitor(agent.pid());
    ExitException e = assertThrows(ExitException.class, () -> agent.get(n -> {
      throw new IllegalStateException("bad function (on purpose)");
    }));
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(ExitReason.Kind.CRASH, down(monitor).reason().kind());
    ExitException gone = assertThrows(ExitException.class, () -> agent.get(n -> n));
    assertEquals(ExitReason.noproc(), gone.reason());
  }

  @Test
  void getAndUpdateMustReturnAResult() {
    Agent<Integer> agent = Agent.start(() -> 1);
    ExitException e = assertThrows(ExitException.class, () -> agent.getAndUpdate(n -> null));
    assertTrue(e.getCause().getMessage().contains("Agent.Result"), e.getCause().getMessage());
  }

  @Test
  void aSupplierThatThrowsFailsTheStart() {
    StartException e = assertThrows(StartException.class, () -> Agent.start(() -> {
      throw new IllegalStateException("no initial state (on purpose)");
    }));
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void aNamedAgentIsFoundByName() {
    String name = "agent-" + NAMES.incrementAndGet();
    Agent<String> started = Agent.start(StartOptions.named(name), () -> "hello");
    Agent<String> byName = Agent.of(Name.local(name));
    assertEquals("hello", byName.get(s -> s));
    assertEquals(started.pid(), byName.pid());
    byName.stop();
    assertTrue(Proc.whereis(name).isEmpty());
  }

  @Test
  void anAgentRegistersUnderAViaName() {
    Registry<String, Object> registry = Registry.start(RegistrySpec.unique("agents-" + NAMES.incrementAndGet()));
    try {
      Name name = Name.via(registry, "counter");
      Agent.start(StartOptions.named(name), () -> 5);
      Agent<Integer> byName = Agent.of(name);
      byName.update(n -> n + 1);
      assertEquals(6, (int) byName.get(n -> n));
      assertEquals(byName.pid(), registry.lookup("counter").get(0).pid());
      byName.stop();
      assertEquals(List.of(), registry.lookup("counter"));
    } finally {
      registry.stop();
    }
  }

  @RepeatedTest(5)
  void anAgentUnderASupervisorRestartsWithItsInitialState() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(Agent.childSpec(StartOptions.named("supervised-agent-" + NAMES.incrementAndGet()), () -> 0)));
    try {
      sup.subscribe(Proc.self());
      Agent<Integer> agent = Agent.of(sup.whichChildren().get(0).pid().orElseThrow());
      agent.update(n -> n + 41);
      Proc.exit(agent.pid(), ExitReason.kill());
      SupervisorEvent.ChildRestarted restarted = next(SupervisorEvent.ChildRestarted.class);
      assertEquals(0, (int) Agent.<Integer>of(restarted.newPid()).get(n -> n));
      assertEquals("Agent", Agent.childSpec(() -> 0).id());
    } finally {
      sup.stop();
    }
  }

  @Test
  void aSlowAgentTimesOutTheCall() {
    Agent<Integer> agent = Agent.start(() -> 0);
    CountDownLatch release = new CountDownLatch(1);
    agent.cast(n -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return n;
    });
    CallTimeoutException e = assertThrows(CallTimeoutException.class,
        () -> agent.withTimeout(Duration.ofMillis(30)).get(n -> n));
    assertEquals("get", e.handler());
    release.countDown();
    assertEquals(0, (int) agent.get(n -> n));
    agent.stop();
  }

  @Test
  void stopEndsTheAgent() {
    Agent<Integer> agent = Agent.start(() -> 0);
    Pid pid = agent.pid();
    agent.stop();
    assertFalse(pid.isAlive());
    assertEquals(ExitReason.noproc(), assertThrows(ExitException.class, () -> agent.update(n -> n)).reason());
    agent.cast(n -> n); // dropped, as in OTP
  }

  @Test
  void nullsAreRejectedByName() {
    assertEquals("initial", assertThrows(NullPointerException.class, () -> Agent.start(null)).getMessage());
    Agent<Integer> agent = Agent.start(() -> 0);
    assertEquals("fn", assertThrows(NullPointerException.class, () -> agent.get(null)).getMessage());
    assertEquals("fn", assertThrows(NullPointerException.class, () -> agent.update(null)).getMessage());
    assertEquals("fn", assertThrows(NullPointerException.class, () -> agent.getAndUpdate(null)).getMessage());
    assertEquals("fn", assertThrows(NullPointerException.class, () -> agent.cast(null)).getMessage());
    agent.stop();
  }
}
