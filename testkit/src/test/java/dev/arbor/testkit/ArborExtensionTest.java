package dev.arbor.testkit;

import static dev.arbor.testkit.Testkit.assertReceive;
import static dev.arbor.testkit.Testkit.refuteReceive;
import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.arbor.Down;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.agent.Agent;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Runs small test classes through the Jupiter engine and checks what the extension did to them. */
class ArborExtensionTest {
  private static final Duration BOUND = Duration.ofSeconds(5);

  /** What the inner tests leave for the outer test to check (they run on the engine's thread). */
  static final List<Pid> SEEN = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> testClass) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  /** The assertion error the one failed test in {@code events} ended with. */
  private static Throwable failureOf(Events events) {
    Throwable failure = events.failed().stream().findFirst().map(Event::getPayload).orElseThrow()
        .flatMap(p -> p instanceof org.junit.platform.engine.TestExecutionResult r ? r.getThrowable() : Optional.empty())
        .orElseThrow();
    assertTrue(failure instanceof AssertionFailedError, failure.toString());
    return failure;
  }

  private static void awaitDead(Pid pid) {
    Proc.adopt();
    try {
      Ref ref = Proc.monitor(pid);
      assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).isPresent(), pid + " still alive");
    } finally {
      Proc.release();
    }
  }

  private static ChildSpec idler(String id) {
    return ChildSpec.worker(id, () -> Optional.of(Proc.spawnLink(() -> Proc.receive())));
  }

  // ------------------------------------------------------------------ identity

  @ArborTest
  static class Identities {
    @Test
    void first() {
      SEEN.add(Proc.self());
    }

    @Test
    void second() {
      SEEN.add(Proc.self());
    }
  }

  @Test
  void eachTestRunsAsItsOwnProcessReleasedAtItsEnd() {
    run(Identities.class).assertStatistics(s -> s.succeeded(2).failed(0));
    assertEquals(2, SEEN.size());
    assertNotEquals(SEEN.get(0), SEEN.get(1));
    for (Pid pid : SEEN) {
      assertFalse(pid.isAlive(), pid + " outlived its test");
    }
  }

  // ------------------------------------------------------------------ startSupervised

  @ArborTest
  static class StartsChildren {
    @Test
    void startsThree() {
      SEEN.add(startSupervised(idler("a")));
      SEEN.add(startSupervised(idler("b")));
      SEEN.add(startSupervised(idler("c")));
      for (Pid pid : SEEN) {
        assertTrue(pid.isAlive());
      }
    }
  }

  @Test
  void startSupervisedStopsChildrenAfterTest() {
    run(StartsChildren.class).assertStatistics(s -> s.succeeded(1).failed(0));
    assertEquals(3, SEEN.size());
    for (Pid pid : SEEN) {
      awaitDead(pid);
    }
  }

  /** Each child reports its own exit to a recorder, so the outer test sees the stopping order. */
  @ArborTest
  static class RecordsStopOrder {
    @Test
    void startsThreeThatReport() {
      for (String id : List.of("first", "second", "third")) {
        // Trapping from the first instruction: set inside the body, a shutdown could come first.
        startSupervised(ChildSpec.worker(id, () -> Optional.of(Proc.spawn(
            dev.arbor.SpawnOptions.defaults().link(true).trapExits(true), () -> {
              Proc.receive(m -> m instanceof dev.arbor.Exit, Duration.ofSeconds(30));
              STOPPED.add(id);
            }))));
      }
    }
  }

  static final List<String> STOPPED = new CopyOnWriteArrayList<>();

  @Test
  void startSupervisedStopsChildrenNewestFirst() {
    STOPPED.clear();
    run(RecordsStopOrder.class).assertStatistics(s -> s.succeeded(1).failed(0));
    assertEquals(List.of("third", "second", "first"), STOPPED);
  }

  @Test
  void startSupervisedOutsideTheExtensionSaysWhatIsMissing() {
    var e = assertThrows(IllegalStateException.class, () -> startSupervised(idler("x")));
    assertTrue(e.getMessage().contains("@ArborTest"), e.getMessage());
  }

  // ------------------------------------------------------------------ leak check

  @ArborTest(leakTimeoutMillis = 200)
  static class Leaks {
    @Test
    void leavesOneBehind() {
      Pid leaked = Proc.spawn(() -> Proc.receive());
      Proc.register("leaky_worker", leaked);
      SEEN.add(leaked);
    }
  }

  @Test
  void leakCheckFailsTestThatLeavesProcesses() {
    Events events = run(Leaks.class);
    events.assertStatistics(s -> s.failed(1));
    String message = failureOf(events).getMessage();
    assertTrue(message.contains("left 1 process alive"), message);
    assertTrue(message.contains(SEEN.get(0).toString()), message);
    assertTrue(message.contains("leaky_worker"), message);
    awaitDead(SEEN.get(0)); // the check killed it so later tests start clean
  }

  @ArborTest(leakTimeoutMillis = 200)
  static class LeaksAnAgentFromAWorker {
    @Test
    void workerStartsANamedAgentAndStaysAlive() {
      Pid test = Proc.self();
      Pid worker = Proc.spawn(() -> {
        Proc.register("leaky_parent", Proc.self());
        Agent<Integer> agent = Agent.start(StartOptions.named("leaky_agent"), () -> 0);
        SEEN.add(agent.pid());
        test.send("agent started");
        Proc.receive();
      });
      assertReceive(m -> m.equals("agent started"), BOUND);
      SEEN.add(worker);
    }
  }

  @Test
  void leakMessageNamesWhatLeaked() {
    Events events = run(LeaksAnAgentFromAWorker.class);
    events.assertStatistics(s -> s.failed(1));
    String message = failureOf(events).getMessage();
    Pid agent = SEEN.get(0);
    Pid worker = SEEN.get(1);
    assertTrue(message.contains("left 2 processes alive"), message);
    assertTrue(message.contains(worker + " process registered as leaky_parent, waiting, spawned by the test"), message);
    assertTrue(message.contains(agent + " agent dev.arbor.agent.Agent registered as leaky_agent, waiting,"
        + " spawned by " + worker + " (process leaky_parent)"), message);
    awaitDead(agent);
    awaitDead(worker);
  }

  @ArborTest
  static class LeaksThroughADeadParent {
    @Test
    void spawnsAGrandchildThenTheParentExits() {
      Pid parent = Proc.spawn(() -> {
        SEEN.add(Proc.spawn(() -> Proc.receive()));
      });
      Ref ref = Proc.monitor(parent);
      assertReceive(m -> m instanceof Down d && d.ref().equals(ref), BOUND);
    }
  }

  @Test
  void leakCheckFindsGrandchildrenOfExitedProcesses() {
    run(LeaksThroughADeadParent.class).assertStatistics(s -> s.failed(1));
    awaitDead(SEEN.get(0));
  }

  @ArborTest
  static class ExitsInFlight {
    @Test
    void processExitsJustAfterTheTest() {
      Pid p = Proc.spawn(() -> Proc.receive(Duration.ofMillis(50)));
      SEEN.add(p);
    }
  }

  @Test
  void leakCheckWaitsForExitsInFlight() {
    run(ExitsInFlight.class).assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @ArborTest(checkLeaks = false)
  static class LeakCheckOff {
    @Test
    void leaves() {
      SEEN.add(Proc.spawn(() -> Proc.receive()));
    }
  }

  @Test
  void leakCheckCanBeTurnedOff() {
    run(LeakCheckOff.class).assertStatistics(s -> s.succeeded(1).failed(0));
    Pid left = SEEN.get(0);
    assertTrue(left.isAlive());
    Proc.adopt();
    try {
      Proc.exit(left, dev.arbor.ExitReason.kill());
    } finally {
      Proc.release();
    }
    awaitDead(left);
  }

  // ------------------------------------------------------------------ receive assertions

  record Ping(int n) {}

  @ArborTest
  static class Receives {
    @Test
    void assertReceiveTakesTheMatchingMessage() {
      Proc.send(Proc.self(), "noise");
      Proc.send(Proc.self(), new Ping(7));
      assertEquals(7, assertReceive(Ping.class, BOUND).n());
      assertEquals("noise", assertReceive(m -> m instanceof String, BOUND));
    }

    @Test
    void assertReceiveFailsWhenNothingComes() {
      assertThrows(AssertionFailedError.class, () -> assertReceive(Ping.class, Duration.ofMillis(20)));
    }

    @Test
    void refuteReceivePassesWhenNothingComes() {
      refuteReceive(Ping.class, Duration.ofMillis(20));
      refuteReceive(m -> m instanceof Ping);
    }

    @Test
    void refuteReceiveFailsNamingTheMessage() {
      Proc.send(Proc.self(), new Ping(3));
      var e = assertThrows(AssertionFailedError.class, () -> refuteReceive(Ping.class));
      assertTrue(e.getMessage().contains("Ping[n=3]"), e.getMessage());
    }
  }

  @Test
  void receiveAssertions() {
    run(Receives.class).assertStatistics(s -> s.succeeded(4).failed(0));
  }
}
