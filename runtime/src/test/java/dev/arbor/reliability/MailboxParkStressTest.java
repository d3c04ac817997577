package dev.arbor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arbor.internal.Mailbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mailbox's wake-up protocol under contention: a consumer that parks (or hibernates) whenever
 * its mailbox is empty, and many producers. Producers wait for each message to be acknowledged, so
 * the consumer goes idle between nearly every message: a lost wake-up shows as an acknowledgement
 * that never comes, a lost message as a count that falls short. Every wait is bounded.
 */
class MailboxParkStressTest {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * A mailbox whose consumer runs the runtime's idle protocol: announce, look again, park. With
   * {@code hibernate} it sometimes releases its "thread" instead, and the producer that wins the
   * wake-up hands it back through {@link #resume()}.
   */
  static final class ParkingMailbox extends Mailbox {
    final Semaphore resumed = new Semaphore(0);
    final AtomicInteger resumes = new AtomicInteger();
    final AtomicInteger parks = new AtomicInteger();

    ParkingMailbox(Thread consumer) {
      owner = consumer;
    }

    @Override
    protected void resume() {
      resumes.incrementAndGet();
      resumed.release();
    }

    /** The next message, going idle while there is none; null when {@code deadline} passes. */
    Object take(boolean hibernate, long deadline) throws InterruptedException {
      while (true) {
        Object m = poll();
        if (m != null) {
          return m;
        }
        if (System.nanoTime() - deadline > 0) {
          return null;
        }
        if (hibernate && ThreadLocalRandom.current().nextBoolean()) {
          if (!announceHibernation()) {
            continue;
          }
          // The "thread" is gone; only a producer's resume() brings the consumer back.
          long left = deadline - System.nanoTime();
          if (!resumed.tryAcquire(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
            return null;
          }
          assertTrue(!isHibernating(), "resumed while still marked hibernating");
          continue;
        }
        announcePark();
        if (!isEmpty()) {
          announceRunning();
          continue;
        }
        parks.incrementAndGet();
        LockSupport.parkNanos(this, Math.max(deadline - System.nanoTime(), 1));
        announceRunning();
      }
    }
  }

  record Msg(int producer, int seq) {}

  @ParameterizedTest(name = "hibernate={0}")
  @ValueSource(booleans = {false, true})
  void pingPongLosesNoWakeUp(boolean hibernate) throws Exception {
    int producers = 8;
    int each = 20_000;
    run(producers, each, hibernate, true);
  }

  @RepeatedTest(5)
  void burstsLoseNoMessage() throws Exception {
    run(6, 200_000, false, false);
    run(6, 200_000, true, false);
  }

  private static void run(int producers, int each, boolean hibernate, boolean acknowledge) throws Exception {
    long deadline = System.nanoTime() + WAIT_NANOS;
    Semaphore[] acks = new Semaphore[producers];
    for (int p = 0; p < producers; p++) {
      acks[p] = new Semaphore(0);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger received = new AtomicInteger();
    ParkingMailbox[] box = new ParkingMailbox[1];
    Thread consumer = Thread.ofVirtual().unstarted(() -> {
      int[] next = new int[producers];
      try {
        for (int n = 0; n < producers * each; n++) {
          Object m = box[0].take(hibernate, deadline);
          if (m == null) {
            failure.compareAndSet(null, new AssertionError(
                "consumer idle with " + (producers * each - n) + " messages outstanding: lost wake-up or lost message"
                    + " (parks " + box[0].parks + ", resumes " + box[0].resumes + ", queued " + box[0].size() + ")"));
            return;
          }
          Msg msg = (Msg) m;
          if (msg.seq() != next[msg.producer()]) {
            failure.compareAndSet(null, new AssertionError("out of order from producer " + msg.producer()
                + ": expected " + next[msg.producer()] + ", got " + msg.seq()));
            return;
          }
          next[msg.producer()]++;
          received.incrementAndGet();
          if (acknowledge) {
            acks[msg.producer()].release();
          }
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    });
    box[0] = new ParkingMailbox(consumer);
    consumer.start();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int id = p;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          for (int i = 0; i < each; i++) {
            box[0].offer(new Msg(id, i));
            if (acknowledge && !acks[id].tryAcquire(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
              failure.compareAndSet(null, new AssertionError("producer " + id + " got no acknowledgement for message " + i
                  + ": the consumer was not woken"));
              return;
            }
          }
        } catch (InterruptedException e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    for (Thread t : threads) {
      if (!t.join(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1) + WAIT_NANOS))) {
        fail("producer hung");
      }
    }
    if (!consumer.join(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1) + WAIT_NANOS))) {
      fail("consumer hung");
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    assertEquals(producers * each, received.get());
    assertTrue(box[0].isEmpty());
  }
}
