package dev.arbor.supervisor;

import dev.arbor.Pid;
import java.util.Optional;

/**
 * One child as {@link Supervisor#whichChildren()} sees it (OTP's {@code {Id, Child, Type, Modules}}).
 *
 * @param id the child spec's id (for a dynamic supervisor's children, not necessarily unique)
 * @param pid the running process; empty when there is none (stopped, ignored, or restarting)
 * @param restarting whether a restart of this child failed and the supervisor will try again
 */
public record ChildInfo(
    String id,
    Optional<Pid> pid,
    boolean restarting,
    ChildSpec.Type type,
    ChildSpec.Restart restart,
    boolean significant) {

  @Override
  public String toString() {
    return id + " " + (restarting ? "restarting" : pid.map(Pid::toString).orElse("undefined")) + " "
        + type.name().toLowerCase(java.util.Locale.ROOT) + " " + restart.name().toLowerCase(java.util.Locale.ROOT)
        + (significant ? " significant" : "");
  }
}
