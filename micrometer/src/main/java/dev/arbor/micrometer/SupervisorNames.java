package dev.arbor.micrometer;

/**
 * A supervisor's tag value: its registered name, never its pid, which changes at every restart and
 * would make a new time series each time.
 */
final class SupervisorNames {
  /** The tag value of a supervisor started without a name. */
  static final String UNNAMED = "unnamed";

  private SupervisorNames() {}

  /**
   * The name in a supervisor's report label, {@code "supervisor <0.2.0> (shop)"} or {@code "dynamic
   * supervisor <0.5.0>"}: what the parentheses at its end hold, or {@value #UNNAMED}.
   */
  static String of(String label) {
    int open = label.indexOf("> (");
    if (open < 0 || !label.endsWith(")")) {
      return UNNAMED;
    }
    return label.substring(open + 3, label.length() - 1);
  }
}
