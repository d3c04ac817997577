package dev.arbor;

import static dev.arbor.Waits.WAIT;
import static dev.arbor.Waits.await;
import static dev.arbor.Waits.down;
import static dev.arbor.Waits.eventually;
import static dev.arbor.Waits.exitFrom;
import static dev.arbor.Waits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.internal.Process;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Plain Java threads with a process identity (a documented Deviation): adopt and release, and what an
 * exit signal does to them. Each test bounds the identity itself with try-with-resources.
 */
@SuppressWarnings("try") // try (var me = Proc.adopt()) bounds an identity the block need not name
class PlainThreadsTest {

  @AfterEach
  void noIdentityLeft() {
    assertNull(Process.currentOrNull(), "the test left its thread with a process identity");
  }

  private static Runnable idle() {
    return () -> {
      for (; ; ) {
        Proc.receive();
      }
    };
  }

  /** Runs {@code body} on a new platform thread and waits for it; rethrows what it threw. */
  private static void onPlainThread(Runnable body) throws Throwable {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = Thread.ofPlatform().start(() -> {
      try {
        body.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.join(WAIT.toMillis());
    assertFalse(t.isAlive(), "the plain thread did not finish");
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  @RepeatedTest(50)
  void adoptGivesAPlainThreadAnIdentityUntilClosed() {
    Pid pid;
    try (var me = Proc.adopt()) {
      pid = me.pid();
      assertEquals(pid, Proc.self());
      assertTrue(pid.isAlive());
      assertTrue(Proc.list().contains(pid));
      ProcessInfo info = Proc.info(pid).orElseThrow();
      assertTrue(info.plainThread());
      assertEquals(ProcessInfo.Status.RUNNING, info.status());
    }
    assertFalse(pid.isAlive());
    assertFalse(Proc.list().contains(pid));
    assertTrue(Proc.info(pid).isEmpty());
  }

  @RepeatedTest(50)
  void closingAnIdentityExitsItWithNormal() {
    try (var watcher = Proc.adopt()) {
      AtomicReference<Pid> other = new AtomicReference<>();
      CountDownLatch adopted = new CountDownLatch(1);
      CountDownLatch close = new CountDownLatch(1);
      Thread t = Thread.ofPlatform().start(() -> {
        try (var me = Proc.adopt()) {
          other.set(me.pid());
          adopted.countDown();
          await(close, "the test to let the identity close");
        }
      });
      await(adopted, "the other thread to adopt");
      Ref ref = Proc.monitor(other.get());
      close.countDown();
      assertEquals(ExitReason.normal(), down(ref).reason());
      join(t);
    }
  }

  @RepeatedTest(50)
  void anArborCallAdoptsImplicitlyAndReleaseEndsIt() {
    Pid pid = Proc.self();
    assertTrue(pid.isAlive());
    assertEquals(pid, Proc.self(), "the same identity on every call");
    Proc.release();
    assertFalse(pid.isAlive());
    Proc.release(); // a no-op without an identity
  }

  @RepeatedTest(50)
  void adoptTwiceReturnsTheSameIdentity() {
    try (var me = Proc.adopt()) {
      assertEquals(me.pid(), Proc.adopt().pid());
    }
  }

  @RepeatedTest(50)
  void adoptAndReleaseAreOnlyForPlainThreads() {
    try (var me = Proc.adopt()) {
      Pid pid = Proc.spawn(() -> {
        Object adopt;
        Object release;
        try {
          Proc.adopt();
          adopt = "no exception";
        } catch (IllegalStateException e) {
          adopt = e;
        }
        try {
          Proc.release();
          release = "no exception";
        } catch (IllegalStateException e) {
          release = e;
        }
        me.pid().send(new Object[] {adopt, release});
      });
      Object[] outcomes = next(Object[].class);
      IllegalStateException adopt = assertInstanceOf(IllegalStateException.class, outcomes[0]);
      assertTrue(adopt.getMessage().contains(pid.toString()), adopt.getMessage());
      assertInstanceOf(IllegalStateException.class, outcomes[1]);
    }
  }

  @RepeatedTest(50)
  void signalToPlainThreadMarksItExited() {
    try (var me = Proc.adopt()) {
      Pid mine = me.pid();
      CountDownLatch signalled = new CountDownLatch(1);
      Proc.spawn(() -> {
        Proc.exit(mine, ExitReason.of("go away"));
        signalled.countDown();
      });
      // A plain Java wait: an interrupt would make it throw InterruptedException.
      await(signalled, "the exit signal");
      assertFalse(Thread.currentThread().isInterrupted(), "a plain thread is never interrupted");
      assertFalse(mine.isAlive());
      assertFalse(Proc.list().contains(mine));
      // Its next Arbor call throws, once; then it gets a fresh identity.
      ExitException e = assertThrows(ExitException.class, Proc::self);
      assertEquals(ExitReason.of("go away"), e.reason());
      Pid fresh = Proc.self();
      assertNotEquals(mine, fresh);
      assertTrue(fresh.isAlive());
    }
    // close() ended the fresh identity too (the AfterEach checks the thread has none).
  }

  @RepeatedTest(50)
  void killedPlainThreadBlockedInReceiveWakesWithExitException() throws Throwable {
    try (var me = Proc.adopt()) {
      AtomicReference<Pid> blocked = new AtomicReference<>();
      CountDownLatch adopted = new CountDownLatch(1);
      AtomicReference<Object> outcome = new AtomicReference<>();
      Thread t = Thread.ofPlatform().start(() -> {
        try (var other = Proc.adopt()) {
          blocked.set(other.pid());
          adopted.countDown();
          outcome.set(Proc.receive());
        } catch (ExitException e) {
          outcome.set(e);
        }
        if (Thread.currentThread().isInterrupted()) {
          outcome.set("interrupted");
        }
      });
      await(adopted, "the other thread to adopt");
      eventually("the plain thread waits in receive", () -> Proc.info(blocked.get())
          .map(i -> i.status() == ProcessInfo.Status.WAITING).orElse(false));
      Proc.exit(blocked.get(), ExitReason.kill());
      join(t);
      ExitException e = assertInstanceOf(ExitException.class, outcome.get());
      assertEquals(ExitReason.killed(), e.reason());
    }
  }

  @RepeatedTest(50)
  void crashOfALinkedProcessMarksAPlainThreadExited() {
    try (var me = Proc.adopt()) {
      RuntimeException boom = new IllegalStateException("linked crash");
      Pid p = Proc.spawnLink(() -> {
        Proc.receive();
        throw boom;
      });
      p.send("crash");
      // Nothing can tell a dead plain identity; poll for it, then check its next call.
      eventually(me.pid() + " is marked exited", () -> !me.pid().isAlive());
      ExitException e = assertThrows(ExitException.class, () -> Proc.receive(WAIT));
      assertEquals(ExitReason.crash(boom), e.reason());
      assertEquals(boom, e.getCause());
    }
  }

  @RepeatedTest(50)
  void normalSignalToAPlainThreadIsIgnoredAndATrappingOneGetsAMessage() {
    try (var me = Proc.adopt()) {
      Pid mine = me.pid();
      Spawned s = Proc.spawnMonitor(() -> Proc.exit(mine, ExitReason.normal()));
      down(s);
      assertTrue(mine.isAlive());
      Proc.trapExits(true);
      Spawned t = Proc.spawnMonitor(() -> Proc.exit(mine, ExitReason.of("trapped")));
      assertEquals(new Exit(t.pid(), ExitReason.of("trapped")), exitFrom(t.pid()));
      assertTrue(mine.isAlive());
    }
  }

  @RepeatedTest(20)
  void strayInterruptOfAPlainThreadInReceiveGivesUp() throws Throwable {
    onPlainThread(() -> {
      try (var me = Proc.adopt()) {
        Thread.currentThread().interrupt();
        assertThrows(CancellationException.class, Proc::receive);
        assertTrue(Thread.interrupted(), "the interrupt status is kept for the caller");
        assertTrue(me.pid().isAlive(), "an interrupt is not an exit signal");
      }
    });
  }

  @Test
  void identityOfAThreadThatEndedWithoutReleasingIsExitedWithNormal() throws Throwable {
    try (var me = Proc.adopt()) {
      AtomicReference<Pid> leaked = new AtomicReference<>();
      onPlainThread(() -> leaked.set(Proc.self())); // never released
      Ref ref = Proc.monitor(leaked.get());
      // The sweeper finds the dead thread within about a second.
      assertEquals(ExitReason.normal(), down(ref).reason());
    }
  }

  @RepeatedTest(20)
  void closeFromAnotherThreadEndsThatIdentity() throws Throwable {
    try (var me = Proc.adopt()) {
      AtomicReference<Adopted> handle = new AtomicReference<>();
      CountDownLatch adopted = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      AtomicReference<Object> next = new AtomicReference<>();
      Thread t = Thread.ofPlatform().start(() -> {
        handle.set(Proc.adopt());
        adopted.countDown();
        await(closed, "the test to close the identity");
        try {
          next.set(Proc.self());
        } catch (ExitException e) {
          next.set(e.reason());
        }
        Proc.release();
      });
      await(adopted, "the other thread to adopt");
      Ref ref = Proc.monitor(handle.get().pid());
      handle.get().close();
      assertEquals(ExitReason.normal(), down(ref).reason());
      assertTrue(me.pid().isAlive(), "closing another thread's handle left this identity alone");
      closed.countDown();
      join(t);
      assertEquals(ExitReason.normal(), next.get(), "the closed identity's thread was told at its next call");
    }
  }

  private static void join(Thread t) {
    try {
      t.join(WAIT.toMillis());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertFalse(t.isAlive(), t + " did not finish");
  }
}
