package dev.arbor.task;

import dev.arbor.internal.Process;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The engine of {@code asyncStream}: a spliterator that starts tasks only inside {@link #tryAdvance},
 * so the stream does work only while its consumer asks for a result, as Elixir's stream does only
 * while it is being reduced.
 *
 * <p>Each call takes finished tasks off the completion queue and hands over the next result if one
 * is due: the oldest task's when ordered (finished tasks behind it wait), else the first to finish.
 * Otherwise it starts tasks from the input while fewer than {@code maxConcurrency} are running, and
 * parks until a task finishes or the nearest per-task deadline passes. So no task starts between two
 * calls, and none before the first.
 * Closing the stream, or any exception (the consumer's included), kills the tasks still running.
 */
final class AsyncStream<T, R> implements Spliterator<TaskResult<R>> {
  private final Iterable<? extends T> items;
  private final Function<? super T, ? extends R> fn;
  private final StreamOptions options;
  private final long timeoutNanos;
  private Launcher launcher;
  /** Set when the consumer traps exits: its tasks are then not linked to it, and this stands in (Elixir). */
  private ConsumerWatch consumerWatch;
  private final Completions completions = new Completions();
  /** Started and not yet handed over, in start order. */
  private final ArrayDeque<Running<R>> window = new ArrayDeque<>();
  /** Unordered only: finished and not yet handed over, in the order they finished. */
  private final ArrayDeque<Running<R>> ready = new ArrayDeque<>();
  private Iterator<? extends T> input;
  private Process owner;
  private int running;
  private volatile boolean closed;

  /** One task of the stream and what the stream knows of it. */
  private static final class Running<R> {
    final long deadline;
    Task<R> task;
    boolean finished;
    boolean timedOut;

    Running(long deadline) {
      this.deadline = deadline;
    }
  }

  private AsyncStream(Iterable<? extends T> items, Function<? super T, ? extends R> fn, StreamOptions options,
      Launcher launcher) {
    this.items = items;
    this.fn = fn;
    this.options = options;
    this.timeoutNanos = Parking.nanos(options.timeout(), "timeout");
    this.launcher = launcher;
  }

  static <T, R> Stream<TaskResult<R>> of(Iterable<? extends T> items, Function<? super T, ? extends R> fn,
      StreamOptions options, Launcher launcher) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(fn, "fn");
    Objects.requireNonNull(options, "options");
    AsyncStream<T, R> spliterator = new AsyncStream<>(items, fn, options, launcher);
    return StreamSupport.stream(spliterator, false).onClose(spliterator::close);
  }

  @Override
  public boolean tryAdvance(Consumer<? super TaskResult<R>> action) {
    Objects.requireNonNull(action, "action");
    if (closed) {
      return false;
    }
    boolean completed = false;
    try {
      TaskResult<R> next = next();
      if (next != null) {
        action.accept(next);
      }
      completed = true;
      return next != null;
    } finally {
      if (!completed) {
        close();
      }
    }
  }

  private TaskResult<R> next() {
    Process me = bindOwner();
    for (; ; ) {
      drainCompletions();
      if (!me.isAlive()) {
        throw ownerExited();
      }
      TaskResult<R> result = options.ordered() ? takeOldest() : takeFirstFinished();
      if (result != null) {
        return result; // before starting more: a task starts only while the consumer waits for a result
      }
      startTasks(me);
      if (window.isEmpty()) {
        close(); // the input is exhausted and every result was handed over: let go of the consumer
        return null;
      }
      long wait = enforceTimeouts();
      completions.waiter = Thread.currentThread();
      if (completions.done.isEmpty()) {
        Parking.park(me, this, wait);
      }
    }
  }

  /**
   * The consumer has exited; most likely a linked task's crash took it. Throws what {@link
   * Task#await} would for that task, so the consumer learns which task and why, else the consumer's
   * own exit.
   */
  private RuntimeException ownerExited() {
    for (Running<R> run : window) {
      if (run.finished && !run.task.slot.outcome().isOk()) {
        run.task.settle("asyncStream");
      }
    }
    owner.checkAlive();
    return new IllegalStateException(owner.pid() + " has exited"); // checkAlive threw already
  }

  private Process bindOwner() {
    Process me = Process.currentOrNull();
    if (me == null || me != owner) {
      // Not the owner (or no owner yet): an ordinary Arbor call, which gives a plain thread its
      // identity. The owner itself may have exited; next() then says why.
      me = Process.current();
    }
    if (owner == null) {
      owner = me;
      input = Objects.requireNonNull(items.iterator(), "items.iterator() returned null");
      if (launcher.links() && me.trapsExits()) {
        // Linked tasks would leave an Exit message per task in a trapping consumer's mailbox.
        launcher = launcher.unlinked();
        consumerWatch = new ConsumerWatch();
        if (!me.addWatch(consumerWatch)) {
          me.checkAlive();
        }
      }
    } else if (me != owner) {
      throw new IllegalStateException("an async stream is consumed by the process that started consuming it, "
          + owner.pid() + ", not " + me.pid());
    }
    return me;
  }

  private void drainCompletions() {
    for (TaskSlot slot; (slot = completions.done.poll()) != null; ) {
      @SuppressWarnings("unchecked")
      Running<R> run = (Running<R>) slot.tag;
      run.finished = true;
      running--;
      if (consumerWatch != null) {
        consumerWatch.finished(run.task.process());
      }
      if (!options.ordered()) {
        ready.add(run);
      }
    }
  }

  private void startTasks(Process me) {
    while (running < options.maxConcurrency() && input.hasNext()) {
      T item = input.next();
      Running<R> run = new Running<>(System.nanoTime() + timeoutNanos);
      TaskSlot slot = new TaskSlot(completions, run);
      run.task = launcher.launch(me, () -> fn.apply(item), slot);
      if (consumerWatch != null) {
        consumerWatch.started(me, run.task.process());
      }
      window.add(run);
      running++;
    }
  }

  private TaskResult<R> takeOldest() {
    Running<R> oldest = window.peekFirst();
    if (oldest == null || !oldest.finished) {
      return null;
    }
    window.pollFirst();
    return resultOf(oldest);
  }

  private TaskResult<R> takeFirstFinished() {
    Running<R> first = ready.pollFirst();
    if (first == null) {
      return null;
    }
    window.remove(first);
    return resultOf(first);
  }

  private TaskResult<R> resultOf(Running<R> run) {
    if (run.timedOut && !run.task.slot.outcome().isOk()) {
      return new TaskResult.Exit<>(dev.arbor.ExitReason.timeout());
    }
    return run.task.settle("asyncStream");
  }

  /**
   * Deals with tasks past their deadline: kills them all and throws ({@code EXIT}), or kills each
   * and lets its result become {@code Exit(timeout)} ({@code KILL_TASK}). Returns how long to wait
   * for the nearest remaining deadline, or -1 for no deadline.
   */
  private long enforceTimeouts() {
    long now = System.nanoTime();
    long wait = -1;
    for (Running<R> run : window) {
      if (run.finished || run.timedOut) {
        continue;
      }
      long left = run.deadline - now;
      if (left > 0) {
        wait = wait < 0 ? left : Math.min(wait, left);
      } else if (options.onTimeout() == StreamOptions.OnTimeout.EXIT) {
        close();
        throw new TaskTimeoutException(List.of(run.task.pid()), options.timeout());
      } else {
        run.timedOut = true;
        run.task.kill(); // its exit completes it at once; the next drain picks it up
        wait = 0;
      }
    }
    return wait;
  }

  /** Kills the tasks still running; further advances find nothing. Safe to call more than once. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (consumerWatch != null) {
      owner.removeWatch(consumerWatch);
    }
    for (Running<R> run : window) {
      if (!run.finished) {
        run.task.kill();
      }
    }
    for (Running<R> run : window) {
      if (!run.finished) {
        run.task.slot.awaitDead();
      }
    }
    window.clear();
    ready.clear();
  }

  @Override
  public Spliterator<TaskResult<R>> trySplit() {
    return null; // sequential: tasks already give the parallelism
  }

  @Override
  public long estimateSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public int characteristics() {
    return NONNULL | (options.ordered() ? ORDERED : 0);
  }
}
