package dev.arbor.supervisor;

import dev.arbor.Name;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Supervisor} does: its restart strategy, its restart intensity, its auto-shutdown
 * rule, its children in start order and, optionally, its registered name (OTP's supervisor flags and
 * child list). Immutable; every method returns a changed copy.
 *
 * <pre>{@code
 * SupervisorSpec.oneForOne()
 *     .maxRestarts(3, Duration.ofSeconds(5))
 *     .child(CounterClient.childSpec(StartOptions.named("counter"), 0))
 *     .child(CacheClient.childSpec());
 * }</pre>
 */
public final class SupervisorSpec {

  /** Which children a supervisor restarts when one of them exits and is to be restarted. */
  public enum Strategy {
    /** Only the child that exited. */
    ONE_FOR_ONE,
    /** Every child: the others are stopped in reverse start order, then all start again in order. */
    ONE_FOR_ALL,
    /** The child that exited and every child started after it, stopped in reverse order first. */
    REST_FOR_ONE;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** When a supervisor stops itself because significant children exited (OTP 24's {@code auto_shutdown}). */
  public enum AutoShutdown {
    /** Never; significant children are refused. */
    NEVER,
    /** As soon as any significant child exits on its own and is not restarted. */
    ANY_SIGNIFICANT,
    /** Once every significant child has exited on its own. */
    ALL_SIGNIFICANT
  }

  static final int DEFAULT_MAX_RESTARTS = 3;
  static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

  private final Strategy strategy;
  private final int maxRestarts;
  private final Duration period;
  private final AutoShutdown autoShutdown;
  private final List<ChildSpec> children;
  private final Name name;

  private SupervisorSpec(Strategy strategy, int maxRestarts, Duration period, AutoShutdown autoShutdown,
      List<ChildSpec> children, Name name) {
    this.strategy = strategy;
    this.maxRestarts = maxRestarts;
    this.period = period;
    this.autoShutdown = autoShutdown;
    this.children = children;
    this.name = name;
  }

  private static SupervisorSpec of(Strategy strategy) {
    return new SupervisorSpec(strategy, DEFAULT_MAX_RESTARTS, DEFAULT_PERIOD, AutoShutdown.NEVER, List.of(), null);
  }

  /** A supervisor that restarts only the child that exited. */
  public static SupervisorSpec oneForOne() {
    return of(Strategy.ONE_FOR_ONE);
  }

  /** A supervisor that restarts every child when one exits. */
  public static SupervisorSpec oneForAll() {
    return of(Strategy.ONE_FOR_ALL);
  }

  /** A supervisor that restarts the child that exited and every child started after it. */
  public static SupervisorSpec restForOne() {
    return of(Strategy.REST_FOR_ONE);
  }

  /**
   * Allows at most {@code restarts} restarts within any window of {@code period}; one more stops
   * every child in reverse order and exits the supervisor with {@code shutdown}. The default is 3 in
   * 5 seconds.
   */
  public SupervisorSpec maxRestarts(int restarts, Duration period) {
    return new SupervisorSpec(strategy, checkRestarts(restarts), checkPeriod(period), autoShutdown, children, name);
  }

  static int checkRestarts(int restarts) {
    if (restarts < 0) {
      throw new IllegalArgumentException("maxRestarts must not be negative: " + restarts);
    }
    return restarts;
  }

  static Duration checkPeriod(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the restart period must be positive: " + period);
    }
    return period;
  }

  /** Stops the supervisor when significant children exit; see {@link AutoShutdown}. */
  public SupervisorSpec autoShutdown(AutoShutdown rule) {
    return new SupervisorSpec(strategy, maxRestarts, period, Objects.requireNonNull(rule, "autoShutdown"), children,
        name);
  }

  /**
   * Adds a child after those already added; children start in this order and stop in reverse.
   *
   * @throws IllegalArgumentException if another child already has the same id
   */
  public SupervisorSpec child(ChildSpec child) {
    Objects.requireNonNull(child, "child");
    for (ChildSpec c : children) {
      if (c.id().equals(child.id())) {
        throw new IllegalArgumentException("duplicate child id \"" + child.id() + "\": every child of a supervisor"
            + " needs its own id (use ChildSpec.withId)");
      }
    }
    List<ChildSpec> more = new ArrayList<>(children.size() + 1);
    more.addAll(children);
    more.add(child);
    return new SupervisorSpec(strategy, maxRestarts, period, autoShutdown, List.copyOf(more), name);
  }

  /** Adds each of {@code more}, in order, as {@link #child(ChildSpec)} does. */
  public SupervisorSpec children(List<ChildSpec> more) {
    SupervisorSpec spec = this;
    for (ChildSpec c : Objects.requireNonNull(more, "children")) {
      spec = spec.child(c);
    }
    return spec;
  }

  /** Registers the supervisor under the local name {@code name}. */
  public SupervisorSpec name(String name) {
    return name(Name.local(Objects.requireNonNull(name, "name")));
  }

  /** Registers the supervisor under {@code name} (local or via a registry). */
  public SupervisorSpec name(Name name) {
    StartOptions.named(name); // refuses names a process cannot be registered under, now rather than at start
    return new SupervisorSpec(strategy, maxRestarts, period, autoShutdown, children, name);
  }

  public Strategy strategy() {
    return strategy;
  }

  public int maxRestarts() {
    return maxRestarts;
  }

  public Duration period() {
    return period;
  }

  public AutoShutdown autoShutdown() {
    return autoShutdown;
  }

  /** The children, in start order. */
  public List<ChildSpec> children() {
    return children;
  }

  /** The name to register, or null. */
  public Name name() {
    return name;
  }

  /** Refuses, before anything starts, a child the supervisor could not run (OTP's check_childspecs). */
  void validate() {
    for (ChildSpec c : children) {
      String problem = ChildSpecs.problem(c, autoShutdown);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  @Override
  public String toString() {
    List<String> ids = children.stream().map(ChildSpec::id).toList();
    return "SupervisorSpec[" + strategy + ", maxRestarts=" + maxRestarts + " in " + period.toMillis() + " ms"
        + ", autoShutdown=" + autoShutdown + (name != null ? ", name=" + name : "") + ", children=" + ids + "]";
  }
}
