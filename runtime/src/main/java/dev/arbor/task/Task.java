package dev.arbor.task;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.internal.Process;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Elixir's Task: a function running in a process of its own, whose result its owner (the process
 * that started it) collects with {@link #await}.
 *
 * <p>{@link #async} links the task to its owner, as Elixir does: if the task crashes, the crash
 * reaches the owner as a link's exit signal. A process that does not trap exits dies with the same
 * reason; a plain thread's identity is marked exited, and {@code await} throws {@link ExitException}
 * saying so. A task that must not take its caller down runs under a {@link TaskSupervisor} with
 * {@link TaskSupervisor#asyncNolink}; its crash comes back from {@code await} as an {@link
 * ExitException}.
 *
 * <p>Only the owner may await, yield or shut down a task. A task finishes when its process exits;
 * until then it counts as running.
 *
 * @param <R> the result type
 */
public final class Task<R> {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** How long a linked task's exit signal may take to reach its owner after its result did. */
  private static final long LINK_GRACE_NANOS = 1_000_000_000L;

  /** Null for a task made by {@link #completed}, which never ran in a process. */
  private final Process process;
  private final Process owner;
  final TaskSlot slot;
  private volatile boolean linked;
  /** How the owner let go of the task ("shut down", "ignored"); null while it may still await it. */
  private volatile String released;

  Task(Process process, Process owner, TaskSlot slot, boolean linked) {
    this.process = process;
    this.owner = owner;
    this.slot = slot;
    this.linked = linked;
  }

  // ------------------------------------------------------------------ starting

  /** Runs {@code fn} in a new process linked to the caller, which owns the task. */
  public static <R> Task<R> async(Callable<? extends R> fn) {
    Objects.requireNonNull(fn, "fn");
    return Launcher.LINKED.launch(Process.current(), fn, new TaskSlot(null, null));
  }

  /**
   * A task that has already finished with {@code value}, without a process (Elixir's {@code
   * Task.completed}): for code that takes tasks but sometimes has the answer at hand. It can be
   * awaited, yielded, ignored or shut down like any other task; its {@link #pid()} is null.
   */
  public static <R> Task<R> completed(R value) {
    return new Task<>(null, Process.current(), TaskSlot.completed(value), false);
  }

  /** Runs {@code body} in a new process that nobody awaits, not linked to the caller (Elixir's {@code Task.start}). */
  public static Pid start(Runnable body) {
    return Proc.spawn(Objects.requireNonNull(body, "body"));
  }

  /** Runs {@code body} in a new process linked to the caller (Elixir's {@code Task.start_link}). */
  public static Pid startLink(Runnable body) {
    return Proc.spawnLink(Objects.requireNonNull(body, "body"));
  }

  /**
   * A child spec that runs {@code body} under a supervisor; temporary, so it is not restarted once
   * it has run (as Elixir's {@code use Task} does). Use {@link ChildSpec#withRestart} for a task that
   * must run until it succeeds.
   */
  public static ChildSpec childSpec(String id, Runnable body) {
    Objects.requireNonNull(body, "body");
    return ChildSpec.worker(id, () -> Optional.of(Proc.spawnLink(body))).withRestart(ChildSpec.Restart.TEMPORARY);
  }

  /**
   * Runs {@code fn} over {@code items} in tasks linked to the consuming process, as a lazy stream of
   * results with {@link StreamOptions#defaults()}. See {@link #asyncStream(Iterable, Function,
   * StreamOptions)}.
   */
  public static <T, R> Stream<TaskResult<R>> asyncStream(Iterable<? extends T> items, Function<? super T, ? extends R> fn) {
    return asyncStream(items, fn, StreamOptions.defaults());
  }

  /**
   * Runs {@code fn} over {@code items}, each in a task linked to the process that consumes the
   * stream, and returns their results as a lazy, sequential stream (Elixir's {@code
   * Task.async_stream}).
   *
   * <p>Nothing runs until the stream is consumed. Then at most {@code options.maxConcurrency()}
   * tasks run at once, and tasks start only while the consumer waits for a result: items are taken
   * from {@code items} as tasks start. Results come in input order, or as tasks finish when {@code
   * ordered} is false. A task that crashes reaches the consumer through its link (see the class
   * comment); one that outlives {@code timeout} is handled as {@code onTimeout} says. A consumer that
   * traps exits when it starts consuming gets a crash as that task's {@link TaskResult.Exit}, and no
   * {@link dev.arbor.Exit} message from any task: as Elixir links the tasks to a helper rather than to
   * the consumer, they are not linked to it, and the consumer's exit still reaches those running.
   *
   * <p>The stream must be closed ({@code try (var results = Task.asyncStream(...))}): closing it, or
   * an exception anywhere in its pipeline, kills the tasks still running. Java gives no other sign
   * that a consumer stopped early (after {@code limit} or {@code findFirst}).
   */
  public static <T, R> Stream<TaskResult<R>> asyncStream(Iterable<? extends T> items, Function<? super T, ? extends R> fn,
      StreamOptions options) {
    return AsyncStream.of(items, fn, options, Launcher.LINKED);
  }

  // ------------------------------------------------------------------ collecting

  /** The task's process; null for a task made by {@link #completed}. */
  public Pid pid() {
    return process == null ? null : process.pid();
  }

  Process process() {
    return process;
  }

  /** The process that owns the task: the only one that may await it. */
  public Pid owner() {
    return owner.pid();
  }

  /** {@link #await(Duration)} with Elixir's default of 5 seconds. */
  public R await() {
    return await(DEFAULT_TIMEOUT);
  }

  /**
   * Waits for the task's result. Awaiting again returns the same result.
   *
   * @throws TaskTimeoutException if it does not finish within {@code timeout}; the task is killed
   *     first (<b>Deviation</b>: Elixir exits the caller instead)
   * @throws ExitException if the task exited without a result (a crash carries its throwable as the
   *     cause), or if its crash took the caller's own identity with it through their link
   * @throws IllegalStateException if the caller is not the owner, or the task was shut down
   */
  public R await(Duration timeout) {
    long nanos = Parking.nanos(timeout, "timeout");
    Process me = requireOwner("await");
    requireRunning("await");
    if (!slot.await(me, nanos)) {
      kill();
      throw new TaskTimeoutException(List.of(pid()), timeout);
    }
    return value(settle("await"));
  }

  /**
   * Waits up to {@code timeout} for the task's result; empty if it has not finished, and the task
   * goes on (Elixir's {@code Task.yield}). An exit comes back as {@link TaskResult.Exit} rather than
   * thrown, unless it took the caller with it through their link.
   */
  public Optional<TaskResult<R>> yield(Duration timeout) {
    long nanos = Parking.nanos(timeout, "timeout");
    Process me = requireOwner("yield");
    requireRunning("yield");
    return slot.await(me, nanos) ? Optional.of(settle("yield")) : Optional.empty();
  }

  /** {@link #shutdown(Duration)} with a 5 second grace period. */
  public Optional<TaskResult<R>> shutdown() {
    return shutdown(DEFAULT_TIMEOUT);
  }

  /**
   * Unlinks the task and stops it: a {@code shutdown} exit signal, then a kill if it has not exited
   * after {@code timeout} (Elixir's {@code Task.shutdown}). Returns its result if it had one by then,
   * its exit if it exited for another reason than this shutdown, else empty. The task cannot be
   * awaited afterwards.
   */
  public Optional<TaskResult<R>> shutdown(Duration timeout) {
    long nanos = Parking.nanos(timeout, "timeout");
    Process me = requireOwner("shutdown");
    requireNotIgnored("shutdown");
    unlink();
    released = "shut down";
    if (!slot.isDone()) {
      Process.signalExits(owner, process, ExitReason.shutdown(), false);
      if (!slot.await(me, nanos)) {
        process.exit(ExitReason.kill());
        slot.awaitDead();
      }
    }
    return unlessExpected(ExitReason.shutdown());
  }

  /** Unlinks and kills the task at once (Elixir's {@code Task.shutdown(task, :brutal_kill)}); returns as {@link #shutdown(Duration)}. */
  public Optional<TaskResult<R>> brutalKill() {
    requireOwner("brutalKill");
    requireNotIgnored("brutalKill");
    kill();
    slot.awaitDead();
    return unlessExpected(ExitReason.killed());
  }

  /**
   * Waits for every task's result, in order, within one overall {@code timeout} (Elixir's {@code
   * Task.await_many}). If any task exits without a result, or the time runs out, the tasks not yet
   * finished are killed first (<b>Deviation</b>: Elixir exits the caller, which takes its linked
   * tasks along), then it throws as {@link #await(Duration)} would.
   */
  public static <R> List<R> awaitMany(Collection<? extends Task<? extends R>> tasks, Duration timeout) {
    long nanos = Parking.nanos(timeout, "timeout");
    List<Task<? extends R>> all = owned(tasks, "awaitMany");
    Process me = Process.currentOrNull();
    long deadline = System.nanoTime() + nanos;
    try {
      for (; ; ) {
        boolean finished = true;
        for (Task<? extends R> task : all) {
          if (!task.slot.isDone()) {
            finished = false;
          } else if (task.slot.outcome() instanceof TaskResult.Exit<?>) {
            killUnfinished(all);
            task.settle("awaitMany");
            throw task.exitedWithout(task.slot.outcome(), "awaitMany");
          }
        }
        if (finished) {
          break;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new TaskTimeoutException(killUnfinished(all), timeout);
        }
        Parking.park(me, all, remaining);
      }
    } finally {
      all.forEach(t -> t.slot.waiter = null);
    }
    List<R> values = new ArrayList<>(all.size());
    for (Task<? extends R> task : all) {
      values.add(task.valueAfter("awaitMany"));
    }
    return values;
  }

  /** {@link #awaitMany(Collection, Duration)} with a 5 second timeout. */
  public static <R> List<R> awaitMany(Collection<? extends Task<? extends R>> tasks) {
    return awaitMany(tasks, DEFAULT_TIMEOUT);
  }

  /**
   * Waits up to {@code timeout} for all of {@code tasks} to finish, and returns each one's result in
   * the order given: its value or its exit, or empty if it is still running (Elixir's {@code
   * Task.yield_many}). The tasks still running are then dealt with as {@code onTimeout} says; with
   * {@link YieldTimeout#IGNORE} or {@link YieldTimeout#KILL_TASK}, a task that finished while being
   * let go still gives its result. As for {@link #yield}, a linked task's crash that takes the caller
   * with it is thrown rather than returned.
   *
   * @throws IllegalStateException if the caller does not own every task, or one was shut down or ignored
   */
  public static <R> List<Optional<TaskResult<R>>> yieldMany(Collection<? extends Task<? extends R>> tasks,
      Duration timeout, YieldTimeout onTimeout) {
    Objects.requireNonNull(onTimeout, "onTimeout");
    long nanos = Parking.nanos(timeout, "timeout");
    List<Task<? extends R>> all = owned(tasks, "yieldMany");
    Process me = Process.currentOrNull();
    long deadline = System.nanoTime() + nanos;
    try {
      for (long remaining = nanos; !all.stream().allMatch(t -> t.slot.isDone()) && remaining > 0;
          remaining = deadline - System.nanoTime()) {
        Parking.park(me, all, remaining);
      }
    } finally {
      all.forEach(t -> t.slot.waiter = null);
    }
    List<Optional<TaskResult<R>>> results = new ArrayList<>(all.size());
    for (Task<? extends R> task : all) {
      @SuppressWarnings("unchecked") // a result of R's subtype is a result of R: TaskResult only hands values out
      Task<R> t = (Task<R>) task;
      results.add(t.slot.isDone() ? Optional.of(t.settle("yieldMany")) : switch (onTimeout) {
        case NOTHING -> Optional.empty();
        case IGNORE -> t.ignore();
        case KILL_TASK -> t.brutalKill();
      });
    }
    return results;
  }

  /** {@link #yieldMany(Collection, Duration, YieldTimeout)} leaving the tasks not done running. */
  public static <R> List<Optional<TaskResult<R>>> yieldMany(Collection<? extends Task<? extends R>> tasks,
      Duration timeout) {
    return yieldMany(tasks, timeout, YieldTimeout.NOTHING);
  }

  /**
   * Lets the task run on but drops its result and its failure (Elixir's {@code Task.ignore}): it is
   * unlinked from the owner, so its crash no longer reaches the owner, and it can no longer be
   * awaited, yielded or shut down. Returns its result if it had already finished, else empty. For a
   * task whose outcome nobody wants from the start, {@link TaskSupervisor#startChild} says so better.
   *
   * @throws IllegalStateException if the caller is not the owner, or the task was shut down or ignored
   */
  public Optional<TaskResult<R>> ignore() {
    requireOwner("ignore");
    requireRunning("ignore");
    // A task that finished already is settled while still linked: a crash that is taking the owner
    // down through the link must do so, as it has in Elixir by the time its DOWN is there to see.
    Optional<TaskResult<R>> result = slot.isDone() ? Optional.of(settle("ignore")) : Optional.empty();
    unlink();
    released = "ignored";
    return result;
  }

  /** Checks that the caller owns every task and may still wait for it; makes each wake the caller. */
  private static <R> List<Task<? extends R>> owned(Collection<? extends Task<? extends R>> tasks, String operation) {
    Objects.requireNonNull(tasks, "tasks");
    List<Task<? extends R>> all = new ArrayList<>(tasks.size());
    for (Task<? extends R> task : tasks) {
      Objects.requireNonNull(task, () -> "tasks contains null at index " + all.size());
      task.requireOwner(operation);
      task.requireRunning(operation);
      all.add(task);
    }
    all.forEach(t -> t.slot.waiter = Thread.currentThread());
    return all;
  }

  private static List<Pid> killUnfinished(List<? extends Task<?>> tasks) {
    List<Pid> killed = new ArrayList<>();
    for (Task<?> task : tasks) {
      if (!task.slot.isDone()) {
        task.kill();
        killed.add(task.pid());
      }
    }
    return killed;
  }

  // ------------------------------------------------------------------ internals

  private Process requireOwner(String operation) {
    Process me = Process.currentOrNull();
    if (me == owner) {
      return me;
    }
    String caller = me != null ? me.pid().toString() : "a thread without a process identity";
    throw new IllegalStateException("task " + pid() + " is owned by " + owner.pid() + "; only its owner may call "
        + operation + ", not " + caller);
  }

  private void requireRunning(String operation) {
    if (released != null) {
      throw new IllegalStateException("task " + pid() + " was " + released + "; " + operation
          + " has nothing to wait for");
    }
  }

  /** An ignored task is left alone (Elixir): it can no longer be shut down. */
  private void requireNotIgnored(String operation) {
    if ("ignored".equals(released)) {
      throw new IllegalStateException("task " + pid() + " was ignored; " + operation + " leaves it alone");
    }
  }

  /** Unlinks the task from its owner (from any thread), so that killing it does not kill the owner. */
  private void unlink() {
    if (linked) {
      linked = false;
      owner.unlink(process);
    }
  }

  /** Unlinks and kills the task; it cannot be awaited afterwards. Safe from any thread. */
  void kill() {
    unlink();
    released = "shut down";
    if (process != null) {
      process.exit(ExitReason.kill());
    }
  }

  /**
   * The finished task's result, as its owner may see it. A linked task that exited abnormally sends
   * its owner an exit signal right after its result lands here; when that signal kills the owner
   * (which does not trap exits), this waits for it and throws, so the owner never goes on as if
   * nothing happened. A dead owner gets no result.
   */
  @SuppressWarnings("unchecked")
  TaskResult<R> settle(String operation) {
    TaskResult<R> result = (TaskResult<R>) slot.outcome();
    if (result instanceof TaskResult.Exit<R> exit && linked && !exit.reason().isNormal() && !owner.trapsExits()) {
      long deadline = System.nanoTime() + LINK_GRACE_NANOS;
      for (int spins = 0; owner.isAlive() && System.nanoTime() - deadline < 0; spins++) {
        if (spins < 100) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
      if (!owner.isAlive() && owner.isAdopted()) {
        ExitReason mine = owner.exitReason();
        try {
          owner.checkAlive(); // forgets the dead identity, as any Arbor call on this thread would
        } catch (ExitException forgotten) {
          throw new ExitException(mine, "task " + pid() + " exited with " + exit.reason() + " (" + operation
              + "); it was linked to this thread's process " + owner.pid() + ", which exited with " + mine);
        }
      }
    }
    if (!owner.isAlive()) {
      owner.checkAlive();
    }
    return result;
  }

  private R valueAfter(String operation) {
    return value(settle(operation));
  }

  private R value(TaskResult<R> result) {
    if (result instanceof TaskResult.Ok<R> ok) {
      return ok.value();
    }
    throw exitedWithout(result, "await");
  }

  private ExitException exitedWithout(TaskResult<?> result, String operation) {
    ExitReason reason = ((TaskResult.Exit<?>) result).reason();
    return new ExitException(reason, "task " + pid() + " exited with " + reason + " before returning a value ("
        + operation + ")");
  }

  @SuppressWarnings("unchecked")
  private Optional<TaskResult<R>> unlessExpected(ExitReason stoppedWith) {
    TaskResult<R> result = (TaskResult<R>) slot.outcome();
    if (result instanceof TaskResult.Exit<R> exit && exit.reason().equals(stoppedWith)) {
      return Optional.empty();
    }
    return Optional.of(result);
  }

  @Override
  public String toString() {
    return "Task[" + (process == null ? "completed" : pid()) + " owned by " + owner.pid() + "]";
  }
}
