package dev.arbor.supervisor;

import static org.junit.jupiter.api.Assertions.fail;

import dev.arbor.Down;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Bounded waits on messages for the supervisor tests. None sleeps: each waits for a message that
 * announces what the test expects, and fails clearly after {@link #WAIT}.
 */
final class Expect {
  /** Long enough never to fire on a healthy run, even on a loaded two-core machine. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private Expect() {}

  /** The oldest message of {@code type}, leaving the others in order. */
  static <T> T next(Class<T> type) {
    return Proc.receive(type, WAIT).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " within " + WAIT));
  }

  /** The oldest message of {@code type} that {@code match} accepts, leaving the others in order. */
  static <T> T next(Class<T> type, Predicate<? super T> match, String what) {
    Optional<Object> got = Proc.receive(m -> type.isInstance(m) && match.test(type.cast(m)), WAIT);
    return type.cast(got.orElseThrow(() -> new AssertionError("no " + what + " within " + WAIT)));
  }

  /** The oldest event of {@code type} from {@code supervisor}. */
  static <T extends SupervisorEvent> T event(Class<T> type, Pid supervisor) {
    return next(type, e -> e.supervisor().equals(supervisor), type.getSimpleName() + " from " + supervisor);
  }

  /** The {@link Down} of monitor {@code ref}. */
  static Down down(Ref ref) {
    return next(Down.class, d -> d.ref().equals(ref), "Down for " + ref);
  }

  /**
   * Checks that no message {@code match} accepts is in the mailbox now. Only meaningful once a later
   * message has shown that any such message would already have arrived.
   */
  static void none(Predicate<Object> match, String what) {
    Proc.receive(match, Duration.ZERO).ifPresent(m -> fail("expected no " + what + ", but got " + m));
  }
}
