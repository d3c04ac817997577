package dev.arbor.supervisor;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.server.StartException;
import dev.arbor.supervisor.Requests.CountChildren;
import dev.arbor.supervisor.Requests.DeleteChild;
import dev.arbor.supervisor.Requests.RestartChild;
import dev.arbor.supervisor.Requests.StartChild;
import dev.arbor.supervisor.Requests.Subscribe;
import dev.arbor.supervisor.Requests.TerminateChild;
import dev.arbor.supervisor.Requests.Unsubscribe;
import dev.arbor.supervisor.Requests.WhichChildren;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OTP's supervisor: a process that starts children in order, restarts them by its {@link
 * SupervisorSpec.Strategy strategy} when they exit, gives up (stopping every child newest first and
 * exiting with {@code shutdown}) past its restart intensity, and stops its children in reverse order
 * when it stops. It is a GenServer that traps exits, so supervisors nest: the one above sees a
 * supervisor that gave up as a child that exited with {@code shutdown}, and applies its own
 * strategy.
 *
 * <p>An instance is a handle: immutable, bound to a pid or to a name resolved at each call. Every
 * admin call waits as long as the supervisor takes (OTP calls supervisors with {@code infinity}).
 */
public final class Supervisor {
  private final Target target;

  private Supervisor(Target target) {
    this.target = target;
  }

  // ------------------------------------------------------------------ starting

  /**
   * Starts a supervisor, not linked to the caller, and returns once every child has started. It is
   * top-level: {@link dev.arbor.Arbor#awaitTermination()} waits for it and the JVM shutdown hook stops it.
   *
   * @throws IllegalArgumentException if a child spec is invalid (nothing is started then)
   * @throws StartException if a child failed to start, naming the child, with its failure as cause;
   *     the children started before it have been stopped, newest first
   */
  public static Supervisor start(SupervisorSpec spec) {
    return start(spec, false);
  }

  /**
   * Starts a supervisor linked to the caller. From a supervisor (through {@link #childSpec}), this
   * makes it a child; from anywhere else it is top-level, like {@link #start}. A failed start does
   * not signal the caller.
   */
  public static Supervisor startLink(SupervisorSpec spec) {
    return start(spec, true);
  }

  private static Supervisor start(SupervisorSpec spec, boolean link) {
    Objects.requireNonNull(spec, "spec");
    spec.validate();
    boolean topLevel = SupervisorServer.topLevel(link);
    Pid pid = SupervisorServer.start(SupervisorServer.STATIC, spec.name(), () -> SupervisorState.of(spec, topLevel),
        link);
    return new Supervisor(Target.of(SupervisorServer.STATIC, pid));
  }

  /**
   * A child spec that runs a supervisor under another one: type {@code SUPERVISOR}, shutdown {@code
   * infinity} so its subtree has all the time it needs; the id is the spec's name, else {@code
   * "supervisor"}.
   */
  public static ChildSpec childSpec(SupervisorSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return childSpec(spec.name() != null ? spec.name().toString() : "supervisor", spec);
  }

  /** {@link #childSpec(SupervisorSpec)} with an explicit id. */
  public static ChildSpec childSpec(String id, SupervisorSpec spec) {
    Objects.requireNonNull(spec, "spec");
    spec.validate();
    return ChildSpec.supervisor(id, () -> Optional.of(startLink(spec).pid()));
  }

  // ------------------------------------------------------------------ finding one

  /**
   * A handle to the supervisor running as {@code pid} (any kind: static, dynamic or partition).
   *
   * @throws IllegalArgumentException if {@code pid} is a live process that is not a supervisor
   */
  public static Supervisor of(Pid pid) {
    return new Supervisor(Target.of(SupervisorServer.STATIC, pid));
  }

  /** A handle to whatever supervisor is registered under {@code name} at each call. */
  public static Supervisor of(Name name) {
    return new Supervisor(Target.of(SupervisorServer.STATIC, name));
  }

  /**
   * The live top-level supervisors (not started as another supervisor's child), oldest first: those
   * {@link dev.arbor.Arbor#awaitTermination()} waits for and the shutdown hook stops, newest first.
   */
  public static List<Supervisor> topLevel() {
    return LiveSupervisors.topLevel().stream().map(Supervisor::of).toList();
  }

  /** Renders the live tree under {@code pid} as indented text: one line per child with its id, pid and type. */
  public static String tree(Pid pid) {
    return SupervisorTree.render(pid);
  }

  // ------------------------------------------------------------------ admin

  /** The supervisor's pid (for a name: the one registered now). */
  public Pid pid() {
    return target.pid();
  }

  /** Every child, in start order, with its pid if it runs (OTP's {@code which_children}). */
  @SuppressWarnings("unchecked")
  public List<ChildInfo> whichChildren() {
    return (List<ChildInfo>) target.call("whichChildren", new WhichChildren());
  }

  /** The children counted (OTP's {@code count_children}). */
  public ChildCounts countChildren() {
    return (ChildCounts) target.call("countChildren", new CountChildren());
  }

  /**
   * Adds a child after the others and starts it; returns its pid, or empty if its start chose to
   * ignore (the spec is then kept without a pid, unless it is temporary).
   *
   * @throws IllegalArgumentException if the spec is invalid for this supervisor
   * @throws IllegalStateException if a child with the same id exists
   * @throws StartException if the child failed to start (it is not added)
   */
  @SuppressWarnings("unchecked")
  public Optional<Pid> startChild(ChildSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return (Optional<Pid>) target.call("startChild", new StartChild(spec));
  }

  /**
   * Stops the child {@code id} as its spec's shutdown says; the spec stays (so {@link #restartChild}
   * can start it again), except a temporary child's.
   *
   * @throws IllegalArgumentException if there is no such child
   */
  public void terminateChild(String id) {
    target.call("terminateChild", new TerminateChild(Objects.requireNonNull(id, "id")));
  }

  /**
   * Starts again a child that is not running (stopped with {@link #terminateChild}, exited for good, or
   * ignored); returns its new pid, or empty if it ignored the start.
   *
   * @throws IllegalArgumentException if there is no such child
   * @throws IllegalStateException if it is running or restarting
   * @throws StartException if it failed to start
   */
  @SuppressWarnings("unchecked")
  public Optional<Pid> restartChild(String id) {
    return (Optional<Pid>) target.call("restartChild", new RestartChild(Objects.requireNonNull(id, "id")));
  }

  /**
   * Forgets the spec of a child that is not running.
   *
   * @throws IllegalArgumentException if there is no such child
   * @throws IllegalStateException if it is running or restarting
   */
  public void deleteChild(String id) {
    target.call("deleteChild", new DeleteChild(Objects.requireNonNull(id, "id")));
  }

  /**
   * Sends {@code subscriber} a {@link SupervisorEvent} message for every restart, start failure,
   * child stop and shutdown from now on, until it exits or {@link #unsubscribe}s.
   */
  public void subscribe(Pid subscriber) {
    target.call("subscribe", new Subscribe(Objects.requireNonNull(subscriber, "subscriber")));
  }

  public void unsubscribe(Pid subscriber) {
    target.call("unsubscribe", new Unsubscribe(Objects.requireNonNull(subscriber, "subscriber")));
  }

  /** Stops the supervisor with {@code normal}, after its children, newest first; waits as long as that takes. */
  public void stop() {
    target.stop(ExitReason.normal(), null);
  }

  /**
   * Stops the supervisor with {@code reason}, waiting up to {@code timeout} (forever when null);
   * past it, the supervisor is killed, and its children die through their links.
   *
   * @throws ExitException as {@code ServerRef.stop} does: {@code noproc} if it is not alive
   */
  public void stop(ExitReason reason, Duration timeout) {
    target.stop(Objects.requireNonNull(reason, "reason"), timeout);
  }

  /** Waits until the supervisor has exited, its children stopped. */
  public void awaitTermination() throws InterruptedException {
    target.awaitTermination(-1);
  }

  /** Waits at most {@code timeout} for the supervisor to exit; returns whether it did. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    return target.awaitTermination(Math.max(0, saturatedNanos(timeout)));
  }

  static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Supervisor s && s.target.equals(target);
  }

  @Override
  public int hashCode() {
    return target.hashCode();
  }

  @Override
  public String toString() {
    return "Supervisor[" + target + "]";
  }
}
