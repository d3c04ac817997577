package dev.arbor.task;

import dev.arbor.ExitReason;
import dev.arbor.internal.Described;
import dev.arbor.internal.Process;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.DynamicSupervisor;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Starts task processes: on their own ({@code Task.async}) or as temporary children of a task
 * supervisor, linked to the owner or not.
 *
 * <p>The process is created, watched by its slot and linked to its owner before it runs (and before
 * a supervisor sees it), so no crash can slip between its start and the owner's link, as Elixir's
 * task waits for its owner's message before running.
 */
abstract class Launcher {
  private final boolean link;

  private Launcher(boolean link) {
    this.link = link;
  }

  /** {@code Task.async}: a plain process, linked to its owner. */
  static final Launcher LINKED = new Launcher(true) {
    @Override
    void start(Process task, Process.Body body) {
      task.start(body);
    }
  };

  /** A temporary child of {@code supervisor}, linked to its owner or not. */
  static Launcher supervised(DynamicSupervisor supervisor, boolean link) {
    Objects.requireNonNull(supervisor, "supervisor");
    return new Launcher(link) {
      @Override
      void start(Process task, Process.Body body) {
        supervisor.startChild(ChildSpec.worker("Task", () -> adopt(task, body)).withRestart(ChildSpec.Restart.TEMPORARY));
      }
    };
  }

  /** Runs in the supervisor: links the task to it, then starts it; an already dead task starts as ignored. */
  private static Optional<dev.arbor.Pid> adopt(Process task, Process.Body body) {
    Process supervisor = Process.current();
    task.linkAtSpawn(supervisor);
    if (!task.isAlive()) {
      return Optional.empty(); // it died with its owner before it ran; linkAtSpawn passed its exit on
    }
    task.start(body);
    return Optional.of(task.pid());
  }

  abstract void start(Process task, Process.Body body);

  /** Whether the tasks this starts are linked to their owner. */
  boolean links() {
    return link;
  }

  /** This launcher, starting its tasks without the link to their owner. */
  Launcher unlinked() {
    if (!link) {
      return this;
    }
    Launcher linked = this;
    return new Launcher(false) {
      @Override
      void start(Process task, Process.Body body) {
        linked.start(task, body);
      }
    };
  }

  /** Starts {@code fn} as a task of {@code owner} whose result lands in {@code slot}. */
  <R> Task<R> launch(Process owner, Callable<? extends R> fn, TaskSlot slot) {
    Objects.requireNonNull(fn, "fn");
    Process task = Process.create(false, null);
    task.attachment = Described.TASK;
    if (!task.addWatch(slot)) {
      // Killed before it ran (Proc.list shows it from its creation): its result is that exit, and a
      // linked owner gets the signal from linkAtSpawn.
      slot.fire(task, task.exitReason());
      if (link) {
        task.linkAtSpawn(owner);
      }
      return new Task<>(task, owner, slot, link);
    }
    if (link) {
      task.linkAtSpawn(owner);
    }
    try {
      start(task, () -> {
        slot.reply(fn.call());
        return false;
      });
    } catch (RuntimeException | Error e) {
      if (link) {
        owner.unlink(task);
      }
      task.exit(ExitReason.normal());
      throw e;
    }
    return new Task<>(task, owner, slot, link);
  }
}
