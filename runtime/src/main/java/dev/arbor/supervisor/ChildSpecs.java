package dev.arbor.supervisor;

import dev.arbor.supervisor.SupervisorSpec.AutoShutdown;

/** The checks every supervisor applies to a child spec before starting it, in one place. */
final class ChildSpecs {
  private ChildSpecs() {}

  /** Why a static supervisor with {@code rule} must refuse {@code spec}, or null when it may run it. */
  static String problem(ChildSpec spec, AutoShutdown rule) {
    if (!spec.significant()) {
      return null;
    }
    if (spec.restart() == ChildSpec.Restart.PERMANENT) {
      return "child \"" + spec.id() + "\" is significant and PERMANENT: a significant child must be TRANSIENT or"
          + " TEMPORARY, since a permanent one is always restarted and never lets the supervisor shut down";
    }
    if (rule == AutoShutdown.NEVER) {
      return "child \"" + spec.id() + "\" is significant but the supervisor's autoShutdown is NEVER: set"
          + " autoShutdown(ANY_SIGNIFICANT or ALL_SIGNIFICANT), or drop withSignificant(true)";
    }
    return null;
  }

  /** Why a dynamic supervisor must refuse {@code spec}, or null. */
  static String dynamicProblem(ChildSpec spec) {
    if (spec.significant()) {
      return "child \"" + spec.id() + "\" is significant, but a dynamic supervisor has no auto-shutdown";
    }
    return null;
  }
}
