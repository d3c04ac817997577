package dev.arbor.bench.cast;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedTransferQueue;

/**
 * The baseline: producer virtual threads put into the JDK's {@link LinkedTransferQueue}, which a
 * consumer virtual thread drains with {@code take()} (it parks when empty, and a put wakes it).
 */
final class VtCaster implements Caster {
  private static final Object HIT = new Object();
  private static final Object STOP = new Object();

  private record Query(CompletableFuture<Long> answer) {}

  private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>();
  private final Thread consumer = Thread.ofVirtual().name("vt-cast-server").start(this::serve);

  private void serve() {
    long hits = 0;
    try {
      for (; ; ) {
        Object m = queue.take();
        if (m == HIT) {
          hits++;
        } else if (m instanceof Query q) {
          q.answer().complete(hits);
        } else {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public long batch(int producers, int casts) {
    int each = casts / producers;
    Thread[] threads = new Thread[producers];
    for (int p = 0; p < producers; p++) {
      threads[p] = Thread.ofVirtual().start(() -> {
        for (int i = 0; i < each; i++) {
          queue.put(HIT);
        }
      });
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    CompletableFuture<Long> answer = new CompletableFuture<>();
    queue.put(new Query(answer));
    return answer.join();
  }

  @Override
  public void close() {
    queue.put(STOP);
  }
}
