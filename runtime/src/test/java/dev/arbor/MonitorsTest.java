package dev.arbor;

import static dev.arbor.Waits.WAIT;
import static dev.arbor.Waits.await;
import static dev.arbor.Waits.down;
import static dev.arbor.Waits.exitFrom;
import static dev.arbor.Waits.expect;
import static dev.arbor.Waits.next;
import static dev.arbor.Waits.noMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** Monitors: Erlang's {@code monitor/2}, {@code 'DOWN'} and {@code demonitor(Ref, [flush])}. */
@ExtendWith(WithIdentity.class)
@SuppressWarnings("try") // try (var me = Proc.adopt()) bounds an identity the block need not name
class MonitorsTest {

  private static Runnable idle() {
    return () -> {
      for (; ; ) {
        Proc.receive();
      }
    };
  }

  private static boolean isDownOf(Object m, Ref ref) {
    return m instanceof Down d && d.ref().equals(ref);
  }

  @RepeatedTest(50)
  void downCarriesTheExitReason() {
    RuntimeException boom = new IllegalArgumentException("boom");
    Spawned normal = Proc.spawnMonitor(() -> {});
    Spawned crashed = Proc.spawnMonitor(() -> {
      throw boom;
    });
    Spawned shut = Proc.spawnMonitor(() -> Proc.exit(ExitReason.shutdown("bye")));
    assertEquals(ExitReason.normal(), down(normal).reason());
    Down d = down(crashed);
    assertEquals(ExitReason.Kind.CRASH, d.reason().kind());
    assertSame(boom, d.reason().cause());
    assertEquals(ExitReason.shutdown("bye"), down(shut).reason());
  }

  @RepeatedTest(50)
  void monitorReturnsAFreshRefEachTime() {
    Pid p = Proc.spawn(idle());
    Ref r1 = Proc.monitor(p);
    Ref r2 = Proc.monitor(p);
    assertNotEquals(r1, r2);
    Proc.exit(p, ExitReason.of("twice"));
    // Two monitors, two Downs, each with its own ref.
    assertEquals(ExitReason.of("twice"), down(r1).reason());
    assertEquals(ExitReason.of("twice"), down(r2).reason());
  }

  @RepeatedTest(50)
  void monitorOfDeadPidGetsNoprocAtOnce() {
    Spawned s = Proc.spawnMonitor(() -> {});
    down(s);
    Ref ref = Proc.monitor(s.pid());
    // At once: the Down is already in the mailbox when monitor returns.
    Optional<Object> d = Proc.receive(m -> isDownOf(m, ref), Duration.ZERO);
    assertEquals(Optional.of(new Down(ref, s.pid(), ExitReason.noproc())), d);
  }

  @RepeatedTest(50)
  void monitorIsOneWay() {
    Pid me = Proc.self();
    Spawned watcher = Proc.spawnMonitor(() -> {
      Proc.monitor(me);
      me.send("watching");
      Proc.receive();
    });
    expect("watching");
    assertEquals(List.of(me), Proc.info(watcher.pid()).orElseThrow().monitors());
    Proc.exit(watcher.pid(), ExitReason.of("watcher dies"));
    down(watcher);
    // The watched test thread is untouched, and the watcher's monitor is gone.
    assertTrue(Proc.info(me).orElseThrow().monitoredBy().isEmpty());
  }

  @RepeatedTest(50)
  void downArrivesAfterEveryMessageOfTheDeadProcess() {
    Pid me = Proc.self();
    Spawned s = Proc.spawnMonitor(() -> {
      for (int i = 0; i < 1000; i++) {
        me.send(i);
      }
    });
    for (int i = 0; i < 1000; i++) {
      Object m = next();
      assertEquals(i, m, "message " + i + " came after something else: " + m);
    }
    assertEquals(new Down(s.ref(), s.pid(), ExitReason.normal()), next());
  }

  @RepeatedTest(50)
  void downOfAKilledSenderArrivesAfterEveryMessageItSent() {
    Pid me = Proc.self();
    Spawned s = Proc.spawnMonitor(() -> {
      for (int i = 0; ; i++) {
        me.send(i);
      }
    });
    assertEquals(0, next());
    Proc.exit(s.pid(), ExitReason.kill());
    // Every message the sender managed to send comes first, in order; then its Down; then nothing.
    int expected = 1;
    for (; ; ) {
      Object m = next();
      if (m instanceof Down d) {
        assertEquals(s.ref(), d.ref());
        assertEquals(ExitReason.killed(), d.reason());
        break;
      }
      assertEquals(expected++, m);
    }
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "a message of the sender after its Down");
  }

  @RepeatedTest(50)
  void exitOfAKilledSenderArrivesAfterEveryMessageItSent() {
    Proc.trapExits(true);
    Pid me = Proc.self();
    Pid sender = Proc.spawnLink(() -> {
      for (int i = 0; ; i++) {
        me.send(i);
      }
    });
    assertEquals(0, next());
    Proc.spawn(() -> Proc.exit(sender, ExitReason.of("stop sending")));
    int expected = 1;
    for (; ; ) {
      Object m = next();
      if (m instanceof Exit e) {
        assertEquals(new Exit(sender, ExitReason.of("stop sending")), e);
        break;
      }
      assertEquals(expected++, m);
    }
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "a message of the sender after its Exit");
  }

  @RepeatedTest(50)
  void demonitorOfAnActiveMonitorPreventsTheDown() {
    Pid p = Proc.spawn(idle());
    Ref ref = Proc.monitor(p);
    assertTrue(Proc.demonitor(ref));
    assertFalse(Proc.demonitor(ref), "a second demonitor finds nothing");
    Proc.exit(p, ExitReason.kill());
    assertEquals(Optional.empty(), Proc.receive(m -> isDownOf(m, ref), Duration.ZERO));
    assertTrue(Proc.info(Proc.self()).orElseThrow().monitors().isEmpty());
  }

  @RepeatedTest(50)
  void demonitorFlushesADownAlreadyDelivered() {
    Pid me = Proc.self();
    me.send("before");
    Spawned s = Proc.spawnMonitor(idle());
    // The exit runs on this thread, so the Down is in the mailbox when exit returns.
    Proc.exit(s.pid(), ExitReason.kill());
    me.send("after");
    assertFalse(Proc.demonitor(s.ref()), "the monitor had already fired");
    assertEquals("before", next());
    assertEquals("after", next());
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "the flushed Down is still there");
  }

  @RepeatedTest(300)
  void noDownArrivesAfterDemonitorReturnsEvenWhenTheTargetIsDyingMeanwhile() {
    Pid p = Proc.spawn(idle());
    Ref ref = Proc.monitor(p);
    // The killer spins rather than parks, so that the kill and the demonitor really overlap; the
    // jitter moves the demonitor across the kill's window from one repetition to the next.
    AtomicBoolean ready = new AtomicBoolean();
    AtomicBoolean go = new AtomicBoolean();
    Thread killer = Thread.ofPlatform().start(() -> {
      try (var k = Proc.adopt()) {
        ready.set(true);
        while (!go.get()) {
          Thread.onSpinWait();
        }
        Proc.exit(p, ExitReason.kill());
      }
    });
    long jitter = ThreadLocalRandom.current().nextLong(5_000);
    Waits.eventually("the killer to be ready", ready::get);
    go.set(true);
    for (long until = System.nanoTime() + jitter; System.nanoTime() - until < 0; ) {
      Thread.onSpinWait();
    }
    boolean stopped = Proc.demonitor(ref);
    Proc.self().send("marker");
    assertEquals("marker", next(), "a Down came after demonitor returned " + stopped);
    join(killer);
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "a Down came after demonitor returned " + stopped);
  }

  @RepeatedTest(50)
  void demonitorWithAForeignOrPlainRefIsFalse() {
    assertFalse(Proc.demonitor(Ref.make()));
    Pid me = Proc.self();
    Pid p = Proc.spawn(idle());
    Pid watcher = Proc.spawn(() -> {
      me.send(Proc.monitor(p));
      Proc.receive();
    });
    Ref theirs = next(Ref.class);
    assertFalse(Proc.demonitor(theirs), "a monitor held by another process");
    Ref mine = Proc.monitor(p);
    Proc.exit(p, ExitReason.kill());
    assertEquals(ExitReason.killed(), down(mine).reason());
    Proc.exit(watcher, ExitReason.kill());
  }

  @RepeatedTest(50)
  void eachMonitorFiresExactlyOnceUnderConcurrentKills() {
    Pid p = Proc.spawn(idle());
    List<Ref> refs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      refs.add(Proc.monitor(p));
    }
    List<Thread> killers = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < 4; i++) {
      killers.add(Thread.ofVirtual().start(() -> {
        await(go, "the start signal");
        try (var k = Proc.adopt()) {
          Proc.exit(p, ExitReason.kill());
        }
      }));
    }
    go.countDown();
    killers.forEach(MonitorsTest::join);
    for (Ref r : refs) {
      down(r);
    }
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "a monitor fired twice");
  }

  @RepeatedTest(50)
  void aDyingWatcherTakesItsMonitorsAlong() {
    Pid me = Proc.self();
    Pid target = Proc.spawn(idle());
    Spawned watcher = Proc.spawnMonitor(() -> {
      Proc.monitor(target);
      me.send("watching");
      Proc.receive();
    });
    expect("watching");
    assertEquals(1, Proc.info(target).orElseThrow().monitoredBy().size());
    Proc.exit(watcher.pid(), ExitReason.kill());
    assertEquals(List.of(), Proc.info(target).orElseThrow().monitoredBy());
    Proc.exit(target, ExitReason.kill());
  }

  @RepeatedTest(50)
  void monitorAndLinkBothFireForOneExit() {
    Proc.trapExits(true);
    Pid p = Proc.spawnLink(idle());
    Ref ref = Proc.monitor(p);
    Proc.exit(p, ExitReason.of("both"));
    assertEquals(ExitReason.of("both"), down(ref).reason());
    assertEquals(ExitReason.of("both"), exitFrom(p).reason());
    noMessage(m -> true, Duration.ZERO, "only one Down and one Exit");
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
