package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static dev.arbor.supervisor.Expect.none;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.server.StartException;
import dev.arbor.supervisor.ChildSpec.Restart;
import dev.arbor.supervisor.ChildSpec.Shutdown;
import dev.arbor.supervisor.SupervisorEvent.ChildExited;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorEvent.ChildTerminated;
import dev.arbor.supervisor.SupervisorEvent.IntensityExceeded;
import dev.arbor.supervisor.TestWorker.Started;
import dev.arbor.supervisor.TestWorker.Terminated;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Elixir's DynamicSupervisor: children added at run time, max_children, restarts, concurrent shutdown. */
class DynamicSupervisorTest extends SupervisorTestBase {

  @RepeatedTest(20)
  void dynamicSupervisorRefusesPastMaxChildren() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults().maxChildren(2));
    Pid a = dyn.startChild(TestWorker.spec("a", me)).orElseThrow();
    dyn.startChild(TestWorker.spec("b", me)).orElseThrow();
    next(Started.class);
    next(Started.class);

    IllegalStateException full = assertThrows(IllegalStateException.class,
        () -> dyn.startChild(TestWorker.spec("c", me)));

    assertTrue(full.getMessage().contains("maximum of 2 children") && full.getMessage().contains("\"c\""),
        full.getMessage());
    none(m -> m instanceof Started, "start of a child past the maximum");
    assertEquals(new ChildCounts(2, 2, 0, 2), dyn.countChildren());

    dyn.terminateChild(a);
    assertTrue(dyn.startChild(TestWorker.spec("c", me)).isPresent(), "room again once a child is gone");
  }

  @RepeatedTest(10)
  void terminateChildStopsAndForgetsIt() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    Pid a = dyn.startChild(TestWorker.spec("a", me)).orElseThrow();
    Pid b = dyn.startChild(TestWorker.spec("b", me)).orElseThrow();

    dyn.terminateChild(a);

    assertFalse(a.isAlive());
    assertEquals(ExitReason.shutdown(), next(Terminated.class, t -> t.id().equals("a"), "a stopped").reason());
    assertEquals(List.of(b), dyn.whichChildren().stream().map(c -> c.pid().orElseThrow()).toList());
    IllegalArgumentException notAChild = assertThrows(IllegalArgumentException.class, () -> dyn.terminateChild(a));
    assertTrue(notAChild.getMessage().contains(a.toString()), notAChild.getMessage());
  }

  @RepeatedTest(10)
  void permanentChildIsRestartedInPlace() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    Pid a = dyn.startChild(TestWorker.spec("a", me)).orElseThrow();
    Pid b = dyn.startChild(TestWorker.spec("b", me)).orElseThrow();
    dyn.subscribe(me);

    TestWorker.crash(a);

    ChildRestarted restarted = event(ChildRestarted.class, dyn.pid());
    assertEquals(a, restarted.oldPid());
    assertEquals(List.of(restarted.newPid(), b),
        dyn.whichChildren().stream().map(c -> c.pid().orElseThrow()).toList());
  }

  @RepeatedTest(10)
  void childThatExitsForGoodIsForgotten() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    Pid temp = dyn.startChild(TestWorker.spec("temp", me).withRestart(Restart.TEMPORARY)).orElseThrow();
    Pid trans = dyn.startChild(TestWorker.spec("trans", me).withRestart(Restart.TRANSIENT)).orElseThrow();
    dyn.subscribe(me);

    TestWorker.crash(temp);
    TestWorker.stopWith(trans, ExitReason.normal());

    event(ChildExited.class, dyn.pid());
    event(ChildExited.class, dyn.pid());
    assertEquals(List.of(), dyn.whichChildren());
    none(m -> m instanceof ChildRestarted, "restart");
  }

  @RepeatedTest(5)
  void exceedingIntensityShutsTheDynamicSupervisorDown() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults()
        .maxRestarts(1, Duration.ofMinutes(1)));
    Pid a = dyn.startChild(TestWorker.spec("a", me)).orElseThrow();
    dyn.subscribe(me);
    Ref ref = Proc.monitor(dyn.pid());

    TestWorker.crash(a);
    Pid a2 = event(ChildRestarted.class, dyn.pid()).newPid();
    TestWorker.crash(a2);

    event(IntensityExceeded.class, dyn.pid());
    assertEquals(ExitReason.shutdown(), Expect.down(ref).reason());
  }

  @RepeatedTest(10)
  void childrenStopConcurrentlyOnShutdown() throws InterruptedException {
    // Each child's @Terminate waits until both children are in @Terminate: that only happens if the
    // supervisor signalled both before waiting for either.
    CountDownLatch bothStopping = new CountDownLatch(2);
    CountDownLatch bothMet = new CountDownLatch(2);
    Runnable meet = () -> {
      bothStopping.countDown();
      try {
        if (bothStopping.await(5, TimeUnit.SECONDS)) {
          bothMet.countDown();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    for (String id : List.of("x", "y")) {
      dyn.startChild(TestWorker.spec(id, me, meet).withShutdown(Shutdown.timeout(Duration.ofSeconds(20))));
    }
    dyn.subscribe(me);

    dyn.stop();

    assertTrue(bothMet.await(0, TimeUnit.SECONDS), "both children were stopping at the same time");
    for (int i = 0; i < 2; i++) {
      assertEquals(ExitReason.shutdown(), event(ChildTerminated.class, dyn.pid()).reason());
    }
  }

  @RepeatedTest(5)
  void concurrentShutdownStillKillsAChildPastItsTimeout() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    Pid stubborn = dyn.startChild(TestWorker.stubborn("s", me).withShutdown(Shutdown.timeout(Duration.ofMillis(100))))
        .orElseThrow();
    Pid polite = dyn.startChild(TestWorker.spec("p", me)).orElseThrow();
    dyn.subscribe(me);

    dyn.stop();

    for (int i = 0; i < 2; i++) {
      ChildTerminated t = event(ChildTerminated.class, dyn.pid());
      assertEquals(t.pid().equals(stubborn) ? ExitReason.killed() : ExitReason.shutdown(), t.reason(), t.toString());
    }
    assertFalse(stubborn.isAlive());
    assertFalse(polite.isAlive());
  }

  @Test
  void significantChildIsRefused() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    assertThrows(IllegalArgumentException.class,
        () -> dyn.startChild(TestWorker.spec("s", me).withRestart(Restart.TEMPORARY).withSignificant(true)));
  }

  @Test
  void failedStartChildIsReportedToTheCaller() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    StartException e = assertThrows(StartException.class,
        () -> dyn.startChild(TestWorker.failingWhile("bad", me, () -> true)));
    assertTrue(e.getMessage().contains("\"bad\""), e.getMessage());
    assertEquals(List.of(), dyn.whichChildren());
  }

  @Test
  void ignoredChildIsNotKept() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults().maxChildren(1));
    assertEquals(java.util.Optional.empty(), dyn.startChild(ChildSpec.worker("ign", java.util.Optional::empty)));
    assertEquals(List.of(), dyn.whichChildren());
    assertTrue(dyn.startChild(TestWorker.spec("a", me)).isPresent(), "an ignored child takes no room");
  }

  @Test
  void dynamicSupervisorNestsUnderAStaticOne() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(DynamicSupervisor.childSpec("pool", DynamicSupervisorSpec.defaults().maxChildren(1))));
    DynamicSupervisor pool = DynamicSupervisor.of(sup.whichChildren().get(0).pid().orElseThrow());
    Pid w = pool.startChild(TestWorker.spec("w", me)).orElseThrow();
    assertNotEquals(sup.pid(), pool.pid());
    assertTrue(Supervisor.tree(sup.pid()).contains("    w " + w + " worker permanent"), Supervisor.tree(sup.pid()));
    assertThrows(IllegalArgumentException.class, () -> DynamicSupervisor.of(sup.pid()));
  }
}
