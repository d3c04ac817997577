package dev.arbor.supervisor;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.server.StartException;
import dev.arbor.supervisor.Requests.CountChildren;
import dev.arbor.supervisor.Requests.StartChild;
import dev.arbor.supervisor.Requests.Subscribe;
import dev.arbor.supervisor.Requests.TerminatePid;
import dev.arbor.supervisor.Requests.Unsubscribe;
import dev.arbor.supervisor.Requests.WhichChildren;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Elixir's DynamicSupervisor: starts with no children and takes them one at a time with {@link
 * #startChild}, each restarted on its own (one-for-one) by its restart type. A child that exits for
 * good is forgotten. On shutdown every child gets its signal at once and they stop concurrently, each
 * within its own shutdown timeout.
 *
 * <p>An instance is a handle: immutable, bound to a pid or a name resolved at each call.
 */
public final class DynamicSupervisor {
  private final Target target;

  private DynamicSupervisor(Target target) {
    this.target = target;
  }

  /** Starts a dynamic supervisor, not linked to the caller (top-level, as {@link Supervisor#start} is). */
  public static DynamicSupervisor start(DynamicSupervisorSpec spec) {
    return start(spec, false);
  }

  /** Starts a dynamic supervisor linked to the caller. */
  public static DynamicSupervisor startLink(DynamicSupervisorSpec spec) {
    return start(spec, true);
  }

  private static DynamicSupervisor start(DynamicSupervisorSpec spec, boolean link) {
    Objects.requireNonNull(spec, "spec");
    boolean topLevel = SupervisorServer.topLevel(link);
    Pid pid = SupervisorServer.start(SupervisorServer.DYNAMIC, spec.name(), () -> SupervisorState.of(spec, topLevel),
        link);
    return new DynamicSupervisor(Target.of(SupervisorServer.DYNAMIC, pid));
  }

  /** A child spec that runs a dynamic supervisor under another supervisor (type SUPERVISOR, shutdown infinity). */
  public static ChildSpec childSpec(String id, DynamicSupervisorSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return ChildSpec.supervisor(id, () -> Optional.of(startLink(spec).pid()));
  }

  /**
   * A handle to the dynamic supervisor running as {@code pid}.
   *
   * @throws IllegalArgumentException if {@code pid} is a live process that is not a dynamic supervisor
   */
  public static DynamicSupervisor of(Pid pid) {
    Objects.requireNonNull(pid, "pid");
    if (pid.isAlive() && LiveSupervisors.isSupervisor(pid) && !LiveSupervisors.isDynamic(pid)) {
      throw new IllegalArgumentException(pid + " is a static supervisor, not a dynamic one; use Supervisor.of");
    }
    return new DynamicSupervisor(Target.of(SupervisorServer.DYNAMIC, pid));
  }

  /** A handle to whatever dynamic supervisor is registered under {@code name} at each call. */
  public static DynamicSupervisor of(Name name) {
    return new DynamicSupervisor(Target.of(SupervisorServer.DYNAMIC, name));
  }

  public Pid pid() {
    return target.pid();
  }

  /**
   * Starts a child under this supervisor; returns its pid, or empty if its start chose to ignore.
   *
   * @throws IllegalStateException if the supervisor already has {@code maxChildren} children
   * @throws IllegalArgumentException if the spec is significant (a dynamic supervisor has no auto-shutdown)
   * @throws StartException if the child failed to start
   */
  @SuppressWarnings("unchecked")
  public Optional<Pid> startChild(ChildSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return (Optional<Pid>) target.call("startChild", new StartChild(spec));
  }

  /**
   * Stops the child {@code pid} as its spec's shutdown says, and forgets it. A child whose restart
   * failed, and which the supervisor is retrying, is still known by the pid it had before it exited:
   * terminating that pid ends the retries (as in Elixir).
   *
   * @throws IllegalArgumentException if {@code pid} is not a child of this supervisor
   */
  public void terminateChild(Pid pid) {
    target.call("terminateChild", new TerminatePid(Objects.requireNonNull(pid, "pid")));
  }

  /** The children, oldest first; ids are the specs' ids, and need not be unique here. */
  @SuppressWarnings("unchecked")
  public List<ChildInfo> whichChildren() {
    return (List<ChildInfo>) target.call("whichChildren", new WhichChildren());
  }

  public ChildCounts countChildren() {
    return (ChildCounts) target.call("countChildren", new CountChildren());
  }

  /** See {@link Supervisor#subscribe(Pid)}. */
  public void subscribe(Pid subscriber) {
    target.call("subscribe", new Subscribe(Objects.requireNonNull(subscriber, "subscriber")));
  }

  public void unsubscribe(Pid subscriber) {
    target.call("unsubscribe", new Unsubscribe(Objects.requireNonNull(subscriber, "subscriber")));
  }

  /** Stops the supervisor with {@code normal}, its children concurrently; waits as long as that takes. */
  public void stop() {
    target.stop(ExitReason.normal(), null);
  }

  /** Stops the supervisor with {@code reason}, waiting up to {@code timeout} (forever when null). */
  public void stop(ExitReason reason, Duration timeout) {
    target.stop(Objects.requireNonNull(reason, "reason"), timeout);
  }

  /** Waits at most {@code timeout} for the supervisor to exit; returns whether it did. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    return target.awaitTermination(Math.max(0, Supervisor.saturatedNanos(timeout)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DynamicSupervisor s && s.target.equals(target);
  }

  @Override
  public int hashCode() {
    return target.hashCode();
  }

  @Override
  public String toString() {
    return "DynamicSupervisor[" + target + "]";
  }
}
