package dev.arbor.supervisor;

import dev.arbor.Pid;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a supervisor starts, restarts and stops one child (OTP's child specification). Immutable; the
 * {@code with...} methods return changed copies. Generated clients' {@code childSpec(...)} methods
 * build these.
 */
public final class ChildSpec {

  /** When a child that exited is restarted. */
  public enum Restart {
    /** Always. */
    PERMANENT,
    /** Only after an abnormal exit (anything but normal, shutdown or {shutdown, _}). */
    TRANSIENT,
    /** Never. */
    TEMPORARY
  }

  /** Whether the child is a worker or a supervisor (which gets {@link Shutdown#infinity()} by default). */
  public enum Type {
    WORKER,
    SUPERVISOR
  }

  /** Starts the child linked to the calling supervisor; empty when the child chose to ignore the start. */
  @FunctionalInterface
  public interface Start {
    Optional<Pid> start() throws Throwable;
  }

  /** How a supervisor stops the child. */
  public sealed interface Shutdown {
    /** Kill at once, untrappably. */
    static Shutdown brutalKill() {
      return BrutalKill.INSTANCE;
    }

    /**
     * Send {@code shutdown}, wait up to {@code timeout} for the exit, then kill. Zero is allowed, as
     * in OTP: a child that traps exits gets no grace and is killed unless it is already gone.
     */
    static Shutdown timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("shutdown timeout must not be negative: " + timeout);
      }
      return new Timeout(timeout);
    }

    /** Send {@code shutdown} and wait as long as it takes (the default for supervisors). */
    static Shutdown infinity() {
      return Infinity.INSTANCE;
    }

    /** See {@link Shutdown#brutalKill()}. */
    enum BrutalKill implements Shutdown {
      INSTANCE;

      @Override
      public String toString() {
        return "brutal_kill";
      }
    }

    /** See {@link Shutdown#infinity()}. */
    enum Infinity implements Shutdown {
      INSTANCE;

      @Override
      public String toString() {
        return "infinity";
      }
    }

    /** See {@link Shutdown#timeout(Duration)}. */
    record Timeout(Duration timeout) implements Shutdown {
      @Override
      public String toString() {
        return timeout.toMillis() + " ms";
      }
    }
  }

  private static final Shutdown WORKER_SHUTDOWN = Shutdown.timeout(Duration.ofSeconds(5));

  private final String id;
  private final Start start;
  private final Restart restart;
  private final Shutdown shutdown;
  private final Type type;
  private final boolean significant;

  private ChildSpec(String id, Start start, Restart restart, Shutdown shutdown, Type type, boolean significant) {
    this.id = id;
    this.start = start;
    this.restart = restart;
    this.shutdown = shutdown;
    this.type = type;
    this.significant = significant;
  }

  /** A permanent worker, stopped with a 5 s shutdown timeout. */
  public static ChildSpec worker(String id, Start start) {
    return new ChildSpec(requireId(id), Objects.requireNonNull(start, "start"), Restart.PERMANENT, WORKER_SHUTDOWN,
        Type.WORKER, false);
  }

  /** A permanent supervisor child, stopped with {@link Shutdown#infinity()}. */
  public static ChildSpec supervisor(String id, Start start) {
    return new ChildSpec(requireId(id), Objects.requireNonNull(start, "start"), Restart.PERMANENT,
        Shutdown.infinity(), Type.SUPERVISOR, false);
  }

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("a child id must not be empty");
    }
    return id;
  }

  public ChildSpec withId(String id) {
    return new ChildSpec(requireId(id), start, restart, shutdown, type, significant);
  }

  /** The same child with another start function (a partition supervisor wraps each child's start this way). */
  public ChildSpec withStart(Start start) {
    return new ChildSpec(id, Objects.requireNonNull(start, "start"), restart, shutdown, type, significant);
  }

  public ChildSpec withRestart(Restart restart) {
    return new ChildSpec(id, start, Objects.requireNonNull(restart, "restart"), shutdown, type, significant);
  }

  public ChildSpec withShutdown(Shutdown shutdown) {
    return new ChildSpec(id, start, restart, Objects.requireNonNull(shutdown, "shutdown"), type, significant);
  }

  public ChildSpec withType(Type type) {
    return new ChildSpec(id, start, restart, shutdown, Objects.requireNonNull(type, "type"), significant);
  }

  /** Marks the child significant for a supervisor's auto-shutdown (it must not be permanent). */
  public ChildSpec withSignificant(boolean significant) {
    return new ChildSpec(id, start, restart, shutdown, type, significant);
  }

  public String id() {
    return id;
  }

  public Start start() {
    return start;
  }

  public Restart restart() {
    return restart;
  }

  public Shutdown shutdown() {
    return shutdown;
  }

  public Type type() {
    return type;
  }

  public boolean significant() {
    return significant;
  }

  @Override
  public String toString() {
    return "ChildSpec[id=" + id + ", restart=" + restart + ", shutdown=" + shutdown + ", type=" + type
        + (significant ? ", significant" : "") + "]";
  }
}
