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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Links, {@code trapExits} and {@code exit/2}, by Erlang's rules. */
@ExtendWith(WithIdentity.class)
@SuppressWarnings("try") // try (var me = Proc.adopt()) bounds an identity the block need not name
class ExitSignalsTest {
  /** How long a test watches for something that must not happen after the event that would cause it. */
  private static final Duration QUIET = Duration.ofMillis(20);

  /** A process that waits for messages forever and forwards each to {@code to}. */
  private static Runnable forwarder(Pid to) {
    return () -> {
      for (; ; ) {
        to.send(Proc.receive());
      }
    };
  }

  private static Runnable idle() {
    return () -> {
      for (; ; ) {
        Proc.receive();
      }
    };
  }

  private static Spawned spawnTrapping(Runnable body) {
    Pid p = Proc.spawn(SpawnOptions.defaults().trapExits(true), body);
    return new Spawned(p, Proc.monitor(p));
  }

  private static boolean isDown(Object m, Pid pid) {
    return m instanceof Down d && d.pid().equals(pid);
  }

  // ------------------------------------------------------------------ kill

  @RepeatedTest(50)
  void killIsUntrappable() {
    Spawned trapper = spawnTrapping(idle());
    Proc.exit(trapper.pid(), ExitReason.kill());
    assertFalse(trapper.pid().isAlive(), "dead as soon as exit(pid, kill) returns");
    assertEquals(ExitReason.killed(), down(trapper).reason());
  }

  @RepeatedTest(50)
  void linksOfAKilledProcessSeeKilled() {
    Proc.trapExits(true);
    Pid p = Proc.spawnLink(idle());
    Proc.exit(p, ExitReason.kill());
    assertEquals(new Exit(p, ExitReason.killed()), exitFrom(p));
  }

  @RepeatedTest(50)
  void killedArrivingOverALinkIsTrappable() {
    Pid me = Proc.self();
    Spawned trapper = spawnTrapping(forwarder(me));
    Spawned victim = Proc.spawnMonitor(idle());
    Pid middle = Proc.spawn(() -> {
      Proc.link(trapper.pid());
      Proc.link(victim.pid());
      me.send("linked");
      Proc.receive();
    });
    expect("linked");
    Proc.exit(middle, ExitReason.kill());
    // Only exit(pid, kill) is untrappable; the killed that travels on along links is an ordinary
    // reason: the trapper gets a message, the non-trapping victim dies with killed.
    assertEquals(new Exit(middle, ExitReason.killed()), next(Exit.class));
    assertEquals(ExitReason.killed(), down(victim).reason());
    assertTrue(trapper.pid().isAlive());
    Proc.exit(trapper.pid(), ExitReason.kill());
  }

  // ------------------------------------------------------------------ normal

  @RepeatedTest(50)
  void normalExitDoesNotKillLinkedProcess() throws InterruptedException {
    Spawned linked = Proc.spawnMonitor(idle());
    // A plain thread's identity ends with normal on its own thread, so every consequence of that
    // exit has happened once the thread is joined.
    Thread t = Thread.ofPlatform().start(() -> {
      try (var other = Proc.adopt()) {
        Proc.link(linked.pid());
      }
    });
    t.join(WAIT.toMillis());
    assertFalse(t.isAlive());
    assertTrue(linked.pid().isAlive());
    assertEquals(List.of(), Proc.info(linked.pid()).orElseThrow().links());
    Proc.exit(linked.pid(), ExitReason.kill());
    assertEquals(ExitReason.killed(), down(linked).reason());
  }

  @RepeatedTest(50)
  void normalExitOfASpawnedProcessDoesNotKillLinkedProcess() {
    Spawned linked = Proc.spawnMonitor(idle());
    Spawned finisher = Proc.spawnMonitor(() -> Proc.link(linked.pid()));
    assertEquals(ExitReason.normal(), down(finisher).reason());
    noMessage(m -> isDown(m, linked.pid()), QUIET, "a normal exit must not kill a linked process");
    assertTrue(linked.pid().isAlive());
    Proc.exit(linked.pid(), ExitReason.kill());
  }

  @RepeatedTest(50)
  void trappingProcessGetsNormalExitOfALinkAsMessage() {
    Proc.trapExits(true);
    Pid p = Proc.spawnLink(() -> {});
    assertEquals(new Exit(p, ExitReason.normal()), exitFrom(p));
  }

  @RepeatedTest(50)
  void exitNormalIsIgnoredByANonTrappingProcess() {
    Spawned p = Proc.spawnMonitor(idle());
    Proc.exit(p.pid(), ExitReason.normal());
    assertTrue(p.pid().isAlive());
    Proc.exit(p.pid(), ExitReason.kill());
    assertEquals(ExitReason.killed(), down(p).reason());
  }

  @RepeatedTest(50)
  void exitNormalReachesATrappingProcessAsMessage() {
    Pid me = Proc.self();
    Spawned trapper = spawnTrapping(forwarder(me));
    Proc.exit(trapper.pid(), ExitReason.normal());
    assertEquals(new Exit(me, ExitReason.normal()), next());
    assertTrue(trapper.pid().isAlive());
    Proc.exit(trapper.pid(), ExitReason.kill());
  }

  @RepeatedTest(50)
  void exitNormalToItselfExitsANonTrappingProcess() {
    AtomicBoolean after = new AtomicBoolean();
    Spawned p = Proc.spawnMonitor(() -> {
      Proc.exit(Proc.self(), ExitReason.normal());
      after.set(true);
    });
    assertEquals(ExitReason.normal(), down(p).reason());
    assertFalse(after.get(), "exit(self(), normal) returned into the body");
  }

  @RepeatedTest(50)
  void exitNormalToItselfIsAMessageWhenTrapping() {
    Pid me = Proc.self();
    Spawned p = spawnTrapping(() -> {
      Proc.exit(Proc.self(), ExitReason.normal());
      me.send(Proc.receive());
    });
    // It got the signal as a message, so it was still alive to forward it.
    assertEquals(new Exit(p.pid(), ExitReason.normal()), next());
  }

  // ------------------------------------------------------------------ other reasons

  @RepeatedTest(50)
  void abnormalExitSignalKillsANonTrappingProcessWithTheSameReason() {
    Spawned a = Proc.spawnMonitor(idle());
    Spawned b = Proc.spawnMonitor(idle());
    Proc.exit(a.pid(), ExitReason.shutdown());
    Proc.exit(b.pid(), ExitReason.of("custom"));
    assertFalse(a.pid().isAlive());
    assertFalse(b.pid().isAlive());
    assertEquals(ExitReason.shutdown(), down(a).reason());
    assertEquals(ExitReason.of("custom"), down(b).reason());
  }

  @RepeatedTest(50)
  void trappedExitArrivesAsMessage() {
    Pid me = Proc.self();
    Spawned trapper = spawnTrapping(forwarder(me));
    Proc.exit(trapper.pid(), ExitReason.of("please stop"));
    Proc.exit(trapper.pid(), ExitReason.shutdown("detail"));
    assertEquals(new Exit(me, ExitReason.of("please stop")), next());
    assertEquals(new Exit(me, ExitReason.shutdown("detail")), next());
    assertTrue(trapper.pid().isAlive());
    Proc.exit(trapper.pid(), ExitReason.kill());
  }

  @RepeatedTest(50)
  void trapExitsReturnsThePreviousSettingAndCanBeTurnedOff() {
    assertFalse(Proc.trapExits(true));
    assertTrue(Proc.trapExits(true));
    assertTrue(Proc.trapExits(false));
    assertFalse(Proc.info(Proc.self()).orElseThrow().trapExits());
  }

  @RepeatedTest(50)
  void exitWithAReasonFromInsideIsWhatLinksAndMonitorsSee() {
    Proc.trapExits(true);
    AtomicBoolean after = new AtomicBoolean();
    Pid p = Proc.spawnLink(() -> {
      Proc.exit(ExitReason.of("bye"));
      after.set(true);
    });
    assertEquals(new Exit(p, ExitReason.of("bye")), exitFrom(p));
    assertFalse(after.get());
  }

  // ------------------------------------------------------------------ crashes along links

  @RepeatedTest(50)
  void crashPropagatesAlongLinks() {
    RuntimeException boom = new IllegalStateException("boom");
    CountDownLatch chained = new CountDownLatch(2);
    AtomicReference<Pid> head = new AtomicReference<>();
    // c <- b <- a: each links to the previous one; then a crashes.
    Spawned c = Proc.spawnMonitor(idle());
    Spawned b = Proc.spawnMonitor(() -> {
      Proc.link(c.pid());
      chained.countDown();
      Proc.receive();
    });
    Spawned a = Proc.spawnMonitor(() -> {
      Proc.link(b.pid());
      head.set(Proc.self());
      chained.countDown();
      Proc.receive();
      throw boom;
    });
    await(chained, "the chain to be linked");
    a.pid().send("crash now");
    for (Spawned s : List.of(a, b, c)) {
      Down d = down(s);
      assertEquals(ExitReason.Kind.CRASH, d.reason().kind());
      assertSame(boom, d.reason().cause(), "every process in the chain dies with the crash itself");
    }
  }

  @RepeatedTest(5)
  void crashPropagatesAlongALongChainWithoutOverflowingTheStack() {
    Pid first = Proc.spawn(chain(20_000, Proc.self()));
    Pid last = next(Pid.class);
    Ref lastRef = Proc.monitor(last);
    // The whole cascade runs on the signalling thread, from a work list rather than by recursion.
    Proc.exit(first, ExitReason.of("cascade"));
    assertFalse(last.isAlive());
    assertEquals(ExitReason.of("cascade"), down(lastRef).reason());
  }

  /** A process that spawns the next {@code remaining} links of a chain, the last of which reports. */
  private static Runnable chain(int remaining, Pid report) {
    return () -> {
      if (remaining == 0) {
        report.send(Proc.self());
      } else {
        Proc.spawnLink(chain(remaining - 1, report));
      }
      idle().run();
    };
  }

  @RepeatedTest(50)
  void crashStopsAtATrappingProcess() {
    Pid me = Proc.self();
    Spawned trapper = spawnTrapping(forwarder(me));
    Spawned crasher = Proc.spawnMonitor(() -> {
      Proc.link(trapper.pid());
      me.send("linked");
      Proc.receive();
      throw new IllegalStateException("crash");
    });
    expect("linked");
    crasher.pid().send("go");
    Exit e = next(Exit.class);
    assertEquals(crasher.pid(), e.from());
    assertEquals(ExitReason.Kind.CRASH, e.reason().kind());
    assertTrue(trapper.pid().isAlive());
    Proc.exit(trapper.pid(), ExitReason.kill());
  }

  // ------------------------------------------------------------------ link and unlink

  @RepeatedTest(50)
  void linkWorksBothWays() {
    Pid me = Proc.self();
    // x calls link(y); then each side in turn dies and takes the other along.
    for (boolean killCaller : new boolean[] {true, false}) {
      Spawned y = Proc.spawnMonitor(idle());
      Spawned x = Proc.spawnMonitor(() -> {
        Proc.link(y.pid());
        me.send("linked");
        Proc.receive();
      });
      expect("linked");
      Spawned victim = killCaller ? x : y;
      Spawned other = killCaller ? y : x;
      Proc.exit(victim.pid(), ExitReason.shutdown("side"));
      assertEquals(ExitReason.shutdown("side"), down(victim).reason());
      assertEquals(ExitReason.shutdown("side"), down(other).reason());
    }
  }

  @RepeatedTest(50)
  void unlinkRemovesTheLinkBothWays() {
    Pid me = Proc.self();
    Spawned y = Proc.spawnMonitor(idle());
    Spawned x = Proc.spawnMonitor(() -> {
      Proc.link(y.pid());
      Proc.unlink(y.pid());
      me.send("unlinked");
      Proc.receive();
    });
    expect("unlinked");
    assertEquals(List.of(), Proc.info(x.pid()).orElseThrow().links());
    assertEquals(List.of(), Proc.info(y.pid()).orElseThrow().links());
    Proc.exit(y.pid(), ExitReason.of("alone"));
    assertEquals(ExitReason.of("alone"), down(y).reason());
    assertTrue(x.pid().isAlive(), "unlinked process survived");
    Proc.exit(x.pid(), ExitReason.kill());
  }

  @RepeatedTest(50)
  void unlinkOfAnUnlinkedOrDeadPidDoesNothing() {
    Spawned s = Proc.spawnMonitor(() -> {});
    down(s);
    Proc.unlink(s.pid());
    Pid idle = Proc.spawn(idle());
    Proc.unlink(idle);
    assertTrue(idle.isAlive());
    Proc.exit(idle, ExitReason.kill());
  }

  @RepeatedTest(50)
  void linkingTwiceMakesOneLinkAndLinkingToSelfNothing() {
    Pid me = Proc.self();
    Pid p = Proc.spawn(idle());
    Proc.link(p);
    Proc.link(p);
    Proc.link(me);
    assertEquals(List.of(p), Proc.info(me).orElseThrow().links());
    assertEquals(List.of(me), Proc.info(p).orElseThrow().links());
    Proc.unlink(p);
    assertEquals(List.of(), Proc.info(me).orElseThrow().links());
    Proc.exit(p, ExitReason.kill());
  }

  @RepeatedTest(50)
  void linkingToADeadPidGivesATrappingCallerNoproc() {
    Spawned dead = Proc.spawnMonitor(() -> {});
    down(dead);
    Proc.trapExits(true);
    Proc.link(dead.pid());
    assertEquals(new Exit(dead.pid(), ExitReason.noproc()), exitFrom(dead.pid()));
    assertTrue(Proc.info(Proc.self()).isPresent(), "the trapping caller lives on");
  }

  @RepeatedTest(50)
  void linkingToADeadPidKillsANonTrappingProcessWithNoproc() {
    Spawned dead = Proc.spawnMonitor(() -> {});
    down(dead);
    AtomicBoolean after = new AtomicBoolean();
    Spawned linker = Proc.spawnMonitor(() -> {
      Proc.link(dead.pid());
      after.set(true); // must not run: the noproc signal kills the caller inside link
    });
    assertEquals(ExitReason.noproc(), down(linker).reason());
    assertFalse(after.get(), "link to a dead pid returned into a process that the noproc signal killed");
  }

  @RepeatedTest(50)
  void linkingToADeadPidFromAPlainThreadThrowsNoproc() {
    Spawned dead = Proc.spawnMonitor(() -> {});
    down(dead);
    ExitException e = assertThrows(ExitException.class, () -> Proc.link(dead.pid()));
    assertEquals(ExitReason.noproc(), e.reason());
  }

  @RepeatedTest(50)
  void eachLinkFiresExactlyOnce() throws InterruptedException {
    Proc.trapExits(true);
    Pid p = Proc.spawnLink(idle());
    // Many killers at once; the link still delivers one Exit.
    List<Thread> killers = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 4; i++) {
      ExitReason reason = i % 2 == 0 ? ExitReason.kill() : ExitReason.of("killer-" + i);
      killers.add(Thread.ofVirtual().start(() -> {
        await(start, "the start signal");
        try (var k = Proc.adopt()) {
          Proc.exit(p, reason);
        }
      }));
    }
    start.countDown();
    for (Thread t : killers) {
      t.join(WAIT.toMillis());
    }
    exitFrom(p);
    noMessage(m -> m instanceof Exit e && e.from().equals(p), Duration.ZERO, "a second Exit from one link");
  }

  @Test
  void exitArgumentsAreChecked() {
    NullPointerException e1 = assertThrows(NullPointerException.class, () -> Proc.exit(null, ExitReason.kill()));
    assertTrue(e1.getMessage().contains("target"), e1.getMessage());
    NullPointerException e2 = assertThrows(NullPointerException.class, () -> Proc.exit(Proc.self(), null));
    assertTrue(e2.getMessage().contains("reason"), e2.getMessage());
  }
}
