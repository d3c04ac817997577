package dev.arbor.server;

import dev.arbor.internal.Process;
import dev.arbor.internal.Timers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;

/**
 * The slot of a call made with {@code callAsync}: instead of unparking a caller it completes a
 * future, on a virtual thread of its own so that dependent stages never run on the server's thread.
 */
final class AsyncCallSlot<R> extends CallSlot {
  private static final Executor COMPLETIONS =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("arbor-async-completion").factory());

  private final CompletableFuture<R> future = new CompletableFuture<>();
  private final String server;
  private final String handler;
  private final Duration timeout;
  private volatile ScheduledFuture<?> timer;

  AsyncCallSlot(Process caller, String server, String handler, Duration timeout) {
    super(caller, null);
    this.server = server;
    this.handler = handler;
    this.timeout = timeout;
  }

  void startTimer() {
    timer = Timers.schedule(() -> {
      if (cancel()) {
        COMPLETIONS.execute(() -> future.completeExceptionally(new CallTimeoutException(server, handler, timeout)));
      }
    }, timeout.toNanos());
    if (!isPending()) {
      timer.cancel(false);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  void completed() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    COMPLETIONS.execute(() -> {
      try {
        future.complete((R) result(server, handler));
      } catch (Throwable failure) {
        future.completeExceptionally(failure);
      }
    });
  }

  CompletableFuture<R> future() {
    return future;
  }
}
