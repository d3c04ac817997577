package dev.arbor.server;

import dev.arbor.Proc;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An async call to a server on another node: the distribution layer's call blocks its caller (it
 * waits on the caller's mailbox for the reply or the monitor's {@code DOWN}), so the call waits in a
 * process of its own, and the caller gets a future at once.
 */
final class CallInProcess {
  private CallInProcess() {}

  /** Runs {@code call} in a new process; the future completes with its result or what it threw. */
  static <R> CompletableFuture<R> spawn(Supplier<R> call) {
    CompletableFuture<R> future = new CompletableFuture<>();
    Proc.spawn(() -> {
      try {
        future.complete(call.get());
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    });
    return future;
  }
}
