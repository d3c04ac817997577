package dev.arbor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The MPSC mailbox on its own: FIFO, nothing lost under contention, exactly one wake-up. */
class MailboxTest {

  /** A mailbox that counts how often a producer gave its hibernating consumer a thread back. */
  private static final class CountingMailbox extends Mailbox {
    final AtomicInteger resumes = new AtomicInteger();

    @Override
    protected void resume() {
      resumes.incrementAndGet();
    }
  }

  @Test
  void offerAndPollAreFirstInFirstOut() {
    Mailbox box = new Mailbox();
    assertTrue(box.isEmpty());
    assertNull(box.poll());
    for (int i = 0; i < 100; i++) {
      box.offer(i);
    }
    assertEquals(100, box.size());
    assertFalse(box.isEmpty());
    for (int i = 0; i < 100; i++) {
      assertEquals(i, box.poll());
    }
    assertNull(box.poll());
    assertTrue(box.isEmpty());
    assertEquals(0, box.size());
  }

  @Test
  void clearForgetsEverything() {
    Mailbox box = new Mailbox();
    box.offer("a");
    box.offer("b");
    box.clear();
    assertTrue(box.isEmpty());
    assertNull(box.poll());
  }

  @RepeatedTest(20)
  void concurrentProducersLoseNothingAndKeepTheirOwnOrder() throws InterruptedException {
    int producers = 4;
    int each = 50_000;
    Mailbox box = new Mailbox();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      long tag = (long) p << 32;
      threads.add(Thread.ofPlatform().start(() -> {
        awaitQuietly(start);
        for (int i = 0; i < each; i++) {
          box.offer(tag | i);
        }
      }));
    }
    start.countDown();
    int[] next = new int[producers];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (int taken = 0; taken < producers * each; ) {
      Object m = box.poll();
      if (m == null) {
        if (System.nanoTime() - deadline > 0) {
          fail("only " + taken + " of " + producers * each + " messages arrived");
        }
        Thread.onSpinWait();
        continue;
      }
      long v = (Long) m;
      int producer = (int) (v >>> 32);
      assertEquals(next[producer], (int) v, "producer " + producer + " out of order");
      next[producer]++;
      taken++;
    }
    for (Thread t : threads) {
      t.join();
    }
    assertNull(box.poll());
  }

  @RepeatedTest(200)
  void exactlyOneProducerWakesAHibernatingConsumer() throws InterruptedException {
    CountingMailbox box = new CountingMailbox();
    assertTrue(box.announceHibernation(), "an empty mailbox may hibernate");
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int id = p;
      threads.add(Thread.ofPlatform().start(() -> {
        awaitQuietly(start);
        box.offer(id);
      }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, box.resumes.get());
    assertFalse(box.isHibernating());
    assertEquals(4, box.size());
  }

  @Test
  void hibernationIsRefusedWhenAMessageIsWaiting() {
    CountingMailbox box = new CountingMailbox();
    box.offer("waiting");
    assertFalse(box.announceHibernation());
    assertFalse(box.isHibernating());
    box.offer("more");
    assertEquals(0, box.resumes.get(), "a running consumer is not resumed");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
