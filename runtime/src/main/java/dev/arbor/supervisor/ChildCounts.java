package dev.arbor.supervisor;

/**
 * A supervisor's children counted (OTP's {@code count_children}).
 *
 * @param specs every child the supervisor knows, running or not
 * @param active the children whose process is alive now
 * @param supervisors the children of type {@link ChildSpec.Type#SUPERVISOR}, running or not
 * @param workers the children of type {@link ChildSpec.Type#WORKER}, running or not
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {}
