package dev.arbor.bench.mailbox;

import dev.arbor.internal.Mailbox;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedTransferQueue;

/** The two operations the benchmark needs, over each implementation; one implementation per JMH fork. */
interface MpscQueue {
  void offer(Object message);

  /** The oldest message, or null when empty. */
  Object poll();

  static MpscQueue of(String name) {
    return switch (name) {
      case "arbor" -> new Arbor();
      case "clq" -> new Jdk(new ConcurrentLinkedQueue<>());
      case "ltq" -> new Jdk(new LinkedTransferQueue<>());
      default -> throw new IllegalArgumentException("unknown queue: " + name + " (arbor, clq or ltq)");
    };
  }

  /** Arbor's mailbox; its consumer never parks here, so {@code offer} never has to wake anyone. */
  final class Arbor implements MpscQueue {
    private final Mailbox mailbox = new Mailbox();

    @Override
    public void offer(Object message) {
      mailbox.offer(message);
    }

    @Override
    public Object poll() {
      return mailbox.poll();
    }
  }

  final class Jdk implements MpscQueue {
    private final Queue<Object> queue;

    Jdk(Queue<Object> queue) {
      this.queue = queue;
    }

    @Override
    public void offer(Object message) {
      queue.offer(message);
    }

    @Override
    public Object poll() {
      return queue.poll();
    }
  }
}
