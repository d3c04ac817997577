package dev.arbor.observe;

import dev.arbor.Pid;
import dev.arbor.internal.Process;
import dev.arbor.internal.ProcessThreads;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack of the thread running a process at one instant (what Erlang's {@code
 * process_info(Pid, current_stacktrace)} shows), for live tools. Reading it does not stop or disturb
 * the process; the JVM samples the thread at a safepoint.
 */
public final class ProcessStacks {
  private ProcessStacks() {}

  /**
   * The current stack of {@code pid}'s thread, innermost frame first; empty when the process is not
   * alive or has no thread now (a hibernated process has none until its next message).
   */
  public static Optional<List<StackTraceElement>> of(Pid pid) {
    Objects.requireNonNull(pid, "pid");
    Process p = Process.of(pid);
    if (p == null || !p.isAlive()) {
      return Optional.empty();
    }
    StackTraceElement[] stack = ProcessThreads.stackOf(p);
    return stack == null ? Optional.empty() : Optional.of(List.of(stack));
  }
}
