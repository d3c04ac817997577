package dev.arbor;

import static dev.arbor.Waits.WAIT;
import static dev.arbor.Waits.await;
import static dev.arbor.Waits.down;
import static dev.arbor.Waits.eventually;
import static dev.arbor.Waits.expect;
import static dev.arbor.Waits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Spawning, sending and receiving: Erlang's {@code spawn}, {@code !} and {@code receive}. */
@ExtendWith(WithIdentity.class)
class MessagesTest {

  record Tagged(int sender, int seq) {}

  @RepeatedTest(50)
  void spawnRunsTheBodyAsANewProcess() {
    Pid me = Proc.self();
    Pid child = Proc.spawn(() -> me.send(Proc.self()));
    assertNotEquals(me, child);
    assertEquals(child, next());
  }

  @RepeatedTest(50)
  void spawnedProcessesAreNotLinkedNorMonitored() {
    Pid child = Proc.spawn(() -> Proc.receive());
    ProcessInfo info = Proc.info(child).orElseThrow();
    assertEquals(List.of(), info.links());
    assertEquals(List.of(), info.monitoredBy());
    Proc.exit(child, ExitReason.kill());
    assertEquals(List.of(), Proc.info(Proc.self()).orElseThrow().links());
  }

  @RepeatedTest(50)
  void spawnLinkIsLinkedBeforeTheBodyRuns() {
    Pid me = Proc.self();
    Pid child = Proc.spawnLink(() -> me.send(Proc.info(Proc.self()).orElseThrow().links()));
    assertEquals(List.of(me), next());
    assertNotEquals(me, child);
  }

  @RepeatedTest(50)
  void spawnMonitorIsMonitoredBeforeTheBodyRuns() {
    // The body exits at once: the monitor must still see it, with the body's own reason.
    Spawned s = Proc.spawnMonitor(() -> Proc.exit(ExitReason.of("early")));
    Down d = down(s);
    assertEquals(ExitReason.of("early"), d.reason());
  }

  @RepeatedTest(50)
  void spawnWithOptionsNamesAndTrapsFromTheFirstInstruction() {
    Pid me = Proc.self();
    String name = "spawned-" + System.nanoTime();
    Pid child = Proc.spawn(SpawnOptions.defaults().name(name).trapExits(true), () -> {
      me.send(Proc.info(Proc.self()).orElseThrow());
      Proc.receive();
    });
    ProcessInfo info = next(ProcessInfo.class);
    assertEquals(name, info.name());
    assertTrue(info.trapExits());
    Proc.exit(child, ExitReason.kill());
  }

  @RepeatedTest(50)
  void sendToADeadPidNeitherBlocksNorFails() {
    Spawned s = Proc.spawnMonitor(() -> {});
    down(s);
    assertFalse(s.pid().isAlive());
    Proc.send(s.pid(), "into the void");
    s.pid().send("again");
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @RepeatedTest(50)
  void sendNeverBlocksOnABusyReceiver() {
    CountDownLatch release = new CountDownLatch(1);
    Pid busy = Proc.spawn(() -> await(release, "the test to release the busy process"));
    for (int i = 0; i < 10_000; i++) {
      busy.send(i);
    }
    assertEquals(10_000, Proc.info(busy).orElseThrow().mailboxLength());
    release.countDown();
  }

  @RepeatedTest(50)
  void receiveWithTimeoutReturnsEmptyWhenNothingArrives() {
    long start = System.nanoTime();
    assertEquals(Optional.empty(), Proc.receive(Duration.ofMillis(20)));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(20).toNanos(), "returned before the timeout");
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @RepeatedTest(20)
  void receiveWithAnEnormousTimeoutWaitsInsteadOfOverflowing() {
    Pid me = Proc.self();
    for (Duration forever : List.of(ChronoUnit.FOREVER.getDuration(), Duration.ofNanos(Long.MAX_VALUE))) {
      Pid p = Proc.spawn(() -> me.send(Proc.receive(forever)));
      eventually(p + " waits", () -> Proc.info(p).map(i -> i.status() == ProcessInfo.Status.WAITING).orElse(false));
      p.send("worth the wait");
      assertEquals(Optional.of("worth the wait"), next());
    }
  }

  @RepeatedTest(50)
  void receiveWithTimeoutReturnsAMessageThatArrivesWhileWaiting() {
    Pid me = Proc.self();
    Proc.spawn(() -> me.send("late"));
    assertEquals(Optional.of("late"), Proc.receive(WAIT));
  }

  @RepeatedTest(50)
  void messagesFromOneSenderArriveInOrder() {
    Pid me = Proc.self();
    Proc.spawn(() -> {
      for (int i = 0; i < 1000; i++) {
        me.send(i);
      }
    });
    for (int i = 0; i < 1000; i++) {
      assertEquals(i, next());
    }
  }

  @RepeatedTest(50)
  void selectiveReceiveKeepsOtherMessagesInOrder() {
    Pid me = Proc.self();
    me.send("a");
    me.send(1);
    me.send("b");
    me.send(2);
    me.send("c");
    assertEquals(Optional.of(2), Proc.receive(m -> m.equals(2), Duration.ZERO));
    assertEquals(Optional.of(1), Proc.receive(Integer.class, Duration.ZERO));
    assertEquals(Optional.of("b"), Proc.receive(m -> m.equals("b"), Duration.ZERO));
    assertEquals(Optional.empty(), Proc.receive(Integer.class, Duration.ZERO));
    me.send(3);
    assertEquals("a", next());
    assertEquals("c", next());
    assertEquals(3, next());
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @RepeatedTest(50)
  void selectiveReceiveByClassWaitsForAMatchWhileOthersPileUp() {
    Pid me = Proc.self();
    Proc.spawn(() -> {
      me.send("first");
      me.send("second");
      me.send(42);
      me.send("third");
    });
    assertEquals(42, Proc.receive(Integer.class, WAIT).orElseThrow());
    assertEquals(List.of("first", "second", "third"), List.of(next(), next(), next()));
  }

  @RepeatedTest(50)
  void selectiveReceiveByPredicateTimesOutLeavingEverything() {
    Pid me = Proc.self();
    me.send("x");
    me.send("y");
    assertEquals(Optional.empty(), Proc.receive(m -> m.equals("z"), Duration.ofMillis(5)));
    assertEquals(2, Proc.info(me).orElseThrow().mailboxLength());
    expect("x");
    expect("y");
  }

  @RepeatedTest(20)
  void selectiveReceiveInAProcessLeavesTheRestForLater() {
    Pid me = Proc.self();
    Pid p = Proc.spawn(() -> {
      List<Object> order = new ArrayList<>();
      order.add(Proc.receive(m -> m.equals("go"), WAIT).orElseThrow());
      for (int i = 0; i < 3; i++) {
        order.add(Proc.receive());
      }
      me.send(order);
    });
    p.send(1);
    p.send(2);
    p.send("go");
    p.send(3);
    assertEquals(List.of("go", 1, 2, 3), next());
  }

  @Test
  void receivedObjectsAreTheSentObjects() {
    Object payload = new Object();
    Proc.self().send(payload);
    assertSame(payload, next());
  }
}
