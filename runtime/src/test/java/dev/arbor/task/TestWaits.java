package dev.arbor.task;

import static org.junit.jupiter.api.Assertions.fail;

import dev.arbor.Down;
import dev.arbor.Exit;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Bounded waits for the registry, task and agent tests: on messages, monitors and latches, each
 * failing clearly after {@link #WAIT}; never a sleep.
 */
public final class TestWaits {
  /** Long enough never to fire on a healthy run, short enough to fail fast when something hangs. */
  public static final Duration WAIT = Duration.ofSeconds(10);

  private TestWaits() {}

  /** The oldest message of {@code type}, leaving the others. */
  public static <T> T next(Class<T> type) {
    return Proc.receive(type, WAIT).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " within " + WAIT));
  }

  /** The oldest message {@code match} accepts, leaving the others. */
  public static Object next(Predicate<Object> match, String what) {
    return Proc.receive(match, WAIT).orElseThrow(() -> new AssertionError("no " + what + " within " + WAIT));
  }

  /** The oldest message equal to {@code expected}. */
  public static void expect(Object expected) {
    next(m -> m.equals(expected), "message " + expected);
  }

  /** The {@link Down} of monitor {@code ref}. */
  public static Down down(Ref ref) {
    return (Down) next(m -> m instanceof Down d && d.ref().equals(ref), "Down for " + ref);
  }

  /** Monitors {@code pid} and waits for its {@link Down}. */
  public static Down downOf(Pid pid) {
    return down(Proc.monitor(pid));
  }

  /** The {@link Exit} from {@code from} (the caller must trap exits). */
  public static Exit exitFrom(Pid from) {
    return (Exit) next(m -> m instanceof Exit e && e.from().equals(from), "Exit from " + from);
  }

  /** Checks that no message {@code match} accepts arrives within {@code window}. */
  public static void noMessage(Predicate<Object> match, Duration window, String what) {
    Optional<Object> got = Proc.receive(match, window);
    got.ifPresent(m -> fail(what + ", but got " + m));
  }

  public static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("timed out after " + WAIT + " waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + what, e);
    }
  }
}
