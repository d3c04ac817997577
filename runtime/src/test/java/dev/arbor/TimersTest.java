package dev.arbor;

import static dev.arbor.Waits.down;
import static dev.arbor.Waits.expect;
import static dev.arbor.Waits.next;
import static dev.arbor.Waits.noMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.internal.Timers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code sendAfter}, {@code sendInterval} and {@code cancelTimer}: Erlang's {@code send_after} and friends. */
@ExtendWith(WithIdentity.class)
class TimersTest {
  private static final Duration LONG = Duration.ofHours(1);
  private static final AtomicLong NAMES = new AtomicLong();

  private static Runnable idle() {
    return () -> {
      for (; ; ) {
        Proc.receive();
      }
    };
  }

  @RepeatedTest(50)
  void sendAfterDeliversOnceAfterTheDelay() {
    long start = System.nanoTime();
    TimerRef t = Proc.sendAfter(Proc.self(), "tick", Duration.ofMillis(5));
    assertEquals("tick", next());
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(5).toNanos(), "fired before its delay");
    assertFalse(t.isPending());
    assertFalse(Proc.cancelTimer(t), "a fired one-shot timer is no longer pending");
  }

  @RepeatedTest(50)
  void sendAfterWithZeroDelayDeliversAtOnce() {
    Proc.sendAfter(Proc.self(), "now", Duration.ZERO);
    assertEquals("now", next());
  }

  @RepeatedTest(5)
  void sendAfterToANameResolvesTheNameWhenItFires() {
    String name = "timers-test-" + NAMES.incrementAndGet();
    // Nobody holds the name when the timer starts; the test thread takes it long before it fires.
    Proc.sendAfter(name, "to whoever holds it", Duration.ofMillis(100));
    Proc.register(name, Proc.self());
    assertEquals("to whoever holds it", next());
    Proc.unregister(name);
  }

  @RepeatedTest(20)
  void sendIntervalRepeatsUntilCancelled() {
    TimerRef t = Proc.sendInterval(Proc.self(), "tick", Duration.ofMillis(1));
    for (int i = 0; i < 3; i++) {
      assertEquals("tick", next());
    }
    assertTrue(t.isPending());
    assertTrue(Proc.cancelTimer(t));
    assertFalse(Proc.cancelTimer(t), "cancelled twice");
    assertFalse(t.isPending());
    Proc.self().send("marker");
    while (!next().equals("marker")) {
      // ticks sent before the cancel may still be queued
    }
    noMessage(m -> true, Duration.ofMillis(10), "no tick after cancelTimer returned");
  }

  @RepeatedTest(50)
  void noTickArrivesAfterCancelTimerReturns() {
    TimerRef t = Proc.sendInterval(Proc.self(), "tick", Duration.ofNanos(10_000));
    assertEquals("tick", next());
    assertTrue(Proc.cancelTimer(t));
    Proc.self().send("marker");
    while (!next().equals("marker")) {
      // earlier ticks
    }
    noMessage(m -> true, Duration.ofMillis(2), "a tick arrived after cancelTimer returned");
  }

  @RepeatedTest(20)
  void anIntervalTimerThatFiresBeforeSendIntervalReturnsKeepsTicking() {
    Pid me = Proc.self();
    for (int i = 0; i < 20; i++) {
      int tag = i;
      // With a microsecond period the first tick races the call that schedules the timer.
      TimerRef t = Proc.sendInterval(me, tag, Duration.ofNanos(1_000));
      for (int ticks = 0; ticks < 3; ticks++) {
        assertEquals(Optional.of(tag), Proc.receive(m -> m.equals(tag), Waits.WAIT), "tick " + ticks + " of timer " + tag);
      }
      assertTrue(Proc.cancelTimer(t));
    }
    Proc.self().send("marker");
    while (!next().equals("marker")) {
      // ticks sent before their timer was cancelled
    }
  }

  @RepeatedTest(50)
  void cancelTimerSaysWhetherTheTimerWasStillPending() {
    TimerRef pending = Proc.sendAfter(Proc.self(), "never", LONG);
    assertTrue(pending.isPending());
    assertTrue(Proc.cancelTimer(pending));
    assertFalse(Proc.cancelTimer(pending));
    TimerRef fired = Proc.sendAfter(Proc.self(), "fired", Duration.ZERO);
    expect("fired");
    assertFalse(Proc.cancelTimer(fired));
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @RepeatedTest(50)
  void timersDieWithTheirDestination() {
    Pid target = Proc.spawn(idle());
    long before = Timers.pending();
    TimerRef once = Proc.sendAfter(target, "once", LONG);
    TimerRef every = Proc.sendInterval(target, "every", LONG);
    assertEquals(2, Proc.info(target).orElseThrow().timers());
    assertEquals(before + 2, Timers.pending());
    Proc.exit(target, ExitReason.kill());
    // Cancelled by the exit itself, before exit(pid, kill) returns.
    assertFalse(once.isPending());
    assertFalse(every.isPending());
    assertEquals(before, Timers.pending());
    assertFalse(Proc.cancelTimer(once));
    assertFalse(Proc.cancelTimer(every));
  }

  @RepeatedTest(50)
  void aTimerAimedAtADeadPidIsCancelledAtOnce() {
    Spawned dead = Proc.spawnMonitor(() -> {});
    down(dead);
    long before = Timers.pending();
    TimerRef t = Proc.sendAfter(dead.pid(), "late", LONG);
    assertFalse(t.isPending());
    assertFalse(Proc.cancelTimer(t));
    assertEquals(before, Timers.pending());
  }

  @RepeatedTest(50)
  void theCreatorsExitCancelsNothing() {
    Pid me = Proc.self();
    Spawned creator = Proc.spawnMonitor(() -> Proc.sendAfter(me, "from the departed", Duration.ofMillis(2)));
    down(creator);
    assertEquals("from the departed", next());
  }

  @RepeatedTest(50)
  void procInfoCountsPendingTimers() {
    Pid me = Proc.self();
    assertEquals(0, Proc.info(me).orElseThrow().timers());
    TimerRef a = Proc.sendAfter(me, "a", LONG);
    TimerRef b = Proc.sendInterval(me, "b", LONG);
    Proc.sendAfter(me, "c", Duration.ZERO);
    expect("c");
    assertEquals(2, Proc.info(me).orElseThrow().timers(), "a fired one-shot timer is no longer counted");
    Proc.cancelTimer(a);
    assertEquals(1, Proc.info(me).orElseThrow().timers());
    Proc.cancelTimer(b);
    assertEquals(0, Proc.info(me).orElseThrow().timers());
  }

  @Test
  void badTimerArgumentsAreRejectedNamingTheArgument() {
    Pid me = Proc.self();
    me.send("kept");
    assertMessage(IllegalArgumentException.class, "delay", () -> Proc.sendAfter(me, "x", Duration.ofMillis(-1)));
    assertMessage(NullPointerException.class, "delay", () -> Proc.sendAfter(me, "x", null));
    assertMessage(IllegalArgumentException.class, "period", () -> Proc.sendInterval(me, "x", Duration.ZERO));
    assertMessage(IllegalArgumentException.class, "period", () -> Proc.sendInterval("n", "x", Duration.ofMillis(-5)));
    assertMessage(NullPointerException.class, "message", () -> Proc.sendAfter(me, null, LONG));
    assertMessage(NullPointerException.class, "to", () -> Proc.sendAfter((Pid) null, "x", LONG));
    assertMessage(NullPointerException.class, "name", () -> Proc.sendAfter((String) null, "x", LONG));
    assertMessage(NullPointerException.class, "timer", () -> Proc.cancelTimer(null));
    assertEquals(0, Proc.info(me).orElseThrow().timers(), "a rejected timer was started");
    assertEquals("kept", next());
  }

  private static void assertMessage(Class<? extends RuntimeException> type, String argument,
      org.junit.jupiter.api.function.Executable call) {
    RuntimeException e = assertThrows(type, call);
    assertTrue(e.getMessage() != null && e.getMessage().contains(argument),
        "expected the message to name '" + argument + "': " + e.getMessage());
  }
}
