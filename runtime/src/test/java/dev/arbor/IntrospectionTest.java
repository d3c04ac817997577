package dev.arbor;

import static dev.arbor.Waits.await;
import static dev.arbor.Waits.down;
import static dev.arbor.Waits.eventually;
import static dev.arbor.Waits.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code Proc.list} and {@code Proc.info}: Erlang's {@code processes/0} and {@code process_info/1}. */
@ExtendWith(WithIdentity.class)
class IntrospectionTest {
  private static final AtomicLong NAMES = new AtomicLong();

  private static Runnable idle() {
    return () -> {
      for (; ; ) {
        Proc.receive();
      }
    };
  }

  private static ProcessInfo info(Pid pid) {
    return Proc.info(pid).orElseThrow(() -> new AssertionError("no info for " + pid));
  }

  @RepeatedTest(50)
  void listHoldsLiveProcessesAndTheCallerOnly() {
    Pid p = Proc.spawn(idle());
    List<Pid> all = Proc.list();
    assertTrue(all.contains(p));
    assertTrue(all.contains(Proc.self()), "plain-thread identities are listed");
    Proc.exit(p, ExitReason.kill());
    assertFalse(Proc.list().contains(p));
  }

  @RepeatedTest(50)
  void infoShowsNameLinksMonitorsAndTrapping() {
    Pid me = Proc.self();
    String name = "introspected-" + NAMES.incrementAndGet();
    Pid p = Proc.spawn(SpawnOptions.defaults().name(name).trapExits(true), () -> {
      Proc.monitor(me);
      me.send("ready");
      Proc.receive();
    });
    Proc.link(p);
    expect("ready");
    Proc.monitor(p);
    ProcessInfo info = info(p);
    assertEquals(p, info.pid());
    assertEquals(name, info.name());
    assertEquals(List.of(me), info.links());
    assertEquals(List.of(me), info.monitors());
    assertEquals(List.of(me), info.monitoredBy());
    assertTrue(info.trapExits());
    assertFalse(info.plainThread());
    assertNull(info.currentHandler());
    ProcessInfo mine = info(me);
    assertEquals(List.of(p), mine.links());
    assertEquals(List.of(p), mine.monitors());
    assertEquals(List.of(p), mine.monitoredBy());
    Proc.unlink(p);
    Proc.exit(p, ExitReason.kill());
  }

  @RepeatedTest(50)
  void statusIsWaitingInReceiveAndRunningOtherwise() {
    Pid waiting = Proc.spawn(idle());
    eventually(waiting + " waits", () -> info(waiting).status() == ProcessInfo.Status.WAITING);
    AtomicBoolean spin = new AtomicBoolean(true);
    CountDownLatch spinning = new CountDownLatch(1);
    Pid running = Proc.spawn(() -> {
      spinning.countDown();
      long deadline = System.nanoTime() + Waits.WAIT.toNanos();
      while (spin.get() && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait();
      }
    });
    try {
      await(spinning, "the process to spin");
      assertEquals(ProcessInfo.Status.RUNNING, info(running).status());
    } finally {
      spin.set(false);
    }
    Proc.exit(waiting, ExitReason.kill());
  }

  @RepeatedTest(50)
  void mailboxLengthCountsQueuedAndSkippedMessages() {
    Pid me = Proc.self();
    me.send("a");
    me.send("b");
    me.send(1);
    assertEquals(3, info(me).mailboxLength());
    assertEquals(Optional.of(1), Proc.receive(Integer.class, Duration.ZERO));
    // "a" and "b" were skipped by the selective receive but are still waiting.
    assertEquals(2, info(me).mailboxLength());
    Proc.receive(Duration.ZERO);
    Proc.receive(Duration.ZERO);
    assertEquals(0, info(me).mailboxLength());
  }

  @RepeatedTest(50)
  void mailboxLengthOfAProcessWaitingForSomethingElse() {
    Pid p = Proc.spawn(() -> Proc.receive(Integer.class, Waits.WAIT));
    p.send("x");
    p.send("y");
    p.send("z");
    eventually("three messages wait in " + p, () -> info(p).mailboxLength() == 3);
    eventually(p + " waits", () -> info(p).status() == ProcessInfo.Status.WAITING);
    assertEquals(3, info(p).mailboxLength());
    Proc.exit(p, ExitReason.kill());
  }

  /** As Erlang's {@code message_queue_len}: a message a receive is still testing is still waiting. */
  @RepeatedTest(20)
  void mailboxLengthCountsTheMessageAReceiveIsTesting() {
    CountDownLatch testing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Pid p = Proc.spawn(() -> Proc.receive(m -> {
      if (m.equals("probe")) {
        testing.countDown();
        await(release, "the test's release");
      }
      return m.equals("wake");
    }, Waits.WAIT));
    p.send("probe");
    await(testing, "the receive to test the probe");
    assertEquals(1, info(p).mailboxLength(), "the probe, under test");
    release.countDown();
    eventually(p + " waits", () -> info(p).status() == ProcessInfo.Status.WAITING);
    assertEquals(1, info(p).mailboxLength(), "the probe, passed over");
    Ref watched = Proc.monitor(p);
    p.send("wake");
    down(watched);
  }

  /** Messages sent and not taken are always counted, however the receive is moving through them. */
  @RepeatedTest(50)
  void mailboxLengthNeverMissesAMessageSentAndNotTaken() {
    Pid p = Proc.spawn(() -> Proc.receive(m -> m.equals("wake"), Waits.WAIT));
    for (int sent = 1; sent <= 40; sent++) {
      p.send("queued " + sent);
      int length = info(p).mailboxLength();
      assertTrue(length >= sent, length + " counted after " + sent + " sent");
    }
    Ref watched = Proc.monitor(p);
    p.send("wake");
    down(watched);
  }

  @RepeatedTest(50)
  void infoOfAnExitedProcessIsEmpty() {
    Spawned s = Proc.spawnMonitor(() -> {});
    down(s);
    assertEquals(Optional.empty(), Proc.info(s.pid()), "a process whose Down was sent has no info");
  }
}
