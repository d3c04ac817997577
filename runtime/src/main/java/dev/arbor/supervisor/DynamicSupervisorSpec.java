package dev.arbor.supervisor;

import dev.arbor.Name;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link DynamicSupervisor} does: how many children it takes at most, its restart intensity,
 * and optionally its registered name (Elixir's {@code DynamicSupervisor} options). Immutable.
 */
public final class DynamicSupervisorSpec {
  private static final DynamicSupervisorSpec DEFAULTS = new DynamicSupervisorSpec(Integer.MAX_VALUE,
      SupervisorSpec.DEFAULT_MAX_RESTARTS, SupervisorSpec.DEFAULT_PERIOD, null);

  private final int maxChildren;
  private final int maxRestarts;
  private final Duration period;
  private final Name name;

  private DynamicSupervisorSpec(int maxChildren, int maxRestarts, Duration period, Name name) {
    this.maxChildren = maxChildren;
    this.maxRestarts = maxRestarts;
    this.period = period;
    this.name = name;
  }

  /** No limit on children, 3 restarts in 5 seconds, no name. */
  public static DynamicSupervisorSpec defaults() {
    return DEFAULTS;
  }

  /** At most {@code max} children at once; {@code startChild} past it fails with a clear error. */
  public DynamicSupervisorSpec maxChildren(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("maxChildren must not be negative: " + max);
    }
    return new DynamicSupervisorSpec(max, maxRestarts, period, name);
  }

  /** At most {@code restarts} restarts within any window of {@code period}, as for {@link SupervisorSpec}. */
  public DynamicSupervisorSpec maxRestarts(int restarts, Duration period) {
    return new DynamicSupervisorSpec(maxChildren, SupervisorSpec.checkRestarts(restarts),
        SupervisorSpec.checkPeriod(period), name);
  }

  public DynamicSupervisorSpec name(String name) {
    return name(Name.local(Objects.requireNonNull(name, "name")));
  }

  public DynamicSupervisorSpec name(Name name) {
    StartOptions.named(name); // refuses names a process cannot be registered under
    return new DynamicSupervisorSpec(maxChildren, maxRestarts, period, name);
  }

  /** The most children at once; {@link Integer#MAX_VALUE} for no limit. */
  public int maxChildren() {
    return maxChildren;
  }

  public int maxRestarts() {
    return maxRestarts;
  }

  public Duration period() {
    return period;
  }

  /** The name to register, or null. */
  public Name name() {
    return name;
  }

  @Override
  public String toString() {
    return "DynamicSupervisorSpec[maxChildren=" + (maxChildren == Integer.MAX_VALUE ? "infinity" : maxChildren)
        + ", maxRestarts=" + maxRestarts + " in " + period.toMillis() + " ms" + (name != null ? ", name=" + name : "")
        + "]";
  }
}
