package dev.arbor.task;

import dev.arbor.ExitReason;
import dev.arbor.internal.Process;
import dev.arbor.internal.Watch;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What stands between an async stream's tasks and a consumer that traps exits, in place of their
 * links. Elixir links such tasks to a helper process rather than to the consumer, so that the
 * consumer finds no {@code {:EXIT, task, reason}} message per task in its mailbox; when the consumer
 * goes down, the helper sends each task still running the consumer's exit reason. This watch on the
 * consumer does the same without a process: it hears the consumer's exit and signals the tasks it
 * still holds. (A crash of a task cannot take a trapping consumer down in either case; it comes back
 * as that task's result.)
 */
final class ConsumerWatch extends Watch {
  private final Set<Process> running = ConcurrentHashMap.newKeySet();

  /**
   * Holds {@code task}, started for {@code consumer}. A consumer that exited before the task was
   * held may have fired already without seeing it, so this signals the task itself then: one of the
   * two always does (the set is written before the consumer's state is read, and the exit reason is
   * set before the watch reads the set).
   */
  void started(Process consumer, Process task) {
    running.add(task);
    ExitReason gone = consumer.exitReason();
    if (gone != null) {
      Process.signalExits(consumer, task, gone, false);
    }
  }

  /** Lets go of a task that has exited. */
  void finished(Process task) {
    running.remove(task);
  }

  @Override
  protected void fire(Process consumer, ExitReason reason) {
    for (Process task : running) {
      Process.signalExits(consumer, task, reason, false);
    }
  }
}
