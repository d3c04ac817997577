package dev.arbor.task;

/** What {@link Task#yieldMany} does with the tasks that did not finish in time (Elixir's {@code :on_timeout}). */
public enum YieldTimeout {
  /** Leave them running: they can still be awaited, yielded, ignored or shut down ({@code :nothing}). */
  NOTHING,
  /** {@link Task#ignore()} them: they run on, unlinked, and their results and failures are dropped. */
  IGNORE,
  /** {@link Task#brutalKill()} them ({@code :kill_task}). */
  KILL_TASK
}
