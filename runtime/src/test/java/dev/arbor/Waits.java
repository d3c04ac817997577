package dev.arbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Bounded waits for the runtime's tests. Every wait ends with a clear failure after {@link #WAIT};
 * none sleeps to let an event happen: tests wait on messages, monitors or latches, and poll only for
 * conditions nothing can announce.
 */
public final class Waits {
  /** Long enough never to fire on a healthy run, short enough to fail fast when something hangs. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  private Waits() {}

  /** The next message, whatever it is. */
  static Object next() {
    return Proc.receive(WAIT).orElseThrow(() -> new AssertionError("no message within " + WAIT));
  }

  /** The oldest message of {@code type}, leaving the others. */
  static <T> T next(Class<T> type) {
    return Proc.receive(type, WAIT).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " within " + WAIT));
  }

  /** The oldest message equal to {@code expected}, leaving the others. */
  static void expect(Object expected) {
    Optional<Object> got = Proc.receive(m -> m.equals(expected), WAIT);
    assertTrue(got.isPresent(), () -> "no message " + expected + " within " + WAIT);
  }

  /** The {@link Down} of monitor {@code ref}. */
  static Down down(Ref ref) {
    Object m = Proc.receive(msg -> msg instanceof Down d && d.ref().equals(ref), WAIT)
        .orElseThrow(() -> new AssertionError("no Down for " + ref + " within " + WAIT));
    return (Down) m;
  }

  /** The {@link Down} of a process spawned with {@code spawnMonitor}; checks it names that process. */
  static Down down(Spawned spawned) {
    Down d = down(spawned.ref());
    assertEquals(spawned.pid(), d.pid());
    return d;
  }

  /** The {@link Exit} message from {@code from} (the caller must trap exits). */
  static Exit exitFrom(Pid from) {
    Object m = Proc.receive(msg -> msg instanceof Exit e && e.from().equals(from), WAIT)
        .orElseThrow(() -> new AssertionError("no Exit from " + from + " within " + WAIT));
    return (Exit) m;
  }

  /** Checks that no message {@code match} accepts arrives within {@code window}: for what must not happen. */
  static void noMessage(Predicate<Object> match, Duration window, String what) {
    Optional<Object> got = Proc.receive(match, window);
    got.ifPresent(m -> fail(what + ", but got " + m));
  }

  static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("timed out after " + WAIT + " waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what, e);
    }
  }

  /** Polls {@code condition} until it holds; only for conditions that no message or latch can announce. */
  public static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("timed out after " + WAIT + " waiting until " + what);
      }
      LockSupport.parkNanos(200_000);
    }
  }
}
