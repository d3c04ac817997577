package dev.arbor.task;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/** The slots of a stream's tasks, queued as they complete, and the thread that consumes them. */
final class Completions {
  final ConcurrentLinkedQueue<TaskSlot> done = new ConcurrentLinkedQueue<>();
  volatile Thread waiter;

  void completed(TaskSlot slot) {
    done.offer(slot);
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }
}
