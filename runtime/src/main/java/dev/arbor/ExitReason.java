package dev.arbor;

import java.util.Objects;

/**
 * Why a process exited, as Erlang's exit reasons: {@code normal}, {@code shutdown}, {@code {shutdown,
 * Term}}, {@code kill}, {@code killed}, {@code noproc}, {@code timeout}, {@code noconnection}, any
 * other term, or a crash carrying its {@link Throwable}.
 *
 * <p>Value-based: two reasons are equal when their kind and term are equal (a crash compares its
 * throwable by identity).
 */
public final class ExitReason {

  /** The kinds of reason. {@link #OTHER} carries a term; {@link #CRASH} carries a throwable. */
  public enum Kind {
    NORMAL, SHUTDOWN, KILL, KILLED, NOPROC, TIMEOUT, NOCONNECTION, OTHER, CRASH
  }

  private static final ExitReason NORMAL = new ExitReason(Kind.NORMAL, null);
  private static final ExitReason SHUTDOWN = new ExitReason(Kind.SHUTDOWN, null);
  private static final ExitReason KILL = new ExitReason(Kind.KILL, null);
  private static final ExitReason KILLED = new ExitReason(Kind.KILLED, null);
  private static final ExitReason NOPROC = new ExitReason(Kind.NOPROC, null);
  private static final ExitReason TIMEOUT = new ExitReason(Kind.TIMEOUT, null);
  private static final ExitReason NOCONNECTION = new ExitReason(Kind.NOCONNECTION, null);

  private final Kind kind;
  private final Object term;

  private ExitReason(Kind kind, Object term) {
    this.kind = kind;
    this.term = term;
  }

  /** The process finished its work. Linked processes ignore it unless they trap exits. */
  public static ExitReason normal() {
    return NORMAL;
  }

  /** An orderly stop asked for by a supervisor or the application. */
  public static ExitReason shutdown() {
    return SHUTDOWN;
  }

  /** Erlang's {@code {shutdown, Term}}: an orderly stop with a detail; as clean as {@link #shutdown()}. */
  public static ExitReason shutdown(Object detail) {
    return new ExitReason(Kind.SHUTDOWN, Objects.requireNonNull(detail, "detail"));
  }

  /** Sent with {@code Proc.exit(pid, kill)}: cannot be trapped; links and monitors then see {@link #killed()}. */
  public static ExitReason kill() {
    return KILL;
  }

  /** What links and monitors see of a process that was killed. */
  public static ExitReason killed() {
    return KILLED;
  }

  /** The process did not exist (a monitor of a dead pid, a call to an unregistered name). */
  public static ExitReason noproc() {
    return NOPROC;
  }

  /** A deadline passed. */
  public static ExitReason timeout() {
    return TIMEOUT;
  }

  /** Reserved for distribution: the connection to the process's node was lost. */
  public static ExitReason noconnection() {
    return NOCONNECTION;
  }

  /** Any other abnormal reason, such as an atom-like string or a record. */
  public static ExitReason of(Object term) {
    return new ExitReason(Kind.OTHER, Objects.requireNonNull(term, "term"));
  }

  /** A crash: the process's code threw {@code cause}. */
  public static ExitReason crash(Throwable cause) {
    return new ExitReason(Kind.CRASH, Objects.requireNonNull(cause, "cause"));
  }

  public Kind kind() {
    return kind;
  }

  /** The detail of {@code shutdown(detail)}, the term of {@code of(term)}, the throwable of a crash; else null. */
  public Object term() {
    return term;
  }

  /** The throwable of a crash, else null. */
  public Throwable cause() {
    return kind == Kind.CRASH ? (Throwable) term : null;
  }

  public boolean isNormal() {
    return kind == Kind.NORMAL;
  }

  /**
   * Whether this reason is a clean exit in OTP's sense ({@code normal}, {@code shutdown} or {@code
   * {shutdown, _}}): the ones after which a {@code TRANSIENT} child is not restarted and no crash is
   * reported.
   */
  public boolean isClean() {
    return kind == Kind.NORMAL || kind == Kind.SHUTDOWN;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExitReason other) || other.kind != kind) {
      return false;
    }
    return kind == Kind.CRASH ? term == other.term : Objects.equals(term, other.term);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + (kind == Kind.CRASH ? System.identityHashCode(term) : Objects.hashCode(term));
  }

  /**
   * As a Java reader reads it: {@code normal}, {@code shutdown: detail}, {@code crash:
   * java.lang.IllegalStateException: boom}, an other reason's term as its {@code toString}. Reports
   * and exception messages use this form; {@link #toErlangString()} gives Erlang's.
   */
  @Override
  public String toString() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return switch (kind) {
      case SHUTDOWN -> term == null ? name : "shutdown: " + term;
      case OTHER -> String.valueOf(term);
      case CRASH -> "crash: " + term;
      default -> name;
    };
  }

  /**
   * Erlang's term syntax, for readers who think in it: {@code normal}, {@code {shutdown,detail}},
   * {@code {crash,java.lang.IllegalStateException: boom}}.
   */
  public String toErlangString() {
    return switch (kind) {
      case SHUTDOWN -> term == null ? "shutdown" : "{shutdown," + term + "}";
      case CRASH -> "{crash," + term + "}";
      default -> toString();
    };
  }
}
