package dev.arbor.task;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.internal.Process;
import dev.arbor.supervisor.ChildInfo;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.DynamicSupervisor;
import dev.arbor.supervisor.DynamicSupervisorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Elixir's Task.Supervisor: a {@link DynamicSupervisor} whose children are tasks. Each task is a
 * temporary child (never restarted) with a 5 second shutdown, so stopping the supervisor stops its
 * tasks; and since tasks run under it, a task that crashes is reported and cleaned up by it.
 *
 * <p>{@link #async} links the task to the caller, as {@link Task#async} does; {@link #asyncNolink}
 * does not, so a crash comes back from {@link Task#await} as an {@link dev.arbor.ExitException} and
 * the caller lives on. The supervisor's limits ({@code maxChildren}) apply to tasks.
 *
 * <p>An instance is a handle, bound to a pid or a name resolved at each call.
 */
public final class TaskSupervisor {
  private final DynamicSupervisor supervisor;

  private TaskSupervisor(DynamicSupervisor supervisor) {
    this.supervisor = supervisor;
  }

  // ------------------------------------------------------------------ starting and finding

  /** Starts a task supervisor with {@link DynamicSupervisorSpec#defaults()}, not linked to the caller. */
  public static TaskSupervisor start() {
    return start(DynamicSupervisorSpec.defaults());
  }

  /** Starts a task supervisor, not linked to the caller; {@code spec} gives its name, maxChildren and restart intensity. */
  public static TaskSupervisor start(DynamicSupervisorSpec spec) {
    return new TaskSupervisor(DynamicSupervisor.start(spec));
  }

  /** Starts a task supervisor linked to the caller. */
  public static TaskSupervisor startLink(DynamicSupervisorSpec spec) {
    return new TaskSupervisor(DynamicSupervisor.startLink(spec));
  }

  /** A child spec that runs a task supervisor under another supervisor; the id is its name, else "TaskSupervisor". */
  public static ChildSpec childSpec(DynamicSupervisorSpec spec) {
    Objects.requireNonNull(spec, "spec");
    return childSpec(spec.name() != null ? spec.name().toString() : "TaskSupervisor", spec);
  }

  /** {@link #childSpec(DynamicSupervisorSpec)} with an explicit id. */
  public static ChildSpec childSpec(String id, DynamicSupervisorSpec spec) {
    return DynamicSupervisor.childSpec(id, spec);
  }

  /** A handle to the task supervisor running as {@code pid}. */
  public static TaskSupervisor of(Pid pid) {
    return new TaskSupervisor(DynamicSupervisor.of(pid));
  }

  /** A handle to whatever task supervisor is registered under {@code name} at each call. */
  public static TaskSupervisor of(Name name) {
    return new TaskSupervisor(DynamicSupervisor.of(name));
  }

  public Pid pid() {
    return supervisor.pid();
  }

  /** The dynamic supervisor underneath. */
  public DynamicSupervisor supervisor() {
    return supervisor;
  }

  // ------------------------------------------------------------------ tasks

  /**
   * Runs {@code body} as a temporary child that nobody awaits (Elixir's {@code start_child}); not
   * linked to the caller.
   */
  public Pid startChild(Runnable body) {
    return startChild(body, ChildSpec.Restart.TEMPORARY);
  }

  /**
   * Runs {@code body} as a child with the given restart type: {@code TRANSIENT} runs it again after a
   * crash, {@code PERMANENT} after any exit.
   */
  public Pid startChild(Runnable body, ChildSpec.Restart restart) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(restart, "restart");
    ChildSpec spec = ChildSpec.worker("Task", () -> Optional.of(Proc.spawnLink(body))).withRestart(restart);
    return supervisor.startChild(spec).orElseThrow();
  }

  /** Runs {@code fn} as a child task linked to the caller, which owns it (Elixir's {@code Task.Supervisor.async}). */
  public <R> Task<R> async(Callable<? extends R> fn) {
    return launch(fn, true);
  }

  /**
   * Runs {@code fn} as a child task owned by the caller but not linked to it: if it crashes, {@link
   * Task#await} throws {@link dev.arbor.ExitException} with the crash, and the caller is unharmed
   * (Elixir's {@code async_nolink}).
   */
  public <R> Task<R> asyncNolink(Callable<? extends R> fn) {
    return launch(fn, false);
  }

  private <R> Task<R> launch(Callable<? extends R> fn, boolean link) {
    Objects.requireNonNull(fn, "fn");
    return Launcher.supervised(supervisor, link).launch(Process.current(), fn, new TaskSlot(null, null));
  }

  /** {@link Task#asyncStream(Iterable, Function, StreamOptions)} with the tasks under this supervisor. */
  public <T, R> Stream<TaskResult<R>> asyncStream(Iterable<? extends T> items, Function<? super T, ? extends R> fn,
      StreamOptions options) {
    return AsyncStream.of(items, fn, options, Launcher.supervised(supervisor, true));
  }

  /** {@link #asyncStream(Iterable, Function, StreamOptions)} with {@link StreamOptions#defaults()}. */
  public <T, R> Stream<TaskResult<R>> asyncStream(Iterable<? extends T> items, Function<? super T, ? extends R> fn) {
    return asyncStream(items, fn, StreamOptions.defaults());
  }

  /**
   * As {@link #asyncStream(Iterable, Function, StreamOptions)}, but the tasks are not linked to the
   * consumer: a crash comes out of the stream as {@link TaskResult.Exit} and the consumer goes on.
   */
  public <T, R> Stream<TaskResult<R>> asyncStreamNolink(Iterable<? extends T> items,
      Function<? super T, ? extends R> fn, StreamOptions options) {
    return AsyncStream.of(items, fn, options, Launcher.supervised(supervisor, false));
  }

  /** {@link #asyncStreamNolink(Iterable, Function, StreamOptions)} with {@link StreamOptions#defaults()}. */
  public <T, R> Stream<TaskResult<R>> asyncStreamNolink(Iterable<? extends T> items,
      Function<? super T, ? extends R> fn) {
    return asyncStreamNolink(items, fn, StreamOptions.defaults());
  }

  // ------------------------------------------------------------------ admin

  /** The running tasks' pids (Elixir's {@code children/1}). */
  public List<Pid> children() {
    return supervisor.whichChildren().stream().map(ChildInfo::pid).flatMap(Optional::stream).toList();
  }

  /** Stops the task {@code pid} as its shutdown says (a {@code shutdown} signal, then a kill after 5 s). */
  public void terminateChild(Pid pid) {
    supervisor.terminateChild(pid);
  }

  /** Stops every task, then the supervisor. */
  public void stop() {
    supervisor.stop();
  }

  /** Stops the supervisor with {@code reason}, waiting up to {@code timeout} (forever when null). */
  public void stop(ExitReason reason, Duration timeout) {
    supervisor.stop(reason, timeout);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskSupervisor t && t.supervisor.equals(supervisor);
  }

  @Override
  public int hashCode() {
    return supervisor.hashCode();
  }

  @Override
  public String toString() {
    return "TaskSupervisor[" + supervisor + "]";
  }
}
