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

  /**
   * Spawns a process that holds {@code write} while a message waits, takes that message (no wait:
   * still held), then runs {@code waits}; what it saw.
   */
  private static Seen holdThen(Write write, Runnable waits) {
    Pid me = Proc.self();
    Proc.spawn(() -> {
      queueOneMessage();
      boolean held = LocalNode.holdWrite(write);
      Proc.receive();
      List<String> whileHeld = List.copyOf(write.ranOn);
      waits.run();
      me.send(new Seen(held, whileHeld, List.copyOf(write.ranOn), Thread.currentThread().getName()));
    });
    return Waits.next(Seen.class);
  }

  /** The write was held, and then ran once, on the process's own thread. */
  private static void assertHeldThenRunByTheProcess(Seen seen) {
    assertTrue(seen.held());
    assertEquals(List.of(), seen.whileHeld());
    assertEquals(List.of(seen.thread()), seen.afterwards());
  }

  @RepeatedTest(20)
  void busyProcessHoldsTheWriteUntilItFindsItsMailboxEmpty() {
    assertHeldThenRunByTheProcess(holdThen(new Write(), () -> Proc.receive(Duration.ZERO)));
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
    Write write = new Write();
    Seen seen = holdThen(write, () -> {
      queueOneMessage();
      LocalNode.holdWrite(write); // held again, along with the first time
      Proc.receive();
      Proc.receive(Duration.ZERO);
    });
    assertHeldThenRunByTheProcess(seen);
  }

  @RepeatedTest(10)
  void heldWriteRunsBeforeTheProcessWaitsForACallsReply() {
    Write write = new Write();
    Agent<String> agent = Agent.start(() -> "state");
    // The agent answers only once the write ran: a request held behind a reply never comes.
    assertHeldThenRunByTheProcess(holdThen(write, () -> agent.get(s -> awaitQuietly(write))));
    agent.stop();
  }

  @RepeatedTest(10)
  void heldWriteRunsBeforeTheProcessWaitsForATask() {
    Write write = new Write();
    assertHeldThenRunByTheProcess(
        holdThen(write, () -> Task.async(() -> awaitQuietly(write)).await(WAIT)));
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
