package dev.arbor.testkit;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * What a test running under {@link ArborTest} calls: ExUnit's {@code start_supervised}, {@code
 * assert_receive} and {@code refute_receive}. The receive assertions work for any thread with a
 * process identity; {@link #startSupervised} needs the extension.
 */
public final class Testkit {
  /** ExUnit's default for {@code assert_receive} and {@code refute_receive}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);

  private Testkit() {}

  /**
   * Starts {@code spec} under the test's own supervisor (one-for-one, started at the first call) and
   * returns its pid. Everything started this way is stopped, newest first, when the test ends, before
   * the leak check.
   *
   * @throws IllegalStateException outside a test run by {@link ArborExtension}, or if the child
   *     ignored its start
   */
  public static Pid startSupervised(ChildSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return ArborExtension.running().startSupervised(spec);
  }

  /** Stops the child started by {@link #startSupervised} with id {@code id} and forgets it. */
  public static void stopSupervised(String id) {
    Objects.requireNonNull(id, "id");
    ArborExtension.running().stopSupervised(id);
  }

  /** Waits up to {@link #DEFAULT_TIMEOUT} for a message of {@code type}, takes it and returns it. */
  public static <T> T assertReceive(Class<T> type) {
    return assertReceive(type, DEFAULT_TIMEOUT);
  }

  /**
   * Waits up to {@code timeout} for a message of {@code type} (other messages stay in the mailbox, in
   * order), takes it and returns it; fails naming the type and what the mailbox holds if none came.
   */
  public static <T> T assertReceive(Class<T> type, Duration timeout) {
    Objects.requireNonNull(type, "type");
    Optional<T> m = Proc.receive(type, timeout);
    if (m.isEmpty()) {
      throw new AssertionFailedError("expected a " + type.getName() + " within " + timeout + "; " + mailbox());
    }
    return m.get();
  }

  /** Waits up to {@link #DEFAULT_TIMEOUT} for a message that matches, takes it and returns it. */
  public static Object assertReceive(Predicate<Object> match) {
    return assertReceive(match, DEFAULT_TIMEOUT);
  }

  /** Waits up to {@code timeout} for a message that matches, takes it and returns it; fails if none came. */
  public static Object assertReceive(Predicate<Object> match, Duration timeout) {
    Objects.requireNonNull(match, "match");
    Optional<Object> m = Proc.receive(match, timeout);
    if (m.isEmpty()) {
      throw new AssertionFailedError("expected a matching message within " + timeout + "; " + mailbox());
    }
    return m.get();
  }

  /** Fails if a message of {@code type} arrives within {@link #DEFAULT_TIMEOUT}. */
  public static void refuteReceive(Class<?> type) {
    refuteReceive(type, DEFAULT_TIMEOUT);
  }

  /** Fails, naming the message, if a message of {@code type} is or arrives in the mailbox within {@code timeout}. */
  public static void refuteReceive(Class<?> type, Duration timeout) {
    Objects.requireNonNull(type, "type");
    Proc.receive(type, timeout).ifPresent(m -> {
      throw new AssertionFailedError("expected no " + type.getName() + " within " + timeout + " but received " + m);
    });
  }

  /** Fails if a matching message arrives within {@link #DEFAULT_TIMEOUT}. */
  public static void refuteReceive(Predicate<Object> match) {
    refuteReceive(match, DEFAULT_TIMEOUT);
  }

  /** Fails, naming the message, if a matching message is or arrives in the mailbox within {@code timeout}. */
  public static void refuteReceive(Predicate<Object> match, Duration timeout) {
    Objects.requireNonNull(match, "match");
    Proc.receive(match, timeout).ifPresent(m -> {
      throw new AssertionFailedError("expected no matching message within " + timeout + " but received " + m);
    });
  }

  private static String mailbox() {
    return Proc.info(Proc.self()).map(i -> "the mailbox holds " + i.mailboxLength() + " other message(s)")
        .orElse("the process has exited");
  }
}
