package dev.arbor.task;

import static dev.arbor.task.TestWaits.WAIT;
import static dev.arbor.task.TestWaits.await;
import static dev.arbor.task.TestWaits.down;
import static dev.arbor.task.TestWaits.exitFrom;
import static dev.arbor.task.TestWaits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Spawned;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TaskTest {
  private Adopted me;

  @BeforeEach
  void adopt() {
    me = Proc.adopt();
  }

  @AfterEach
  void release() {
    me.close();
  }

  /** A task body that waits until it is killed (or WAIT passes). */
  private static String blockForever() {
    Proc.receive(WAIT);
    return "woke up";
  }

  private static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("boom (thrown on purpose by the test)");
    }
  }

  @RepeatedTest(10)
  void asyncRunsInItsOwnProcessAndAwaitReturnsTheValue() {
    Pid caller = Proc.self();
    Task<Pid> task = Task.async(Proc::self);
    Pid ran = task.await();
    assertEquals(task.pid(), ran);
    assertFalse(ran.equals(caller));
    assertEquals(caller, task.owner());
    assertFalse(task.pid().isAlive(), "await returns once the task's process has exited");
    assertEquals(ran, task.await(), "awaiting again gives the same result");
  }

  @RepeatedTest(20)
  void awaitTimeoutRaisesAndStopsTask() {
    Task<String> task = Task.async(TaskTest::blockForever);
    var monitor = Proc.monitor(task.pid());

    TaskTimeoutException e = assertThrows(TaskTimeoutException.class, () -> task.await(Duration.ofMillis(50)));
    assertEquals(List.of(task.pid()), e.tasks());
    assertEquals(Duration.ofMillis(50), e.timeout());
    assertEquals(ExitReason.timeout(), e.reason());
    assertTrue(e.getMessage().contains(task.pid().toString()) && e.getMessage().contains("50 ms"), e.getMessage());

    assertEquals(ExitReason.killed(), down(monitor).reason());
    assertTrue(Proc.self().isAlive(), "the kill did not travel back along the link");
    assertEquals(me.pid(), Proc.self());
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> task.await(WAIT));
    assertTrue(again.getMessage().contains("shut down"), again.getMessage());
  }

  @RepeatedTest(20)
  void linkedTaskCrashReachesCaller() {
    // A process that does not trap exits dies with the task's crash, as a link's signal kills it.
    Pid test = Proc.self();
    Spawned caller = Proc.spawnMonitor(() -> {
      Task<String> task = Task.async(() -> {
        test.send(Proc.self());
        throw new Boom();
      });
      task.await(WAIT);
      test.send("await returned");
    });
    Pid task = next(Pid.class);
    Down d = down(caller.ref());
    assertEquals(ExitReason.Kind.CRASH, d.reason().kind());
    assertInstanceOf(Boom.class, d.reason().cause());
    assertFalse(task.isAlive());
    TestWaits.noMessage(m -> m.equals("await returned"), Duration.ZERO, "await must not return");
  }

  @RepeatedTest(20)
  void linkedTaskCrashMarksAPlainThreadExitedAndAwaitSaysWhy() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Pid> identity = new AtomicReference<>();
    Thread plain = Thread.ofPlatform().start(() -> {
      try (var self = Proc.adopt()) {
        identity.set(self.pid());
        Task<String> task = Task.async(() -> {
          throw new Boom();
        });
        task.await(WAIT);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    plain.join(WAIT.toMillis());
    ExitException e = assertInstanceOf(ExitException.class, thrown.get());
    assertEquals(ExitReason.Kind.CRASH, e.reason().kind());
    assertInstanceOf(Boom.class, e.getCause());
    assertTrue(e.getMessage().contains("linked") && e.getMessage().contains(identity.get().toString()), e.getMessage());
    assertFalse(identity.get().isAlive());
  }

  @RepeatedTest(10)
  void trappingCallerGetsTheExitAndAwaitThrows() {
    Proc.trapExits(true);
    Task<String> task = Task.async(() -> {
      throw new Boom();
    });
    ExitException e = assertThrows(ExitException.class, () -> task.await(WAIT));
    assertInstanceOf(Boom.class, e.getCause());
    assertTrue(e.getMessage().contains(task.pid().toString()), e.getMessage());
    assertInstanceOf(Boom.class, exitFrom(task.pid()).reason().cause());
    assertTrue(Proc.self().isAlive());
  }

  @Test
  void linkedTaskCrashKillsACallerThatIsNotAwaiting() {
    Spawned caller = Proc.spawnMonitor(() -> {
      Task.async(() -> {
        throw new Boom();
      });
      Proc.receive(WAIT);
    });
    assertInstanceOf(Boom.class, down(caller.ref()).reason().cause());
  }

  @Test
  void aTaskThatExitsNormallyWithoutAValueFailsAwaitButNotTheCaller() {
    Task<String> task = Task.async(() -> {
      Proc.exit(ExitReason.normal());
      return "unreachable";
    });
    ExitException e = assertThrows(ExitException.class, () -> task.await(WAIT));
    assertEquals(ExitReason.normal(), e.reason());
    assertTrue(Proc.self().isAlive());
  }

  @Test
  void onlyTheOwnerMayAwait() {
    Task<String> task = Task.async(TaskTest::blockForever);
    Pid test = Proc.self();
    Proc.spawn(() -> {
      try {
        task.await(WAIT);
        test.send("awaited");
      } catch (IllegalStateException e) {
        test.send(e.getMessage());
      }
    });
    String refusal = next(String.class);
    assertTrue(refusal.contains("owner") && refusal.contains(test.toString()), refusal);
    assertEquals(Optional.empty(), task.brutalKill());
  }

  @RepeatedTest(10)
  void yieldReturnsEmptyWhileRunningThenTheResult() {
    CountDownLatch release = new CountDownLatch(1);
    Task<String> task = Task.async(() -> {
      release.await();
      return "done";
    });
    assertEquals(Optional.empty(), task.yield(Duration.ofMillis(20)));
    assertTrue(task.pid().isAlive(), "yield leaves the task running");
    release.countDown();
    assertEquals(Optional.of(new TaskResult.Ok<>("done")), task.yield(WAIT));
  }

  @RepeatedTest(10)
  void shutdownStopsARunningTaskAndReturnsEmpty() {
    Task<String> task = Task.async(TaskTest::blockForever);
    var monitor = Proc.monitor(task.pid());
    assertEquals(Optional.empty(), task.shutdown());
    assertEquals(ExitReason.shutdown(), down(monitor).reason());
    assertTrue(Proc.self().isAlive());
    assertThrows(IllegalStateException.class, () -> task.await(WAIT));
  }

  @Test
  void shutdownOfAFinishedTaskReturnsItsResult() {
    Task<Integer> task = Task.async(() -> 42);
    assertEquals(Optional.of(new TaskResult.Ok<>(42)), task.yield(WAIT));
    assertEquals(Optional.of(new TaskResult.Ok<>(42)), task.shutdown());
  }

  @RepeatedTest(10)
  void shutdownKillsATaskThatTrapsExitsAfterTheGracePeriod() {
    CountDownLatch trapping = new CountDownLatch(1);
    Task<String> task = Task.async(() -> {
      Proc.trapExits(true);
      trapping.countDown();
      Proc.receive(m -> false, WAIT);
      return "late";
    });
    await(trapping, "the task to trap exits");
    Optional<TaskResult<String>> result = task.shutdown(Duration.ofMillis(30));
    assertEquals(Optional.of(new TaskResult.Exit<>(ExitReason.killed())), result, "Elixir's {:exit, :killed}");
    assertFalse(task.pid().isAlive());
  }

  @Test
  void brutalKillStopsAtOnce() {
    Task<String> task = Task.async(TaskTest::blockForever);
    assertEquals(Optional.empty(), task.brutalKill());
    assertFalse(task.pid().isAlive());
    assertTrue(Proc.self().isAlive());
  }

  @RepeatedTest(10)
  void awaitManyReturnsResultsInOrder() {
    CountDownLatch release = new CountDownLatch(1);
    Task<Integer> slow = Task.async(() -> {
      release.await();
      return 1;
    });
    Task<Integer> fast = Task.async(() -> 2);
    release.countDown();
    assertEquals(List.of(1, 2), Task.awaitMany(List.of(slow, fast), WAIT));
    assertEquals(List.of(), Task.awaitMany(List.of(), WAIT));
  }

  @RepeatedTest(10)
  void awaitManyTimeoutKillsTheUnfinished() {
    Task<String> done = Task.async(() -> "done");
    Task<String> stuck = Task.async(TaskTest::blockForever);
    assertEquals(Optional.of(new TaskResult.Ok<>("done")), done.yield(WAIT));
    TaskTimeoutException e = assertThrows(TaskTimeoutException.class,
        () -> Task.awaitMany(List.of(done, stuck), Duration.ofMillis(40)));
    assertEquals(List.of(stuck.pid()), e.tasks());
    assertFalse(stuck.pid().isAlive());
    assertEquals("done", done.await(), "a finished task can still be awaited");
  }

  @Test
  void taskStartRunsUnlinked() {
    Pid test = Proc.self();
    Pid started = Task.start(() -> {
      Proc.receive(m -> m.equals("go"), WAIT);
      test.send("ran");
    });
    var monitor = Proc.monitor(started);
    started.send("go");
    TestWaits.expect("ran");
    assertEquals(ExitReason.normal(), down(monitor).reason());
    assertEquals(List.of(), Proc.info(test).orElseThrow().links(), "Task.start does not link");
  }

  @Test
  void taskChildSpecIsTemporary() {
    var spec = Task.childSpec("job", () -> {});
    assertEquals("job", spec.id());
    assertSame(dev.arbor.supervisor.ChildSpec.Restart.TEMPORARY, spec.restart());
  }

  @Test
  void nullArgumentsAreRejectedByName() {
    assertEquals("fn", assertThrows(NullPointerException.class, () -> Task.async(null)).getMessage());
    assertEquals("body", assertThrows(NullPointerException.class, () -> Task.start(null)).getMessage());
    Task<Integer> task = Task.async(() -> 1);
    assertEquals("timeout", assertThrows(NullPointerException.class, () -> task.await(null)).getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> task.await(Duration.ofMillis(-1)));
    assertTrue(negative.getMessage().contains("-0.001"), negative.getMessage());
    assertEquals(1, task.await());
  }
}
