package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Arbor;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.supervisor.TestWorker.Started;
import dev.arbor.supervisor.TestWorker.Terminated;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The application lifecycle: which supervisors are top-level, waiting for them, stopping them like init:stop(). */
class ArborTest extends SupervisorTestBase {

  @BeforeEach
  void noTreesLeftByOthers() {
    Arbor.shutdown();
  }

  @RepeatedTest(5)
  void awaitTerminationReturnsOnceEveryTopLevelSupervisorHasStopped() throws Exception {
    Supervisor one = Supervisor.start(SupervisorSpec.oneForOne().child(TestWorker.spec("a", me)));
    DynamicSupervisor two = DynamicSupervisor.start(DynamicSupervisorSpec.defaults());
    assertFalse(Arbor.awaitTermination(Duration.ofMillis(20)), "both still run");
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
      try {
        Arbor.awaitTermination(); // from a pool thread that never had a process identity
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });

    one.stop();
    assertFalse(waiting.isDone() && two.pid().isAlive(), "one supervisor is still running");
    two.stop();

    waiting.get(Expect.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertTrue(Supervisor.topLevel().isEmpty());
  }

  @RepeatedTest(5)
  void shutdownStopsTopLevelSupervisorsNewestFirst() {
    Supervisor first = Supervisor.start(SupervisorSpec.oneForOne().child(TestWorker.spec("first", me)));
    Supervisor second = Supervisor.start(SupervisorSpec.oneForOne().child(TestWorker.spec("second", me)));
    assertEquals(List.of(first, second), Supervisor.topLevel());

    Arbor.shutdown();

    Terminated a = next(Terminated.class);
    Terminated b = next(Terminated.class);
    assertEquals(List.of("second", "first"), List.of(a.id(), b.id()));
    assertEquals(ExitReason.shutdown(), a.reason());
    assertFalse(first.pid().isAlive());
    assertFalse(second.pid().isAlive());
  }

  @Test
  void aSupervisorStartedByAnotherIsNotTopLevel() {
    Supervisor outer = Supervisor.start(SupervisorSpec.oneForOne()
        .child(Supervisor.childSpec("inner", SupervisorSpec.oneForOne().child(TestWorker.spec("w", me)))));
    next(Started.class);
    Pid inner = outer.whichChildren().get(0).pid().orElseThrow();
    assertEquals(List.of(outer), Supervisor.topLevel());
    assertTrue(inner.isAlive());
  }

  @Test
  void aSupervisorLinkedToAPlainThreadIsTopLevel() {
    Supervisor linked = Supervisor.startLink(SupervisorSpec.oneForOne());
    assertEquals(List.of(linked), Supervisor.topLevel());
  }

  @Test
  void theShutdownHookCanBeTurnedOff() {
    boolean before = Arbor.shutdownHookEnabled();
    try {
      Arbor.setShutdownHook(false);
      assertFalse(Arbor.shutdownHookEnabled());
    } finally {
      Arbor.setShutdownHook(before);
    }
  }
}
