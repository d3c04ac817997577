package dev.arbor;

import static dev.arbor.Waits.await;
import static dev.arbor.Waits.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a fatal exit signal reaches a process's thread (a documented Deviation): the process is dead to
 * the system at once; its thread is woken and interrupted, and its next Arbor call throws {@link
 * ProcessExit}.
 */
@ExtendWith(WithIdentity.class)
class FatalSignalsTest {
  private static final Duration LONG = Duration.ofHours(1);
  private static final AtomicLong NAMES = new AtomicLong();

  /** What a dead process's thread saw when it unwound, captured for the test thread. */
  private static final class Unwinding {
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    final AtomicBoolean ranOn = new AtomicBoolean();

    Runnable around(Runnable body) {
      return () -> {
        try {
          body.run();
          ranOn.set(true);
        } catch (Throwable t) {
          thrown.set(t);
          throw t;
        } finally {
          done.countDown();
        }
      };
    }

    ExitReason awaitReason() {
      await(done, "the dead process's thread to unwind");
      assertFalse(ranOn.get(), "the body ran on past an Arbor call after a fatal signal");
      return assertInstanceOf(ProcessExit.class, thrown.get()).reason();
    }
  }

  /**
   * Spins while {@code flag} is set, but never past a deadline: a test that fails before releasing
   * its busy process must not leave it holding a carrier thread for the rest of the run.
   */
  private static void spinWhile(AtomicBoolean flag) {
    long deadline = System.nanoTime() + Waits.WAIT.toNanos();
    while (flag.get() && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
  }

  private static void awaitWaiting(Pid p) {
    eventually(p + " waits in receive",
        () -> Proc.info(p).map(i -> i.status() == ProcessInfo.Status.WAITING).orElse(false));
  }

  @RepeatedTest(30)
  void exitSignalWakesBlockedReceive() {
    List<Runnable> receives = List.of(
        Proc::receive,
        () -> Proc.receive(LONG),
        () -> Proc.receive(Integer.class, LONG),
        () -> Proc.receive(m -> false, LONG));
    for (int i = 0; i < receives.size(); i++) {
      Unwinding u = new Unwinding();
      Pid p = Proc.spawn(u.around(receives.get(i)));
      if (i >= 2) {
        p.send("not what it waits for"); // a selective receive keeps waiting past it
      }
      awaitWaiting(p);
      Proc.exit(p, ExitReason.of("wake up"));
      assertEquals(ExitReason.of("wake up"), u.awaitReason());
    }
  }

  @RepeatedTest(50)
  void swallowedInterruptDoesNotLoseTheSignal() {
    CountDownLatch sleeping = new CountDownLatch(1);
    AtomicBoolean swallowed = new AtomicBoolean();
    Unwinding u = new Unwinding();
    Pid p = Proc.spawn(u.around(() -> {
      sleeping.countDown();
      try {
        Thread.sleep(LONG);
      } catch (InterruptedException e) {
        swallowed.set(true); // and the interrupt status is now clear
      }
      Proc.receive(Duration.ZERO);
    }));
    await(sleeping, "the process to start sleeping");
    Proc.exit(p, ExitReason.shutdown());
    assertEquals(ExitReason.shutdown(), u.awaitReason());
    assertTrue(swallowed.get(), "the exit signal interrupted the sleep");
  }

  @RepeatedTest(50)
  void theSignalStaysSetForEveryLaterArborCall() {
    CountDownLatch again = new CountDownLatch(1);
    AtomicReference<ExitReason> second = new AtomicReference<>();
    Pid p = Proc.spawn(() -> {
      try {
        Proc.receive();
      } catch (ProcessExit first) {
        // Catching it does not bring the process back: the next call throws again.
        try {
          Proc.self();
        } catch (ProcessExit e) {
          second.set(e.reason());
        }
      } finally {
        again.countDown();
      }
    });
    awaitWaiting(p);
    Proc.exit(p, ExitReason.kill());
    await(again, "the process to make a second Arbor call");
    assertEquals(ExitReason.killed(), second.get());
  }

  /** Ways a process's thread can be busy where an interrupt does not reach it. */
  private record Busy(String what, Runnable block, Runnable release) {}

  @RepeatedTest(30)
  void killedBusyProcessIsDeadToTheSystemAtOnce() {
    ReentrantLock lock = new ReentrantLock();
    AtomicBoolean spin = new AtomicBoolean(true);
    CompletableFuture<Void> future = new CompletableFuture<>();
    List<Busy> ways = List.of(
        new Busy("a CPU loop", () -> spinWhile(spin), () -> spin.set(false)),
        new Busy("ReentrantLock.lock", () -> {
          lock.lock();
          lock.unlock();
        }, lock::unlock),
        new Busy("CompletableFuture.join", future::join, () -> future.complete(null)));
    lock.lock();
    for (Busy busy : ways) {
      checkKilledWhileBusy(busy);
    }
    assertFalse(lock.isHeldByCurrentThread());
  }

  private static void checkKilledWhileBusy(Busy busy) {
    Proc.trapExits(true);
    String name = "busy-" + NAMES.incrementAndGet();
    CountDownLatch started = new CountDownLatch(1);
    Unwinding u = new Unwinding();
    Pid p = Proc.spawn(SpawnOptions.defaults().name(name), u.around(() -> {
      started.countDown();
      busy.block().run();
      Proc.self();
    }));
    Proc.link(p);
    Ref ref = Proc.monitor(p);
    await(started, "the process to get busy in " + busy.what());
    try {
      Proc.exit(p, ExitReason.kill());
      checkDeadWhileBusy(busy, name, p, ref, u);
    } finally {
      busy.release().run();
    }
    assertEquals(ExitReason.killed(), u.awaitReason());
    eventually(p + "'s thread to end after unwinding", () -> Proc.info(p).isEmpty());
    Proc.trapExits(false);
  }

  private static void checkDeadWhileBusy(Busy busy, String name, Pid p, Ref ref, Unwinding u) {
    // At once, while its thread is still stuck in busy.what():
    String where = " while stuck in " + busy.what();
    assertFalse(p.isAlive(), "alive" + where);
    assertFalse(Proc.list().contains(p), "listed" + where);
    assertEquals(Optional.empty(), Proc.whereis(name), "name held" + where);
    assertEquals(Optional.of(new Down(ref, p, ExitReason.killed())),
        Proc.receive(m -> m instanceof Down, Duration.ZERO), "no Down" + where);
    assertEquals(Optional.of(new Exit(p, ExitReason.killed())),
        Proc.receive(m -> m instanceof Exit, Duration.ZERO), "no Exit over the link" + where);
    ProcessInfo info = Proc.info(p).orElseThrow(() -> new AssertionError("no info for a zombie" + where));
    assertEquals(ProcessInfo.Status.ZOMBIE, info.status(), where);
    assertNull(info.name(), "a zombie's name is free" + where);
    assertEquals(List.of(), info.links(), where);
    assertEquals(List.of(), info.monitoredBy(), where);
    assertFalse(u.done.getCount() == 0, "the thread unwound before it was released" + where);
  }

  @RepeatedTest(50)
  void aZombieCanNeitherSendNorSpawnNorStartTimers() {
    Pid me = Proc.self();
    AtomicBoolean spin = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(1);
    List<String> attempts = List.of("send", "spawn", "spawnLink", "sendAfter", "sendInterval", "register", "monitor");
    AtomicReference<List<Throwable>> outcomes = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Pid p = Proc.spawn(() -> {
      started.countDown();
      spinWhile(spin);
      List<Throwable> seen = new java.util.ArrayList<>();
      for (String attempt : attempts) {
        try {
          switch (attempt) {
            case "send" -> me.send("from a zombie");
            case "spawn" -> Proc.spawn(() -> me.send("spawned by a zombie"));
            case "spawnLink" -> Proc.spawnLink(() -> me.send("spawned by a zombie"));
            case "sendAfter" -> Proc.sendAfter(me, "timer of a zombie", Duration.ZERO);
            case "sendInterval" -> Proc.sendInterval(me, "timer of a zombie", Duration.ofMillis(1));
            case "register" -> Proc.register("zombie-" + NAMES.incrementAndGet(), me);
            case "monitor" -> Proc.monitor(me);
            default -> throw new AssertionError(attempt);
          }
          seen.add(null);
        } catch (Throwable t) {
          seen.add(t);
        }
      }
      outcomes.set(seen);
      done.countDown();
    });
    await(started, "the process to get busy");
    try {
      Proc.exit(p, ExitReason.kill());
    } finally {
      spin.set(false);
    }
    await(done, "the zombie's attempts");
    for (int i = 0; i < attempts.size(); i++) {
      Throwable t = outcomes.get().get(i);
      String attempt = attempts.get(i);
      assertInstanceOf(ProcessExit.class, t, () -> attempt + " from a zombie did not throw ProcessExit");
    }
    // Nothing the zombie tried got through (the timers would have fired at once).
    Waits.noMessage(m -> true, Duration.ofMillis(20), "a zombie's operation had an effect");
  }

  @RepeatedTest(50)
  void exitFromInsideThrowsProcessExit() {
    Unwinding u = new Unwinding();
    Pid p = Proc.spawn(u.around(() -> Proc.exit(ExitReason.of("done here"))));
    assertEquals(ExitReason.of("done here"), u.awaitReason());
    assertFalse(p.isAlive());
  }
}
