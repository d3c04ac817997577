package dev.arbor.internal;

import static dev.arbor.internal.SchedulerTest.await;
import static dev.arbor.internal.SchedulerTest.carrierName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arbor.Waits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A {@link Guest}, a connection's reader: it runs the processes its delivery woke, one after another,
 * leaves the rest to the carriers once the batch has run long, and hands its work over when a process
 * keeps it.
 */
class GuestTest {
  private static final long WAIT_SECONDS = Waits.WAIT.toSeconds();

  /** A process that, each time it receives a message, completes the next future with its carrier. */
  private static Process reportsWhereItRuns(CompletableFuture<String> first, CompletableFuture<String> second) {
    return Process.spawn(Process.body(() -> {
      Process.current().receive(null, -1);
      first.complete(carrierName());
      Process.current().receive(null, -1);
      second.complete(carrierName());
    }), null, false, null);
  }

  /** A process that has started and waits: its next message makes it complete {@code woken}. */
  private static Process waitingProcess(CompletableFuture<String> woken) throws Exception {
    CompletableFuture<String> started = new CompletableFuture<>();
    Process p = reportsWhereItRuns(started, woken);
    p.deliver("start");
    await(started);
    Waits.eventually("it waits", () -> parked(p));
    return p;
  }

  @Test
  void everyProcessADeliveryWokeRunsOnTheGuestInTurn() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    CompletableFuture<String> woken1 = new CompletableFuture<>();
    CompletableFuture<String> woken2 = new CompletableFuture<>();
    Process one = waitingProcess(woken1);
    Process two = waitingProcess(woken2);
    CompletableFuture<Boolean> goOn = new CompletableFuture<>();
    long bound = Guest.batchNanos(TimeUnit.SECONDS.toNanos(WAIT_SECONDS)); // however slow the machine
    long held = Guest.heldNanos(TimeUnit.SECONDS.toNanos(WAIT_SECONDS)); // nor a preempted guest
    try {
      Guest.start("test-reader", () -> {
        try {
          goOn.complete(Guest.deliver(() -> {
            one.deliver("frame for one");
            two.deliver("frame for two");
          }));
        } catch (RuntimeException e) {
          goOn.completeExceptionally(e);
        }
      }, () -> {});
      assertTrue(await(goOn), "the reader goes on reading");
    } finally {
      Guest.batchNanos(bound);
      Guest.heldNanos(held);
    }
    assertEquals("test-reader", await(woken1), "the first woken ran on the reader");
    assertEquals("test-reader", await(woken2), "so did the second, after it");
  }

  /**
   * Whether {@code p} waits with its thread off any carrier: a process that has only announced its
   * wait would take a message on the carrier it still runs on, not on the guest that delivers it.
   */
  private static boolean parked(Process p) {
    Thread thread = p.owner;
    return p.isWaiting() && thread != null && thread.getState() == Thread.State.WAITING;
  }

  /**
   * A process that has received one message and waits again; its next message makes it queue a
   * frame (it asks {@link HeldOutput#hold} about {@code write}) and complete {@code held} with the
   * answer. The first message is a warm-up: a receive that has never run may still be loading
   * classes, and be woken from that, after it has announced its wait.
   */
  private static Process waitingSender(Runnable write, CompletableFuture<Boolean> held) throws Exception {
    CountDownLatch warmedUp = new CountDownLatch(1);
    Process p = Process.spawn(Process.body(() -> {
      Process.current().receive(null, -1);
      warmedUp.countDown();
      Process.current().receive(null, -1);
      held.complete(HeldOutput.hold(write));
    }), null, false, null);
    p.deliver("warm-up");
    assertTrue(warmedUp.await(WAIT_SECONDS, TimeUnit.SECONDS));
    Waits.eventually("it waits", () -> parked(p));
    return p;
  }

  @Test
  void aBatchsWritesLeaveTogetherWhenItEnds() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    AtomicInteger writes = new AtomicInteger();
    Runnable write = writes::incrementAndGet; // one connection's write of its queue
    CompletableFuture<Boolean> firstHeld = new CompletableFuture<>();
    CompletableFuture<Boolean> lastHeld = new CompletableFuture<>();
    Process first = waitingSender(write, firstHeld);
    Process last = waitingSender(write, lastHeld);
    CompletableFuture<Boolean> goOn = new CompletableFuture<>();
    long bound = Guest.batchNanos(TimeUnit.SECONDS.toNanos(WAIT_SECONDS)); // however slow the machine
    long held = Guest.heldNanos(TimeUnit.SECONDS.toNanos(WAIT_SECONDS)); // nor a preempted guest
    try {
      Guest.start("test-reader", () -> goOn.complete(Guest.deliver(() -> {
        first.deliver("frame");
        last.deliver("frame");
      })), () -> {});
      assertTrue(await(goOn));
    } finally {
      Guest.batchNanos(bound);
      Guest.heldNanos(held);
    }
    assertTrue(await(firstHeld), "the first of the batch held its write");
    assertFalse(await(lastHeld), "the last had no one to wait for");
    assertEquals(1, writes.get(), "the held write ran once, when the batch ended");
  }

  @Test
  void aBatchsHeldWritesLeaveWhenAProcessKeepsTheGuest() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    CountDownLatch written = new CountDownLatch(1);
    CompletableFuture<Boolean> held = new CompletableFuture<>();
    Process sender = waitingSender(written::countDown, held);
    AtomicBoolean release = new AtomicBoolean();
    Process hog = Process.spawn(Process.body(() -> {
      Process.current().receive(null, -1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!release.get() && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait(); // keeps the guest
      }
    }), null, false, null);
    Waits.eventually("the hog waits", () -> parked(hog));
    long bound = Guest.batchNanos(TimeUnit.SECONDS.toNanos(WAIT_SECONDS));
    try {
      Guest.start("test-reader", () -> Guest.deliver(() -> {
        sender.deliver("frame");
        hog.deliver("work");
      }), () -> {});
      assertTrue(await(held), "the sender held its write behind the hog");
      assertTrue(written.await(WAIT_SECONDS, TimeUnit.SECONDS), "the watchdog wrote it");
    } finally {
      release.set(true);
      Guest.batchNanos(bound);
    }
  }

  @Test
  void aBatchThatRanPastItsBoundLeavesTheRestToTheCarriers() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    CompletableFuture<String> slowRanOn = new CompletableFuture<>();
    Process slow = Process.spawn(Process.body(() -> {
      Process.current().receive(null, -1);
      long until = System.nanoTime() + 2 * Guest.BATCH_NANOS;
      while (System.nanoTime() - until < 0) {
        Thread.onSpinWait(); // longer than a batch may run, shorter than a hand-over takes
      }
      slowRanOn.complete(carrierName());
    }), null, false, null);
    Waits.eventually("the slow process waits", () -> parked(slow));
    CompletableFuture<String> woken = new CompletableFuture<>();
    Process after = waitingProcess(woken);
    Guest.start("test-reader", () -> Guest.deliver(() -> {
      slow.deliver("work");
      after.deliver("frame");
    }), () -> {});
    assertEquals("test-reader", await(slowRanOn));
    assertTrue(await(woken).startsWith("arbor-carrier-"), await(woken));
  }

  @Test
  void aGuestKeptByAProcessHandsItsReadingAndTheRestOfItsBatchOverOnce() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    AtomicBoolean release = new AtomicBoolean();
    CountDownLatch kept = new CountDownLatch(1);
    Process hog = Process.spawn(Process.body(() -> {
      Process.current().receive(null, -1);
      kept.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!release.get() && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait(); // computes without waiting: the guest is kept
      }
    }), null, false, null);
    Waits.eventually("the hog waits", () -> parked(hog));
    CompletableFuture<String> behindTheHog = new CompletableFuture<>();
    Process queued = waitingProcess(behindTheHog);
    AtomicInteger handOvers = new AtomicInteger();
    CountDownLatch handedOver = new CountDownLatch(1);
    CompletableFuture<Boolean> goOn = new CompletableFuture<>();
    try {
      Guest.start("test-reader", () -> goOn.complete(Guest.deliver(() -> {
        hog.deliver("work");
        queued.deliver("frame");
      })), () -> {
        handOvers.incrementAndGet();
        handedOver.countDown();
      });
      assertTrue(kept.await(WAIT_SECONDS, TimeUnit.SECONDS), "the hog runs");
      assertTrue(handedOver.await(WAIT_SECONDS, TimeUnit.SECONDS), "the watchdog handed the work over");
      assertTrue(await(behindTheHog).startsWith("arbor-carrier-"),
          "the process woken after the hog ran on a carrier: " + behindTheHog.join());
      assertFalse(goOn.isDone(), "the guest is still kept");
    } finally {
      release.set(true);
    }
    assertFalse(await(goOn), "the kept guest is told to stop");
    assertEquals(1, handOvers.get());
  }

  @Test
  void whatADeliveryWokeBeforeItFailedStillRuns() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    CompletableFuture<String> woken = new CompletableFuture<>();
    Process p = waitingProcess(woken);
    CompletableFuture<Exception> failure = new CompletableFuture<>();
    Guest.start("test-reader", () -> {
      try {
        Guest.deliver(() -> {
          p.deliver("a good frame");
          throw new java.io.IOException("then a malformed one");
        });
      } catch (java.io.IOException e) {
        failure.complete(e);
      }
    }, () -> {});
    assertEquals("then a malformed one", await(failure).getMessage());
    assertTrue(await(woken).startsWith("arbor-carrier-"), await(woken));
  }

  @Test
  void wakeUpsOutsideADeliveryGoToTheCarriers() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    CompletableFuture<String> woken = new CompletableFuture<>();
    Process p = waitingProcess(woken);
    Guest.start("test-reader", () -> p.deliver("not in a delivery"), () -> {});
    assertTrue(await(woken).startsWith("arbor-carrier-"), await(woken));
  }
}
