package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.down;
import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static dev.arbor.supervisor.Expect.none;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.supervisor.ChildSpec.Restart;
import dev.arbor.supervisor.ChildSpec.Shutdown;
import dev.arbor.supervisor.SupervisorEvent.AutoShutdownTriggered;
import dev.arbor.supervisor.SupervisorEvent.ChildExited;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorEvent.ChildStartFailed;
import dev.arbor.supervisor.SupervisorEvent.ChildTerminated;
import dev.arbor.supervisor.SupervisorEvent.IntensityExceeded;
import dev.arbor.supervisor.SupervisorEvent.ShuttingDown;
import dev.arbor.supervisor.SupervisorSpec.AutoShutdown;
import dev.arbor.supervisor.TestWorker.IgnoredExit;
import dev.arbor.supervisor.TestWorker.Started;
import dev.arbor.supervisor.TestWorker.Terminated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;

/** How children and supervisors stop: reverse order, timeouts and kill, intensity, escalation, auto-shutdown. */
class SupervisorShutdownTest extends SupervisorTestBase {

  @RepeatedTest(20)
  void stopStopsChildrenInReverseStartOrder() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("a", me)).child(TestWorker.spec("b", me)).child(TestWorker.spec("c", me)));
    Ref ref = Proc.monitor(sup.pid());

    sup.stop();

    assertEquals(ExitReason.normal(), down(ref).reason());
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Terminated t = next(Terminated.class);
      assertEquals(ExitReason.shutdown(), t.reason());
      order.add(t.id());
    }
    assertEquals(List.of("c", "b", "a"), order);
  }

  @RepeatedTest(20)
  void exceedingIntensityShutsSupervisorDownInReverseOrder() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(2, Duration.ofMinutes(1))
        .child(TestWorker.spec("a", me)).child(TestWorker.spec("b", me)).child(TestWorker.spec("c", me)));
    next(Started.class);
    Pid b = next(Started.class).pid();
    next(Started.class);
    sup.subscribe(me);
    Ref ref = Proc.monitor(sup.pid());

    for (int restart = 1; restart <= 2; restart++) {
      TestWorker.crash(b);
      assertEquals(b, event(ChildRestarted.class, sup.pid()).oldPid(), "restart " + restart + " is allowed");
      b = next(Started.class, s -> s.id().equals("b"), "b started again").pid();
    }
    TestWorker.crash(b);

    IntensityExceeded exceeded = event(IntensityExceeded.class, sup.pid());
    assertEquals("b", exceeded.id());
    assertEquals(2, exceeded.maxRestarts());
    assertEquals(ExitReason.shutdown(), down(ref).reason(), "the supervisor exits with shutdown");
    List<String> stopped = new ArrayList<>();
    for (Object m = Proc.receive(Duration.ZERO).orElse(null); m != null; m = Proc.receive(Duration.ZERO).orElse(null)) {
      if (m instanceof Terminated t && t.reason().equals(ExitReason.shutdown())) {
        stopped.add(t.id());
      }
    }
    assertEquals(List.of("c", "a"), stopped, "the remaining children stop newest first");
  }

  @RepeatedTest(10)
  void shutdownTimeoutEscalatesToKill() {
    Duration timeout = Duration.ofMillis(150);
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.stubborn("stubborn", me).withShutdown(Shutdown.timeout(timeout))));
    Pid child = next(Started.class).pid();
    sup.subscribe(me);

    long began = System.nanoTime();
    sup.terminateChild("stubborn");
    long tookNanos = System.nanoTime() - began;

    IgnoredExit asked = next(IgnoredExit.class);
    assertEquals(ExitReason.shutdown(), asked.reason(), "it was asked politely first");
    ChildTerminated terminated = event(ChildTerminated.class, sup.pid());
    assertEquals(child, terminated.pid());
    assertEquals(ExitReason.killed(), terminated.reason(), "then killed");
    assertFalse(child.isAlive());
    assertTrue(tookNanos >= timeout.toNanos(), "the supervisor waited the shutdown timeout before killing: "
        + Duration.ofNanos(tookNanos));
  }

  @RepeatedTest(20)
  void zeroShutdownTimeoutIsAccepted() {
    // OTP takes any shutdown of 0 ms or more (Elixir's own supervisor tests use shutdown: 0): the
    // child is sent shutdown, gets no grace, and is killed unless the signal already ended it.
    Shutdown noGrace = Shutdown.timeout(Duration.ZERO);
    assertEquals("0 ms", noGrace.toString());
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.stubborn("stubborn", me).withShutdown(noGrace))
        .child(ChildSpec.worker("plain", () -> Optional.of(Proc.spawnLink(() -> {
          Proc.receive(m -> false, Expect.WAIT);
        }))).withShutdown(noGrace)));
    Pid stubborn = next(Started.class).pid();
    sup.subscribe(me);

    sup.terminateChild("plain");
    sup.terminateChild("stubborn");

    assertEquals(ExitReason.shutdown(), event(ChildTerminated.class, sup.pid()).reason(),
        "a child that does not trap exits is ended by the shutdown signal itself");
    ChildTerminated killed = event(ChildTerminated.class, sup.pid());
    assertEquals(stubborn, killed.pid());
    assertEquals(ExitReason.killed(), killed.reason(), "a trapping child is killed without waiting");
  }

  @RepeatedTest(10)
  void brutalKillKillsAtOnce() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.stubborn("stubborn", me).withShutdown(Shutdown.brutalKill())));
    Pid child = next(Started.class).pid();
    sup.subscribe(me);

    sup.terminateChild("stubborn");

    assertEquals(ExitReason.killed(), event(ChildTerminated.class, sup.pid()).reason());
    assertFalse(child.isAlive());
    none(m -> m instanceof IgnoredExit, "polite shutdown before a brutal kill");
  }

  @RepeatedTest(10)
  void infinityShutdownWaitsForTheChild() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("slow", me, () -> {
          me.send("in terminate");
          Proc.receive(m -> m.equals("go on"), Expect.WAIT); // @Terminate waits for the test's word
        }).withShutdown(Shutdown.infinity())));
    Pid child = next(Started.class).pid();
    sup.subscribe(me);
    Thread stopper = Thread.ofVirtual().start(() -> {
      try (var identity = Proc.adopt()) {
        sup.terminateChild("slow");
        identity.pid(); // the identity lives until here
      }
    });

    Expect.next(String.class, m -> m.equals("in terminate"), "the child in @Terminate");
    assertTrue(child.isAlive(), "the supervisor waits; nothing kills the child");
    child.send("go on");

    ChildTerminated t = event(ChildTerminated.class, sup.pid());
    assertEquals(ExitReason.shutdown(), t.reason());
    assertEquals(ExitReason.shutdown(), next(Terminated.class).reason());
    joinQuietly(stopper);
  }

  private static void joinQuietly(Thread t) {
    try {
      assertTrue(t.join(Expect.WAIT), "stopper thread finished");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @RepeatedTest(10)
  void nestedSupervisorEscalatesToItsParent() {
    SupervisorSpec inner = SupervisorSpec.oneForOne().maxRestarts(1, Duration.ofMinutes(1))
        .child(TestWorker.spec("w", me));
    Supervisor outer = Supervisor.start(SupervisorSpec.oneForOne().child(Supervisor.childSpec("inner", inner)));
    Pid w = next(Started.class).pid();
    outer.subscribe(me);
    Pid inner1 = outer.whichChildren().get(0).pid().orElseThrow();
    Supervisor.of(inner1).subscribe(me);

    TestWorker.crash(w);
    assertEquals(w, event(ChildRestarted.class, inner1).oldPid(), "the inner supervisor restarts once");
    w = next(Started.class).pid();
    TestWorker.crash(w);

    event(IntensityExceeded.class, inner1);
    ChildExited innerExit = event(ChildExited.class, outer.pid());
    assertEquals("inner", innerExit.id());
    assertEquals(ExitReason.shutdown(), innerExit.reason(), "the inner supervisor gave up with shutdown");
    ChildRestarted restarted = event(ChildRestarted.class, outer.pid());
    assertEquals("inner", restarted.id());
    assertEquals(inner1, restarted.oldPid());
    assertFalse(inner1.isAlive());
    Pid inner2 = restarted.newPid();
    assertNotEquals(inner1, inner2);
    assertTrue(inner2.isAlive());
    Pid w2 = next(Started.class, s -> s.id().equals("w"), "w under the new inner supervisor").pid();
    assertEquals(w2, Supervisor.of(inner2).whichChildren().get(0).pid().orElseThrow());
    assertTrue(outer.pid().isAlive(), "the outer supervisor applied its own strategy and lives on");
  }

  @RepeatedTest(20)
  void significantChildTriggersAutoShutdown() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().autoShutdown(AutoShutdown.ANY_SIGNIFICANT)
        .child(TestWorker.spec("helper", me))
        .child(TestWorker.spec("main", me).withRestart(Restart.TRANSIENT).withSignificant(true)));
    next(Started.class);
    Pid main = next(Started.class).pid();
    sup.subscribe(me);
    Ref ref = Proc.monitor(sup.pid());

    TestWorker.stopWith(main, ExitReason.normal());

    assertEquals("main", event(AutoShutdownTriggered.class, sup.pid()).id());
    assertEquals(ExitReason.shutdown(), down(ref).reason());
    Terminated helper = next(Terminated.class, t -> t.id().equals("helper"), "helper stopped");
    assertEquals(ExitReason.shutdown(), helper.reason());
  }

  @RepeatedTest(10)
  void significantTransientChildThatCrashesIsRestartedInstead() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().autoShutdown(AutoShutdown.ANY_SIGNIFICANT)
        .child(TestWorker.spec("main", me).withRestart(Restart.TRANSIENT).withSignificant(true)));
    Pid main = next(Started.class).pid();
    sup.subscribe(me);

    TestWorker.crash(main);

    assertEquals(main, event(ChildRestarted.class, sup.pid()).oldPid());
    assertTrue(sup.pid().isAlive());
  }

  @RepeatedTest(10)
  void terminatingASignificantChildDoesNotShutDown() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().autoShutdown(AutoShutdown.ANY_SIGNIFICANT)
        .child(TestWorker.spec("main", me).withRestart(Restart.TEMPORARY).withSignificant(true)));
    next(Started.class);

    sup.terminateChild("main");

    assertEquals(List.of(), sup.whichChildren(), "only a child's own exit counts; the supervisor answers still");
  }

  @RepeatedTest(10)
  void allSignificantWaitsForTheLastSignificantChild() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().autoShutdown(AutoShutdown.ALL_SIGNIFICANT)
        .child(TestWorker.spec("one", me).withRestart(Restart.TEMPORARY).withSignificant(true))
        .child(TestWorker.spec("two", me).withRestart(Restart.TEMPORARY).withSignificant(true))
        .child(TestWorker.spec("other", me)));
    Pid one = next(Started.class).pid();
    Pid two = next(Started.class).pid();
    next(Started.class);
    sup.subscribe(me);
    Ref ref = Proc.monitor(sup.pid());

    TestWorker.crash(one);
    assertEquals("one", event(ChildExited.class, sup.pid()).id());
    assertEquals(List.of("two", "other"), sup.whichChildren().stream().map(ChildInfo::id).toList(),
        "one significant child is still running: the supervisor goes on");

    TestWorker.stopWith(two, ExitReason.normal());
    assertEquals("two", event(AutoShutdownTriggered.class, sup.pid()).id());
    assertEquals(ExitReason.shutdown(), down(ref).reason());
  }

  @RepeatedTest(10)
  void failedRestartIsRetriedUntilItStarts() {
    AtomicInteger failures = new AtomicInteger();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(10, Duration.ofMinutes(1))
        .child(TestWorker.failingWhile("flaky", me, () -> failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0)));
    Pid first = next(Started.class).pid();
    sup.subscribe(me);
    failures.set(2);

    TestWorker.crash(first);

    assertEquals("flaky", event(ChildStartFailed.class, sup.pid()).id());
    assertEquals("flaky", event(ChildStartFailed.class, sup.pid()).id());
    ChildRestarted restarted = event(ChildRestarted.class, sup.pid());
    assertEquals(first, restarted.oldPid());
    assertEquals(restarted.newPid(), sup.whichChildren().get(0).pid().orElseThrow());
  }

  @RepeatedTest(10)
  void restartThatKeepsFailingExhaustsIntensity() {
    AtomicInteger failures = new AtomicInteger();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(3, Duration.ofMinutes(1))
        .child(TestWorker.failingWhile("broken", me, () -> failures.get() > 0)));
    Pid first = next(Started.class).pid();
    sup.subscribe(me);
    Ref ref = Proc.monitor(sup.pid());
    failures.set(1);

    TestWorker.crash(first);

    for (int attempt = 1; attempt <= 3; attempt++) {
      event(ChildStartFailed.class, sup.pid());
    }
    event(IntensityExceeded.class, sup.pid());
    assertEquals(ExitReason.shutdown(), down(ref).reason());
  }

  @RepeatedTest(10)
  void killedSupervisorTakesItsGenServerChildrenDown() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("a", me)).child(TestWorker.stubborn("s", me)));
    Ref a = Proc.monitor(next(Started.class).pid());
    Pid stubborn = next(Started.class).pid();

    Proc.exit(sup.pid(), ExitReason.kill());

    assertEquals(ExitReason.killed(), down(a).reason(), "a trapping GenServer stops when its parent dies");
    // A plain process that traps exits only gets a message, as in Erlang: no supervisor can save it from itself.
    assertEquals(ExitReason.killed(), next(IgnoredExit.class).reason());
    assertTrue(stubborn.isAlive());
    Proc.exit(stubborn, ExitReason.kill());
  }

  @RepeatedTest(10)
  void subscribersHearTheShutdown() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().child(TestWorker.spec("a", me)));
    Pid a = next(Started.class).pid();
    sup.subscribe(me);

    sup.stop(ExitReason.shutdown(), null);

    assertEquals(ExitReason.shutdown(), event(ShuttingDown.class, sup.pid()).reason());
    ChildTerminated t = event(ChildTerminated.class, sup.pid());
    assertEquals(a, t.pid());
    assertEquals(ExitReason.shutdown(), t.reason());
  }
}
