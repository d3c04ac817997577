package dev.arbor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arbor.Waits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Arbor's scheduler ({@link Scheduler}): processes run on its carriers, a process woken by another
 * runs on the waker's carrier, a woken process is never left behind a waker that does not wait, and
 * carriers held by blocking reads do not stop the other processes.
 */
class SchedulerTest {
  private static final long WAIT_SECONDS = Waits.WAIT.toSeconds();

  /** The carrier a virtual thread runs on, as its {@code toString} names it ("...@arbor-carrier-0"). */
  static String carrierName() {
    String self = Thread.currentThread().toString();
    return self.substring(self.lastIndexOf('@') + 1);
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void processesRunOnArborsCarriersFromJdk25On() throws Exception {
    boolean expected = Runtime.version().feature() >= 25 && System.getProperty("arbor.scheduler") == null;
    assertEquals(expected, Scheduler.INSTANCE != null, "installed on JDK " + Runtime.version().feature());
    assumeTrue(expected);
    CompletableFuture<String> carrier = new CompletableFuture<>();
    Process.spawn(Process.body(() -> carrier.complete(carrierName())), null, false, null);
    assertTrue(await(carrier).startsWith("arbor-carrier-"), await(carrier));
  }

  @Test
  void aProcessWokenByAnotherRunsOnTheWakersCarrier() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    int rounds = 200;
    Process echo = Process.spawn(() -> {
      for (int i = 0; i < rounds; i++) {
        Process from = (Process) Process.current().receive(null, -1);
        from.deliver(carrierName());
      }
      return false;
    }, null, false, null);
    CompletableFuture<Integer> same = new CompletableFuture<>();
    Process.spawn(Process.body(() -> {
      int count = 0;
      for (int i = 0; i < rounds; i++) {
        String mine = carrierName();
        echo.deliver(Process.current());
        if (mine.equals(Process.current().receive(null, -1))) {
          count++;
        }
      }
      same.complete(count);
    }), null, false, null);
    // Nearly every time: only the watchdog moves a woken thread, when its waker's carrier has been
    // held up for a whole period (a busy machine can do that to a carrier thread now and then).
    int count = await(same);
    assertTrue(count >= rounds * 3 / 4, count + " of " + rounds + " on the caller's carrier");
  }

  @Test
  void aWokenProcessRunsWhileItsWakerComputesWithoutWaiting() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null && Scheduler.INSTANCE.carriers.length > 1);
    AtomicBoolean received = new AtomicBoolean();
    Process receiver = Process.spawn(Process.body(() -> {
      Process.current().receive(null, -1);
      received.set(true);
    }), null, false, null);
    CompletableFuture<Boolean> waker = new CompletableFuture<>();
    Process.spawn(Process.body(() -> {
      receiver.deliver("wake up"); // the receiver goes in this carrier's next slot
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!received.get() && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait(); // never parks, so this carrier never gets to the next slot
      }
      waker.complete(received.get());
    }), null, false, null);
    assertTrue(await(waker), "the receiver ran while its waker kept its carrier");
  }

  @Test
  void processesStillRunWhileEveryCarrierIsBlockedInAFileRead() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    int blockers = Scheduler.INSTANCE.carriers.length + 1;
    List<java.lang.Process> cats = new ArrayList<>(); // java.lang.Process: OS processes
    try {
      CountDownLatch reading = new CountDownLatch(blockers);
      List<CompletableFuture<Integer>> reads = new ArrayList<>();
      for (int i = 0; i < blockers; i++) {
        java.lang.Process cat = new ProcessBuilder("cat").start(); // says nothing until written to
        cats.add(cat);
        CompletableFuture<Integer> read = new CompletableFuture<>();
        reads.add(read);
        Process.spawn(Process.body(() -> {
          reading.countDown();
          try {
            read.complete(cat.getInputStream().read()); // a blocking read: it holds the carrier
          } catch (IOException e) {
            read.completeExceptionally(e);
          }
        }), null, false, null);
      }
      assertTrue(reading.await(WAIT_SECONDS, TimeUnit.SECONDS), "the readers started");
      CompletableFuture<String> answer = new CompletableFuture<>();
      Process.spawn(Process.body(() -> answer.complete("still running")), null, false, null);
      assertEquals("still running", await(answer), "a process ran beside the blocked readers");
      for (java.lang.Process cat : cats) {
        cat.getOutputStream().write('x');
        cat.getOutputStream().flush();
      }
      for (CompletableFuture<Integer> read : reads) {
        assertEquals('x', (int) await(read));
      }
    } finally {
      for (java.lang.Process cat : cats) {
        cat.destroyForcibly();
        cat.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aProcessKeepsNoSchedulerTaskOnceItsThreadHasEnded() throws Exception {
    assumeTrue(Scheduler.INSTANCE != null);
    CompletableFuture<Runnable> whileRunning = new CompletableFuture<>();
    CompletableFuture<Runnable> afterResume = new CompletableFuture<>();
    Process p = Process.spawn(() -> {
      Process self = Process.current();
      whileRunning.complete(self.schedulerTask);
      self.receive(null, -1);
      return self.hibernate(() -> {
        afterResume.complete(self.schedulerTask);
        self.receive(null, -1);
        return false;
      });
    }, null, false, null);
    assertNotNull(await(whileRunning), "known while its thread runs");
    p.deliver("hibernate");
    Waits.eventually("the process hibernated", () -> p.owner == null);
    assertNull(p.schedulerTask, "a hibernated process holds no task of its finished thread");
    p.deliver("resume");
    assertNotNull(await(afterResume), "its new thread's task is known");
    p.deliver("stop");
    Waits.eventually("its thread ended", () -> p.owner == null);
    assertNull(p.schedulerTask, "an ended process holds no task");
  }
}
