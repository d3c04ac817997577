package dev.arbor.task;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import java.time.Duration;
import java.util.List;

/**
 * Tasks did not finish in time, and were killed. <b>Deviation</b> from Elixir, whose {@code await}
 * exits the caller on a timeout: Arbor throws this instead (an {@link ExitException} with reason
 * {@code timeout}), after killing the tasks so that none is left running.
 */
public final class TaskTimeoutException extends ExitException {
  private static final long serialVersionUID = 1L;

  private final transient List<Pid> tasks;
  private final transient Duration timeout;

  public TaskTimeoutException(List<Pid> tasks, Duration timeout) {
    super(ExitReason.timeout(), describe(tasks, timeout));
    this.tasks = List.copyOf(tasks);
    this.timeout = timeout;
  }

  private static String describe(List<Pid> tasks, Duration timeout) {
    String ms = timeout.toMillis() + " ms";
    return tasks.size() == 1
        ? "task " + tasks.get(0) + " did not finish within " + ms + " and was killed"
        : "tasks " + tasks + " did not finish within " + ms + " and were killed";
  }

  /** The tasks that timed out. */
  public List<Pid> tasks() {
    return tasks;
  }

  public Duration timeout() {
    return timeout;
  }
}
