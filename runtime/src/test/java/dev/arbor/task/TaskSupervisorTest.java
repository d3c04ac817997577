package dev.arbor.task;

import static dev.arbor.task.TestWaits.WAIT;
import static dev.arbor.task.TestWaits.down;
import static dev.arbor.task.TestWaits.expect;
import static dev.arbor.task.TestWaits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Spawned;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.DynamicSupervisorSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent;
import dev.arbor.supervisor.SupervisorSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TaskSupervisorTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private Adopted me;
  private TaskSupervisor tasks;

  @BeforeEach
  void setUp() {
    me = Proc.adopt();
    tasks = TaskSupervisor.start();
  }

  @AfterEach
  void tearDown() {
    if (tasks.pid().isAlive()) {
      tasks.stop();
    }
    me.close();
  }

  private static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("boom (thrown on purpose by the test)");
    }
  }

  @RepeatedTest(20)
  void asyncNolinkCrashDoesNotKillCaller() {
    Pid test = Proc.self();
    Spawned caller = Proc.spawnMonitor(() -> {
      Task<String> task = tasks.asyncNolink(() -> {
        throw new Boom();
      });
      try {
        task.await(WAIT);
        test.send("await returned");
      } catch (ExitException e) {
        test.send(e);
      }
      test.send("still alive");
    });
    ExitException e = next(ExitException.class);
    assertInstanceOf(Boom.class, e.getCause());
    assertEquals(ExitReason.Kind.CRASH, e.reason().kind());
    expect("still alive");
    assertEquals(ExitReason.normal(), down(caller.ref()).reason());
  }

  @RepeatedTest(10)
  void asyncNolinkCrashComesBackToAPlainThreadAsAnException() {
    Task<String> task = tasks.asyncNolink(() -> {
      throw new Boom();
    });
    ExitException e = assertThrows(ExitException.class, () -> task.await(WAIT));
    assertInstanceOf(Boom.class, e.getCause());
    assertTrue(e.getMessage().contains(task.pid().toString()), e.getMessage());
    assertEquals(me.pid(), Proc.self(), "the caller's identity lives on");
    assertEquals(Optional.of(new TaskResult.Exit<>(e.reason())), task.shutdown(), "shutdown reports the crash");
  }

  @RepeatedTest(10)
  void supervisedAsyncRunsAsAChildAndReturnsItsValue() {
    CountDownLatch release = new CountDownLatch(1);
    tasks.supervisor().subscribe(Proc.self());
    Task<String> task = tasks.async(() -> {
      release.await();
      return "done";
    });
    assertEquals(List.of(task.pid()), tasks.children());
    release.countDown();
    assertEquals("done", task.await(WAIT));
    assertEquals(task.pid(), childExited().pid());
    assertEquals(List.of(), tasks.children(), "a finished task is forgotten");
  }

  /** The supervisor's next ChildExited event (the test must have subscribed); it comes once the child is forgotten. */
  private static SupervisorEvent.ChildExited childExited() {
    return next(SupervisorEvent.ChildExited.class);
  }

  @RepeatedTest(10)
  void supervisedLinkedTaskCrashReachesCaller() {
    Pid test = Proc.self();
    Spawned caller = Proc.spawnMonitor(() -> {
      tasks.async(() -> {
        throw new Boom();
      });
      Proc.receive(WAIT);
      test.send("survived");
    });
    Down d = down(caller.ref());
    assertInstanceOf(Boom.class, d.reason().cause());
    assertTrue(tasks.pid().isAlive(), "the supervisor does not restart or die for a temporary task");
  }

  @RepeatedTest(10)
  void stoppingTheSupervisorStopsItsTasks() {
    CountDownLatch running = new CountDownLatch(1);
    Task<String> task = tasks.asyncNolink(() -> {
      running.countDown();
      Proc.receive(WAIT);
      return "late";
    });
    TestWaits.await(running, "the task to run");
    tasks.stop();
    ExitException e = assertThrows(ExitException.class, () -> task.await(WAIT));
    assertEquals(ExitReason.shutdown(), e.reason());
  }

  @Test
  void startChildRunsUnlinkedUnderTheSupervisor() {
    Pid test = Proc.self();
    tasks.supervisor().subscribe(test);
    Pid child = tasks.startChild(() -> {
      test.send("started");
      Proc.receive(m -> m.equals("go"), WAIT);
    });
    expect("started");
    assertEquals(List.of(child), tasks.children());
    assertEquals(List.of(), Proc.info(test).orElseThrow().links());
    child.send("go");
    assertEquals(child, childExited().pid());
    assertEquals(List.of(), tasks.children());
  }

  @Test
  void transientStartChildRunsAgainAfterACrash() {
    Pid test = Proc.self();
    AtomicInteger runs = new AtomicInteger();
    tasks.startChild(() -> {
      if (runs.incrementAndGet() == 1) {
        throw new Boom();
      }
      test.send("second run");
    }, ChildSpec.Restart.TRANSIENT);
    expect("second run");
    assertEquals(2, runs.get());
  }

  @RepeatedTest(10)
  void asyncStreamNolinkYieldsTheCrashAsAResult() {
    try (var results = tasks.asyncStreamNolink(IntStream.range(0, 5).boxed().toList(), i -> {
      if (i == 3) {
        throw new Boom();
      }
      return i * 10;
    }, StreamOptions.defaults().maxConcurrency(2))) {
      List<TaskResult<Integer>> all = results.toList();
      assertEquals(5, all.size());
      assertEquals(List.of(new TaskResult.Ok<>(0), new TaskResult.Ok<>(10), new TaskResult.Ok<>(20)), all.subList(0, 3));
      assertInstanceOf(Boom.class, assertInstanceOf(TaskResult.Exit.class, all.get(3)).reason().cause());
      assertEquals(new TaskResult.Ok<>(40), all.get(4));
    }
    assertEquals(me.pid(), Proc.self());
  }

  @RepeatedTest(10)
  void asyncStreamRunsItsTasksUnderTheSupervisor() {
    Pid test = Proc.self();
    try (var results = tasks.asyncStream(List.of(1, 2), i -> {
      test.send(tasks.children().contains(Proc.self()));
      return i;
    })) {
      assertEquals(List.of(new TaskResult.Ok<>(1), new TaskResult.Ok<>(2)), results.toList());
    }
    assertEquals(true, next(Boolean.class));
    assertEquals(true, next(Boolean.class));
  }

  @Test
  void aFullSupervisorRefusesTheTaskAndLeavesNothingBehind() {
    TaskSupervisor small = TaskSupervisor.start(DynamicSupervisorSpec.defaults().maxChildren(1));
    try {
      CountDownLatch release = new CountDownLatch(1);
      Task<String> first = small.asyncNolink(() -> {
        release.await();
        return "first";
      });
      int before = Proc.list().size();
      IllegalStateException full = assertThrows(IllegalStateException.class, () -> small.async(() -> "second"));
      assertTrue(full.getMessage().contains("1"), full.getMessage());
      assertTrue(Proc.list().size() <= before, "the refused task's process is gone");
      assertTrue(Proc.info(Proc.self()).orElseThrow().links().isEmpty(), "and so is its link to the caller");
      release.countDown();
      assertEquals("first", first.await(WAIT));
    } finally {
      small.stop();
    }
  }

  @Test
  void taskSupervisorNestsUnderASupervisorByName() {
    String name = "tasks-" + NAMES.incrementAndGet();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TaskSupervisor.childSpec(DynamicSupervisorSpec.defaults().name(name))));
    try {
      assertEquals(name, sup.whichChildren().get(0).id());
      TaskSupervisor byName = TaskSupervisor.of(Name.local(name));
      assertEquals(42, byName.async(() -> 42).await(WAIT));
    } finally {
      sup.stop();
    }
  }

  @Test
  void asyncToADeadSupervisorFailsWithNoproc() {
    tasks.stop();
    ExitException e = assertThrows(ExitException.class, () -> tasks.async(() -> 1));
    assertEquals(ExitReason.noproc(), e.reason());
    assertTrue(Proc.info(Proc.self()).orElseThrow().links().isEmpty());
  }

  @Test
  void nullsAreRejectedByName() {
    assertEquals("fn", assertThrows(NullPointerException.class, () -> tasks.async(null)).getMessage());
    assertEquals("body", assertThrows(NullPointerException.class, () -> tasks.startChild(null)).getMessage());
    assertEquals("fn", assertThrows(NullPointerException.class,
        () -> tasks.asyncStream(List.of(1), null)).getMessage());
  }
}
