package dev.arbor.supervisor;

import dev.arbor.Pid;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.supervisor.Requests.Describe;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A supervisor as a live tool shows it, read in one request to the supervisor: its strategy and
 * restart limits, and each child with how often it was restarted. Unlike {@link
 * Supervisor#whichChildren()}, which waits as long as the supervisor takes (OTP calls supervisors
 * with {@code infinity}), {@link #of} gives up after a timeout, so a tool never hangs on a busy
 * supervisor.
 *
 * @param pid the supervisor
 * @param dynamic whether it is a {@link DynamicSupervisor}
 * @param strategy its restart strategy ({@code ONE_FOR_ONE} for a dynamic supervisor)
 * @param maxRestarts the restart intensity: at most this many restarts...
 * @param period ...within this period
 * @param children its children in start order
 */
public record SupervisorSnapshot(Pid pid, boolean dynamic, SupervisorSpec.Strategy strategy, int maxRestarts,
    Duration period, List<ChildSnapshot> children) {

  /**
   * One child.
   *
   * @param info what {@link Supervisor#whichChildren()} says of it
   * @param restarts how many times this supervisor restarted it since it was added
   * @param lastRestartMillis when it last did (epoch milliseconds), or 0 if never
   */
  public record ChildSnapshot(ChildInfo info, int restarts, long lastRestartMillis) {}

  public SupervisorSnapshot {
    children = List.copyOf(children);
  }

  /**
   * Asks the supervisor running as {@code pid} for its snapshot, waiting at most {@code timeout}.
   *
   * @throws dev.arbor.ExitException with {@code noproc} if it is not alive
   * @throws IllegalArgumentException if {@code pid} is a live process that is not a supervisor
   * @throws CallTimeoutException if it does not answer within {@code timeout}
   */
  public static SupervisorSnapshot of(Pid pid, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return (SupervisorSnapshot) Requests.unwrap(
        Target.of(SupervisorServer.STATIC, pid).ref().withTimeout(timeout).call("describe", new Describe()));
  }

  /** Whether {@code pid} is a live supervisor (static, dynamic or partition). */
  public static boolean isSupervisor(Pid pid) {
    return LiveSupervisors.isSupervisor(Objects.requireNonNull(pid, "pid"));
  }

  /** Built in the supervisor's own process, from its state. */
  static SupervisorSnapshot of(Pid self, boolean dynamic, SupervisorSpec.Strategy strategy, int maxRestarts,
      Duration period, Collection<Child> children) {
    return new SupervisorSnapshot(self, dynamic, strategy, maxRestarts, period, children.stream()
        .map(c -> new ChildSnapshot(c.info(), c.restarts, c.lastRestartMillis))
        .toList());
  }
}
