package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Pid;
import dev.arbor.supervisor.SupervisorEvent.ChildStartFailed;
import dev.arbor.supervisor.TestWorker.Started;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A child whose restart keeps failing is "restarting": the supervisor retries it after whatever is
 * already queued, so an admin call gets in between two attempts. OTP and Elixir let that call stop
 * the retries (checked against Elixir 1.14: {@code terminate_child(sup, old_pid)} answers {@code :ok},
 * then {@code {:error, :not_found}}, and the counts drop to zero).
 */
class RestartingChildTest extends SupervisorTestBase {
  /** High enough that the retries never exhaust it while the test runs. */
  private static final int MANY = Integer.MAX_VALUE;

  private final AtomicBoolean refuse = new AtomicBoolean();
  private final AtomicInteger attempts = new AtomicInteger();

  private ChildSpec flaky(String id) {
    return TestWorker.failingWhile(id, me, () -> {
      attempts.incrementAndGet();
      return refuse.get();
    });
  }

  /** Crashes the running child {@code pid} with its starts refused, and waits until a restart has failed. */
  private void crashIntoRestarting(Pid supervisor, Pid pid) {
    refuse.set(true);
    TestWorker.crash(pid);
    event(ChildStartFailed.class, supervisor);
  }

  /** Attempts stay put once the call that ended them returned: one more call drains any queued retry. */
  private void assertNoMoreAttempts(Runnable syncCall) {
    int before = attempts.get();
    syncCall.run();
    syncCall.run();
    assertEquals(before, attempts.get(), "the supervisor still retries the child");
  }

  @RepeatedTest(20)
  void terminatingARestartingChildStopsIt() {
    DynamicSupervisor dyn = DynamicSupervisor.start(DynamicSupervisorSpec.defaults().maxRestarts(MANY,
        Duration.ofMinutes(1)));
    Pid old = dyn.startChild(flaky("w")).orElseThrow();
    next(Started.class);
    dyn.subscribe(me);
    crashIntoRestarting(dyn.pid(), old);
    ChildInfo shown = dyn.whichChildren().get(0);
    assertTrue(shown.restarting() && shown.pid().isEmpty(), shown.toString());
    assertEquals(new ChildCounts(1, 0, 0, 1), dyn.countChildren());

    dyn.terminateChild(old);

    assertNoMoreAttempts(dyn::countChildren);
    assertEquals(new ChildCounts(0, 0, 0, 0), dyn.countChildren());
    assertEquals(List.of(), dyn.whichChildren());
    IllegalArgumentException gone = assertThrows(IllegalArgumentException.class, () -> dyn.terminateChild(old));
    assertTrue(gone.getMessage().contains(old + " is not a child"), gone.getMessage());
  }

  @RepeatedTest(20)
  void terminatingARestartingChildByIdStopsItsRetriesAndKeepsItsSpec() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(MANY, Duration.ofMinutes(1))
        .child(flaky("w")));
    Pid old = next(Started.class).pid();
    sup.subscribe(me);
    crashIntoRestarting(sup.pid(), old);

    sup.terminateChild("w");

    assertNoMoreAttempts(sup::countChildren);
    ChildInfo kept = sup.whichChildren().get(0);
    assertTrue(!kept.restarting() && kept.pid().isEmpty(), kept.toString());
    refuse.set(false);
    Optional<Pid> again = sup.restartChild("w");
    assertEquals(again.orElseThrow(), next(Started.class).pid(), "a terminated child's spec can start again");
  }

  @RepeatedTest(20)
  void restartingChildIsDeletedOnlyAfterItIsTerminated() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(MANY, Duration.ofMinutes(1))
        .child(flaky("w")));
    Pid old = next(Started.class).pid();
    sup.subscribe(me);
    crashIntoRestarting(sup.pid(), old);

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sup.deleteChild("w"));
    assertTrue(refused.getMessage().contains("is restarting"), refused.getMessage());
    sup.terminateChild("w");
    sup.deleteChild("w");

    assertEquals(new ChildCounts(0, 0, 0, 0), sup.countChildren());
    assertNoMoreAttempts(sup::countChildren);
  }
}
