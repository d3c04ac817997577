package dev.arbor;

import static dev.arbor.Waits.WAIT;
import static dev.arbor.Waits.down;
import static dev.arbor.Waits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.agent.Agent;
import dev.arbor.internal.HeldOutput;
import dev.arbor.remote.LocalNode;
import dev.arbor.task.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connection's write that a busy process holds ({@link LocalNode#holdWrite}): it runs once, on the
 * process's own thread as soon as the process is about to wait or its thread ends, and on the
 * runtime's own thread when the process stays busy or blocks outside Arbor.
 */
@ExtendWith(WithIdentity.class)
class HeldWritesTest {
  /** Far beyond any pause a loaded machine makes: only the test that wants the bound reaches it. */
  private static final long NEVER = TimeUnit.HOURS.toNanos(1);
  private long defaultBound;

  @BeforeEach
  void holdsNeverRunOutWhileATestLooks() {
    defaultBound = HeldOutput.maxHoldNanos(NEVER);
  }

  @AfterEach
  void restoreTheBound() {
    HeldOutput.maxHoldNanos(defaultBound);
  }

  /** A connection's write of its queue, as the test sees it: which threads ran it. */
  static final class Write implements Runnable {
    final List<String> ranOn = new CopyOnWriteArrayList<>();
    final CountDownLatch ran = new CountDownLatch(1);

    @Override
    public void run() {
      ranOn.add(Thread.currentThread().getName());
      ran.countDown();
    }

    boolean awaitRun() throws InterruptedException {
      return ran.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** What a holding process saw; {@code thread} is its own thread's name. */
  record Seen(boolean held, List<String> whileHeld, List<String> afterwards, String thread) {}

  /** Makes the current process's mailbox non-empty, so that a send now counts as one of a burst. */
  private static void queueOneMessage() {
    Proc.send(Proc.self(), "queued");
  }

  @RepeatedTest(20)
  void busyProcessHoldsTheWriteUntilItFindsItsMailboxEmpty() {
    Pid me = Proc.self();
    Write write = new Write();
    Proc.spawn(() -> {
      queueOneMessage();
      boolean held = LocalNode.holdWrite(write);
      Proc.receive(); // takes "queued" without waiting: still held
      List<String> whileHeld = List.copyOf(write.ranOn);
      Proc.receive(Duration.ZERO); // finds the mailbox empty
      me.send(new Seen(held, whileHeld, List.copyOf(write.ranOn), Thread.currentThread().getName()));
    });
    Seen seen = Waits.next(Seen.class);
    assertTrue(seen.held());
    assertEquals(List.of(), seen.whileHeld());
    assertEquals(List.of(seen.thread()), seen.afterwards());
  }

  @Test
  void processWithNothingQueuedDoesNotHold() {
    Pid me = Proc.self();
    Write write = new Write();
    Proc.spawn(() -> me.send(LocalNode.holdWrite(write)));
    assertEquals(false, next());
    assertEquals(List.of(), write.ranOn);
  }

  @Test
  void plainThreadWithAnIdentityDoesNotHold() {
    queueOneMessage();
    Write write = new Write();
    assertFalse(LocalNode.holdWrite(write));
    assertEquals("queued", next());
    assertEquals(List.of(), write.ranOn);
  }

  @Test
  void theSameWriteHeldTwiceRunsOnce() {
    Pid me = Proc.self();
    Write write = new Write();
    Proc.spawn(() -> {
      queueOneMessage();
      LocalNode.holdWrite(write);
      LocalNode.holdWrite(write);
      Proc.receive();
      Proc.receive(Duration.ZERO);
      me.send(List.copyOf(write.ranOn));
    });
    assertEquals(1, ((List<?>) next()).size());
  }

  @RepeatedTest(10)
  void heldWriteRunsBeforeTheProcessWaitsForACallsReply() {
    Pid me = Proc.self();
    Write write = new Write();
    Agent<String> agent = Agent.start(() -> "state");
    Proc.spawn(() -> {
      queueOneMessage();
      boolean held = LocalNode.holdWrite(write);
      // The agent answers only once the write ran: a request held behind a reply never comes.
      agent.get(s -> awaitQuietly(write));
      me.send(new Seen(held, List.of(), List.copyOf(write.ranOn), Thread.currentThread().getName()));
    });
    Seen seen = Waits.next(Seen.class);
    assertTrue(seen.held());
    assertEquals(List.of(seen.thread()), seen.afterwards());
    agent.stop();
  }

  @RepeatedTest(10)
  void heldWriteRunsBeforeTheProcessWaitsForATask() {
    Pid me = Proc.self();
    Write write = new Write();
    Proc.spawn(() -> {
      queueOneMessage();
      boolean held = LocalNode.holdWrite(write);
      Task.async(() -> awaitQuietly(write)).await(WAIT);
      me.send(new Seen(held, List.of(), List.copyOf(write.ranOn), Thread.currentThread().getName()));
    });
    Seen seen = Waits.next(Seen.class);
    assertTrue(seen.held());
    assertEquals(List.of(seen.thread()), seen.afterwards());
  }

  @RepeatedTest(10)
  void heldWriteRunsWhenTheProcessExits() {
    Write write = new Write();
    List<String> seen = new CopyOnWriteArrayList<>();
    Spawned spawned = Proc.spawnMonitor(() -> {
      queueOneMessage();
      seen.add(String.valueOf(LocalNode.holdWrite(write)));
      seen.addAll(write.ranOn); // nothing yet
      seen.add(Thread.currentThread().getName());
    });
    down(spawned); // the Down goes out after the write
    assertEquals(2, seen.size(), "held, and not run before the exit: " + seen);
    assertEquals("true", seen.get(0));
    assertEquals(List.of(seen.get(1)), write.ranOn);
  }

  @RepeatedTest(10)
  void heldWriteOfAProcessBlockedOutsideArborRunsOnTheRuntimesThread() throws InterruptedException {
    HeldOutput.maxHoldNanos(TimeUnit.MILLISECONDS.toNanos(1));
    Write write = new Write();
    CountDownLatch done = new CountDownLatch(1);
    Spawned spawned = Proc.spawnMonitor(() -> {
      queueOneMessage();
      LocalNode.holdWrite(write);
      awaitQuietly(write); // blocks on a latch, not in a receive: only the runtime's thread can write
      done.countDown();
    });
    assertTrue(write.awaitRun(), "the held write ran while its process was blocked");
    assertTrue(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    down(spawned);
    assertEquals(List.of("arbor-held-output"), write.ranOn);
  }

  private static String awaitQuietly(Write write) {
    try {
      if (!write.awaitRun()) {
        throw new AssertionError("the held write never ran");
      }
      return "ran";
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
