package dev.arbor.task;

import static dev.arbor.task.TestWaits.WAIT;
import static dev.arbor.task.TestWaits.down;
import static dev.arbor.task.TestWaits.downOf;
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
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Spawned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AsyncStreamTest {
  private Adopted me;

  @BeforeEach
  void adopt() {
    me = Proc.adopt();
  }

  @AfterEach
  void release() {
    me.close();
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  /** What a task tells the test when it starts: which item, in which process. */
  record Started(int item, Pid pid) {}

  /** A function that reports its start, then waits until it is killed or told to go. */
  private static java.util.function.Function<Integer, Integer> reportingAndBlocking(Pid test) {
    return i -> {
      test.send(new Started(i, Proc.self()));
      Proc.receive(m -> m.equals("go"), WAIT);
      return i;
    };
  }

  @RepeatedTest(10)
  void asyncStreamYieldsResultsInInputOrder() {
    // All eight tasks run at once and a helper lets them finish in reverse order, one at a time;
    // the results still come in input order.
    Pid helper = Proc.spawn(() -> {
      Pid[] pids = new Pid[8];
      for (int n = 0; n < 8; n++) {
        Started s = next(Started.class);
        pids[s.item()] = s.pid();
      }
      for (int item = 7; item >= 0; item--) {
        var ref = Proc.monitor(pids[item]);
        pids[item].send("go");
        down(ref);
      }
    });
    try (Stream<TaskResult<Integer>> results = Task.asyncStream(range(8), reportingAndBlocking(helper),
        StreamOptions.defaults().maxConcurrency(8))) {
      assertEquals(range(8).stream().map(TaskResult.Ok::new).toList(), results.toList());
    }
  }

  @RepeatedTest(10)
  void asyncStreamUnorderedYieldsAsCompleted() {
    // The first advance starts all four tasks and waits; a helper releases item 2 and tells the
    // test every task's pid. Then the test releases one task before each advance: 0, 3, 1. Only the
    // released task can finish, so the order of results is the order of finishing.
    Pid test = Proc.self();
    Pid helper = Proc.spawn(() -> {
      Pid[] pids = new Pid[4];
      for (int n = 0; n < 4; n++) {
        Started s = next(Started.class);
        pids[s.item()] = s.pid();
      }
      test.send(pids);
      pids[2].send("go");
    });
    try (Stream<TaskResult<Integer>> results = Task.asyncStream(range(4), reportingAndBlocking(helper),
        StreamOptions.defaults().maxConcurrency(4).ordered(false))) {
      Iterator<TaskResult<Integer>> it = results.iterator();
      assertEquals(new TaskResult.Ok<>(2), it.next());
      Pid[] pids = next(Pid[].class);
      for (int item : new int[] {0, 3, 1}) {
        pids[item].send("go");
        assertEquals(new TaskResult.Ok<>(item), it.next());
      }
      assertFalse(it.hasNext());
    }
  }

  @RepeatedTest(10)
  void asyncStreamNeverExceedsMaxConcurrency() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Pid test = Proc.self();
    // A gatekeeper lets a task finish only when three are running (or the input is nearly done),
    // so the stream is pushed to its limit all along.
    Pid gatekeeper = Proc.spawn(() -> {
      List<Pid> waiting = new ArrayList<>();
      int finished = 0;
      while (finished < 30) {
        Started s = next(Started.class);
        waiting.add(s.pid());
        if (waiting.size() == 3 || 30 - finished <= 3) {
          while (!waiting.isEmpty() && (waiting.size() == 3 || 30 - finished <= 3)) {
            Pid p = waiting.remove(0);
            var ref = Proc.monitor(p);
            p.send("go");
            down(ref);
            finished++;
            if (waiting.size() < 3 && 30 - finished > 3) {
              break;
            }
          }
        }
      }
      test.send("gatekeeper done");
    });
    try (Stream<TaskResult<Integer>> results = Task.asyncStream(range(30), i -> {
      int now = running.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      gatekeeper.send(new Started(i, Proc.self()));
      Proc.receive(m -> m.equals("go"), WAIT);
      running.decrementAndGet();
      return i;
    }, StreamOptions.defaults().maxConcurrency(3))) {
      assertEquals(30, results.filter(TaskResult::isOk).count());
    }
    TestWaits.expect("gatekeeper done");
    assertEquals(3, most.get(), "three at once, never more");
  }

  @RepeatedTest(10)
  void asyncStreamIsLazy() {
    AtomicInteger taken = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    Iterable<Integer> input = () -> range(100).stream().peek(i -> taken.incrementAndGet()).iterator();
    Pid test = Proc.self();
    try (Stream<TaskResult<Integer>> results = Task.asyncStream(input, i -> {
      started.incrementAndGet();
      if (i > 0) {
        test.send(new Started(i, Proc.self()));
        Proc.receive(m -> m.equals("go"), WAIT);
      }
      return i;
    }, StreamOptions.defaults().maxConcurrency(2))) {
      assertEquals(0, taken.get(), "nothing is read before the stream is consumed");
      assertEquals(0, started.get(), "nothing runs before the stream is consumed");

      Iterator<TaskResult<Integer>> it = results.iterator();
      assertEquals(new TaskResult.Ok<>(0), it.next());
      Started second = next(Started.class);
      assertEquals(1, second.item());
      assertEquals(2, taken.get(), "items are read only as tasks start");
      assertEquals(2, started.get(), "no more than maxConcurrency started for the first result");
      TestWaits.noMessage(m -> m instanceof Started, Duration.ofMillis(20), "no task starts between two advances");
    }
  }

  @RepeatedTest(10)
  void closingAsyncStreamShutsDownRunningTasks() {
    Pid test = Proc.self();
    List<Started> running = new ArrayList<>();
    try (Stream<TaskResult<Integer>> results = Task.asyncStream(range(10), i -> {
      if (i == 0) {
        return 0;
      }
      return reportingAndBlocking(test).apply(i);
    }, StreamOptions.defaults().maxConcurrency(4))) {
      assertEquals(new TaskResult.Ok<>(0), results.iterator().next());
      for (int n = 0; n < 3; n++) {
        running.add(next(Started.class));
      }
      running.forEach(s -> assertTrue(s.pid().isAlive()));
    }
    for (Started s : running) {
      assertFalse(s.pid().isAlive(), "closing killed " + s);
      assertEquals(ExitReason.noproc(), downOf(s.pid()).reason());
    }
    assertTrue(Proc.self().isAlive(), "the kills did not travel back along the links");
    TestWaits.noMessage(m -> m instanceof dev.arbor.Exit, Duration.ZERO, "no exit signal reached the consumer");
  }

  /**
   * A coordinator for tests that must act once some tasks run: it collects the {@link Started} of
   * {@code blocked} tasks, then releases item 0 and tells the test which tasks were running.
   */
  private static Pid coordinator(Pid test, int blocked) {
    return Proc.spawn(() -> {
      List<Started> running = new ArrayList<>();
      Pid first = null;
      while (first == null || running.size() < blocked) {
        Started s = next(Started.class);
        if (s.item() == 0) {
          first = s.pid();
        } else {
          running.add(s);
        }
      }
      test.send(new Running(List.copyOf(running)));
      first.send("go");
    });
  }

  record Running(List<Started> tasks) {}

  @RepeatedTest(10)
  void anExceptionInThePipelineShutsDownRunningTasks() {
    Pid coordinator = coordinator(Proc.self(), 2);
    Stream<TaskResult<Integer>> results = Task.asyncStream(range(10), reportingAndBlocking(coordinator),
        StreamOptions.defaults().maxConcurrency(3));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> results.map(r -> {
      throw new IllegalStateException("the consumer failed");
    }).findFirst());
    assertEquals("the consumer failed", e.getMessage());
    for (Started s : next(Running.class).tasks()) {
      assertFalse(s.pid().isAlive(), "the failure killed " + s);
    }
    results.close();
  }

  @RepeatedTest(5)
  void killTaskOnTimeoutYieldsExitTimeoutAndGoesOn() {
    try (Stream<TaskResult<Integer>> results = Task.asyncStream(range(3), i -> {
      if (i == 1) {
        Proc.receive(WAIT);
      }
      return i;
    }, StreamOptions.defaults().timeout(Duration.ofMillis(50)).onTimeout(StreamOptions.OnTimeout.KILL_TASK))) {
      assertEquals(List.of(new TaskResult.Ok<>(0), new TaskResult.Exit<>(ExitReason.timeout()), new TaskResult.Ok<>(2)),
          results.toList());
    }
    assertTrue(Proc.self().isAlive());
  }

  @RepeatedTest(5)
  void exitOnTimeoutThrowsAndKillsEveryTask() {
    Pid test = Proc.self();
    List<Pid> started = new ArrayList<>();
    try (Stream<TaskResult<Integer>> results = Task.asyncStream(range(3), i -> {
      test.send(new Started(i, Proc.self()));
      if (i == 0) {
        return 0;
      }
      Proc.receive(m -> m.equals("go"), WAIT);
      return i;
      // Long enough for item 0 to finish in time on a loaded machine (50 ms was not, on a cold JVM).
    }, StreamOptions.defaults().maxConcurrency(3).timeout(Duration.ofMillis(300)))) {
      Iterator<TaskResult<Integer>> it = results.iterator();
      assertEquals(new TaskResult.Ok<>(0), it.next());
      for (int n = 0; n < 3; n++) {
        started.add(next(Started.class).pid()); // all three ran before the deadline can pass
      }
      TaskTimeoutException e = assertThrows(TaskTimeoutException.class, it::next);
      assertEquals(Duration.ofMillis(300), e.timeout());
      assertTrue(started.contains(e.tasks().get(0)), e.tasks() + " " + started);
    }
    started.forEach(p -> assertFalse(p.isAlive(), p + " still runs"));
    assertTrue(Proc.self().isAlive());
  }

  @RepeatedTest(10)
  void aCrashingTaskTakesTheConsumerAlong() {
    Pid test = Proc.self();
    Spawned consumer = Proc.spawnMonitor(() -> {
      try (var results = Task.asyncStream(range(5), i -> {
        if (i == 2) {
          throw new IllegalStateException("item 2 failed (on purpose)");
        }
        return i;
      })) {
        results.forEach(r -> test.send(r));
      }
    });
    Down d = down(consumer.ref());
    assertEquals(ExitReason.Kind.CRASH, d.reason().kind());
    assertEquals("item 2 failed (on purpose)", d.reason().cause().getMessage());
    TestWaits.noMessage(m -> m instanceof TaskResult.Exit<?>, Duration.ZERO, "the crash is not a result");
  }

  @Test
  void aCrashingTaskEndsAPlainThreadConsumerWithAClearException() {
    ExitException e;
    try (var results = Task.asyncStream(range(3), i -> {
      if (i == 1) {
        throw new IllegalStateException("item 1 failed (on purpose)");
      }
      return i;
    })) {
      e = assertThrows(ExitException.class, results::toList);
    }
    assertEquals("item 1 failed (on purpose)", e.getCause().getMessage());
    assertTrue(e.getMessage().contains("linked"), e.getMessage());
    me = Proc.adopt(); // the old identity exited with the task
  }

  @Test
  void aTrappingConsumerGetsTheCrashAsAResult() {
    Proc.trapExits(true);
    try (var results = Task.asyncStream(range(3), i -> {
      if (i == 1) {
        throw new IllegalStateException("item 1 failed (on purpose)");
      }
      return i;
    })) {
      List<TaskResult<Integer>> all = results.toList();
      assertEquals(new TaskResult.Ok<>(0), all.get(0));
      ExitReason reason = assertInstanceOf(TaskResult.Exit.class, all.get(1)).reason();
      assertEquals("item 1 failed (on purpose)", reason.cause().getMessage());
      assertEquals(new TaskResult.Ok<>(2), all.get(2));
    }
  }

  @RepeatedTest(20)
  void asyncStreamLeavesNoExitMessagesInConsumerMailbox() {
    Proc.trapExits(true);
    Pid test = Proc.self();
    List<TaskResult<Integer>> all;
    try (var results = Task.asyncStream(range(6), i -> {
      test.send(new Started(i, Proc.self()));
      if (i == 3) {
        throw new IllegalStateException("item 3 failed (on purpose)");
      }
      return i;
    }, StreamOptions.defaults().maxConcurrency(3))) {
      all = results.toList();
    }
    assertEquals(6, all.size());
    assertInstanceOf(TaskResult.Exit.class, all.get(3));
    List<Down> downs = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      downs.add(downOf(next(Started.class).pid()));
    }
    downs.forEach(d -> assertTrue(d.reason().equals(ExitReason.noproc()), d.toString()));
    // Elixir's async_stream leaves a trapping caller's mailbox clean; a linked task's Exit would be
    // delivered within microseconds of its exit, so a quiet window this long means none is coming.
    TestWaits.noMessage(m -> m instanceof dev.arbor.Exit, Duration.ofMillis(200), "no Exit message from a task");
  }

  @RepeatedTest(20)
  void aTrappingConsumersExitStillStopsItsStreamsTasks() {
    Pid test = Proc.self();
    Pid consumer = Proc.spawn(() -> {
      Proc.trapExits(true);
      try (var results = Task.asyncStream(range(3), reportingAndBlocking(test),
          StreamOptions.defaults().maxConcurrency(3))) {
        results.forEach(r -> test.send("result " + r));
      }
    });
    List<dev.arbor.Ref> tasks = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      tasks.add(Proc.monitor(next(Started.class).pid()));
    }

    Proc.exit(consumer, ExitReason.kill()); // a trapping consumer ignores any gentler signal

    for (dev.arbor.Ref task : tasks) {
      assertEquals(ExitReason.killed(), down(task).reason(), "the consumer's reason reaches its tasks");
    }
    TestWaits.noMessage(m -> m instanceof String r && r.startsWith("result"), Duration.ZERO, "no result");
  }

  @Test
  void emptyInputGivesAnEmptyStream() {
    try (var results = Task.asyncStream(List.<Integer>of(), i -> i)) {
      assertEquals(List.of(), results.toList());
    }
  }

  @Test
  void anotherProcessCannotConsumeTheStream() {
    CountDownLatch go = new CountDownLatch(1);
    try (var results = Task.asyncStream(range(3), i -> i)) {
      Iterator<TaskResult<Integer>> it = results.iterator();
      assertEquals(new TaskResult.Ok<>(0), it.next());
      Pid test = Proc.self();
      Proc.spawn(() -> {
        try {
          it.next();
          test.send("advanced");
        } catch (IllegalStateException e) {
          test.send(e.getMessage());
        }
        go.countDown();
      });
      String refusal = next(String.class);
      assertTrue(refusal.contains(test.toString()), refusal);
    }
  }

  @RepeatedTest(10)
  void zeroStreamTimeoutIsAcceptedAndTimesOutATaskStillRunning() {
    Pid test = Proc.self();
    StreamOptions noTime = StreamOptions.defaults().timeout(Duration.ZERO)
        .onTimeout(StreamOptions.OnTimeout.KILL_TASK);
    assertEquals(Duration.ZERO, noTime.timeout());

    try (Stream<TaskResult<Integer>> results = Task.asyncStream(range(1), reportingAndBlocking(test), noTime)) {
      // The task blocks until told to go, so whether it was killed before or after it began, it
      // never finishes in time.
      assertEquals(List.of(new TaskResult.Exit<>(ExitReason.timeout())), results.toList());
    }
  }

  @Test
  void streamOptionsRejectBadValuesNamingThem() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> StreamOptions.defaults().maxConcurrency(0));
    assertTrue(zero.getMessage().contains("maxConcurrency") && zero.getMessage().contains("0"), zero.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> StreamOptions.defaults().timeout(Duration.ofMillis(-1)));
    assertTrue(negative.getMessage().contains("must not be negative: PT-0.001S"), negative.getMessage());
    assertEquals("perTask", assertThrows(NullPointerException.class, () -> StreamOptions.defaults().timeout(null)).getMessage());
    assertEquals("items", assertThrows(NullPointerException.class, () -> Task.asyncStream(null, i -> i)).getMessage());
    assertEquals(Runtime.getRuntime().availableProcessors(), StreamOptions.defaults().maxConcurrency());
    assertTrue(StreamOptions.defaults().ordered());
  }
}
