package dev.arbor.task;

import dev.arbor.ExitReason;
import java.util.Objects;

/**
 * How a task ended: it returned a value ({@code {:ok, value}} in Elixir) or its process exited
 * without one ({@code {:exit, reason}}).
 *
 * @param <R> the task's result type
 */
public sealed interface TaskResult<R> {

  /** The task returned {@code value} (which may be null). */
  record Ok<R>(R value) implements TaskResult<R> {}

  /** The task's process exited with {@code reason} before returning: a crash, a kill, a timeout. */
  record Exit<R>(ExitReason reason) implements TaskResult<R> {
    public Exit {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Whether the task returned a value. */
  default boolean isOk() {
    return this instanceof Ok;
  }
}
