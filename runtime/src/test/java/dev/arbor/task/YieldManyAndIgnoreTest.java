package dev.arbor.task;

import static dev.arbor.task.TestWaits.WAIT;
import static dev.arbor.task.TestWaits.down;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.ExitReason;
import dev.arbor.Proc;
import dev.arbor.Ref;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Elixir's Task.yield_many (with :on_timeout), Task.ignore and Task.completed. */
class YieldManyAndIgnoreTest {
  private Adopted me;

  @BeforeEach
  void adopt() {
    me = Proc.adopt();
  }

  @AfterEach
  void release() {
    me.close();
  }

  private static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("boom (thrown on purpose by the test)");
    }
  }

  /** Waits for "go", then crashes; or returns "timed out" after WAIT. */
  private static String crashWhenTold() {
    if (Proc.receive(m -> m.equals("go"), WAIT).isPresent()) {
      throw new Boom();
    }
    return "timed out";
  }

  private static String blockForever() {
    Proc.receive(m -> false, WAIT);
    return "woke up";
  }

  @RepeatedTest(20)
  void yieldManyReturnsResultsOfTasksDoneInTime() {
    Proc.trapExits(true); // so a linked task's crash is a result here, not this test's death
    Task<String> done = Task.async(() -> "done");
    Task<String> crashed = Task.async(() -> {
      throw new Boom();
    });
    Task<String> stuck = Task.async(YieldManyAndIgnoreTest::blockForever);
    done.yield(WAIT).orElseThrow();
    crashed.yield(WAIT).orElseThrow();

    List<Optional<TaskResult<String>>> results = Task.yieldMany(List.of(done, crashed, stuck), Duration.ofMillis(50));

    assertEquals(3, results.size(), "one result per task, in the order given");
    assertEquals(Optional.of(new TaskResult.Ok<>("done")), results.get(0));
    ExitReason crash = assertInstanceOf(TaskResult.Exit.class, results.get(1).orElseThrow()).reason();
    assertInstanceOf(Boom.class, crash.cause());
    assertEquals(Optional.empty(), results.get(2), "still running at the timeout");
    assertTrue(stuck.pid().isAlive(), "NOTHING leaves it running");
    assertEquals(Optional.empty(), stuck.yield(Duration.ZERO), "and it can still be yielded");
    assertEquals(Optional.empty(), stuck.brutalKill());
    assertEquals(List.of(), Task.yieldMany(List.<Task<String>>of(), Duration.ZERO));
  }

  @RepeatedTest(20)
  void yieldManyKillsTasksNotDoneWhenAskedTo() {
    Task<String> done = Task.async(() -> "done");
    Task<String> stuck = Task.async(YieldManyAndIgnoreTest::blockForever);
    Ref stuckRef = Proc.monitor(stuck.pid());
    done.yield(WAIT).orElseThrow();

    List<Optional<TaskResult<String>>> results =
        Task.yieldMany(List.of(done, stuck), Duration.ofMillis(20), YieldTimeout.KILL_TASK);

    assertEquals(List.of(Optional.of(new TaskResult.Ok<>("done")), Optional.empty()), results);
    assertEquals(ExitReason.killed(), down(stuckRef).reason());
    assertTrue(Proc.self().isAlive(), "the killed task was unlinked first");
    IllegalStateException gone = assertThrows(IllegalStateException.class, () -> stuck.await(WAIT));
    assertTrue(gone.getMessage().contains("was shut down"), gone.getMessage());
  }

  @RepeatedTest(20)
  void yieldManyIgnoresTasksNotDoneWhenAskedTo() {
    Task<String> late = Task.async(YieldManyAndIgnoreTest::crashWhenTold);
    Ref lateRef = Proc.monitor(late.pid());

    List<Optional<TaskResult<String>>> results = Task.yieldMany(List.of(late), Duration.ofMillis(20),
        YieldTimeout.IGNORE);

    assertEquals(List.of(Optional.empty()), results);
    late.pid().send("go");
    assertInstanceOf(Boom.class, down(lateRef).reason().cause(), "the ignored task ran on, and crashed");
    assertTrue(Proc.self().isAlive(), "an ignored task's crash does not reach its owner");
    IllegalStateException ignored = assertThrows(IllegalStateException.class, () -> late.yield(WAIT));
    assertTrue(ignored.getMessage().contains("was ignored"), ignored.getMessage());
  }

  @RepeatedTest(20)
  void ignoredTaskRunsOnButItsCrashNoLongerReachesTheOwner() {
    Task<String> task = Task.async(YieldManyAndIgnoreTest::crashWhenTold);
    Ref ref = Proc.monitor(task.pid());

    assertEquals(Optional.empty(), task.ignore());

    assertTrue(task.pid().isAlive(), "ignore leaves the task running");
    task.pid().send("go");
    assertInstanceOf(Boom.class, down(ref).reason().cause());
    assertTrue(Proc.self().isAlive());
    assertThrows(IllegalStateException.class, task::ignore, "a task is ignored once");
    assertThrows(IllegalStateException.class, () -> task.shutdown(WAIT));
  }

  @RepeatedTest(20)
  void ignoringAFinishedTaskReturnsItsResult() {
    Task<Integer> task = Task.async(() -> 42);
    task.yield(WAIT).orElseThrow();

    assertEquals(Optional.of(new TaskResult.Ok<>(42)), task.ignore());
  }

  @Test
  void completedTaskHasItsValueWithoutAProcess() {
    Task<String> task = Task.completed("ready");

    assertNull(task.pid());
    assertEquals(Proc.self(), task.owner());
    assertEquals("ready", task.await());
    assertEquals(Optional.of(new TaskResult.Ok<>("ready")), task.yield(Duration.ZERO));
    assertEquals(List.of("ready", "ready"), Task.awaitMany(List.of(task, Task.completed("ready"))));
    assertEquals(List.of(Optional.of(new TaskResult.Ok<>("ready"))), Task.yieldMany(List.of(task), Duration.ZERO));
    assertEquals(Optional.of(new TaskResult.Ok<>("ready")), task.shutdown(), "shutting it down gives its value");
    assertEquals(Optional.of(new TaskResult.Ok<>((String) null)), Task.completed((String) null).brutalKill());
    assertFalse(task.toString().contains("null"), task.toString());
  }

  @Test
  void yieldManyRejectsBadArgumentsByName() {
    Task<String> task = Task.completed("x");
    assertEquals("onTimeout", assertThrows(NullPointerException.class,
        () -> Task.yieldMany(List.of(task), WAIT, null)).getMessage());
    assertEquals("tasks", assertThrows(NullPointerException.class, () -> Task.yieldMany(null, WAIT)).getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> Task.yieldMany(List.of(task), Duration.ofMillis(-1)));
    assertTrue(negative.getMessage().contains("timeout must not be negative"), negative.getMessage());
  }
}
