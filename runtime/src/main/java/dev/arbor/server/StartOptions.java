package dev.arbor.server;

import dev.arbor.Name;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server starts: under a name or not, how long {@code start} waits for {@code @Init}, and
 * whether it hibernates when idle (OTP's {@code hibernate_after}). Immutable.
 */
public final class StartOptions {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final StartOptions DEFAULTS = new StartOptions(null, DEFAULT_TIMEOUT, null);

  private final Name name;
  private final Duration timeout;
  private final Duration hibernateAfter;

  private StartOptions(Name name, Duration timeout, Duration hibernateAfter) {
    this.name = name;
    this.timeout = timeout;
    this.hibernateAfter = hibernateAfter;
  }

  /** No name, a 5 s start timeout, no hibernation. */
  public static StartOptions defaults() {
    return DEFAULTS;
  }

  /** Registers the server under the local name {@code name}. */
  public static StartOptions named(String name) {
    return DEFAULTS.name(Name.local(Objects.requireNonNull(name, "name")));
  }

  /** Registers the server under {@code name} (local or via a registry). */
  public static StartOptions named(Name name) {
    return DEFAULTS.name(name);
  }

  public StartOptions name(Name name) {
    Objects.requireNonNull(name, "name");
    if (!(name instanceof Name.Local) && !(name instanceof Name.Via)) {
      throw new IllegalArgumentException("a server can only be registered under a local or via name, not " + name);
    }
    return new StartOptions(name, timeout, hibernateAfter);
  }

  /** How long {@code start} waits for the constructor and {@code @Init}. */
  public StartOptions timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return new StartOptions(name, timeout, hibernateAfter);
  }

  /** Releases the server's thread after it has been idle this long; the next message resumes it. */
  public StartOptions hibernateAfter(Duration idle) {
    Objects.requireNonNull(idle, "idle");
    if (idle.isNegative()) {
      throw new IllegalArgumentException("hibernateAfter must not be negative: " + idle);
    }
    return new StartOptions(name, timeout, idle);
  }

  /** The name, or null. */
  public Name name() {
    return name;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The idle time before hibernation, or null for never. */
  public Duration hibernateAfter() {
    return hibernateAfter;
  }
}
