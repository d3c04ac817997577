package dev.arbor.observer;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSnapshot;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the page's buttons do: kill a process, terminate or restart a supervisor's child. A
 * supervisor answers an admin call only once the child has stopped or started, which may take the
 * child's whole shutdown time; so the call runs on a thread of its own and the page gets an answer
 * after at most {@link #WAIT}, saying the action is still under way if it is.
 */
final class Actions {
  static final Duration WAIT = Duration.ofSeconds(10);

  private Actions() {}

  /** Sends {@code kill} to the process {@code pidText} names; says what happened. */
  static String kill(String pidText) {
    Pid pid = Pids.live(pidText);
    if (pid == null) {
      throw new Query.BadRequest("no live process " + pidText);
    }
    return run(() -> {
      Proc.exit(pid, ExitReason.kill());
      return "killed " + pid;
    });
  }

  /** Stops child {@code id} of the supervisor {@code supervisorText} names. */
  static String terminate(String supervisorText, String id) {
    Supervisor s = supervisor(supervisorText);
    return run(() -> {
      s.terminateChild(id);
      return "terminated child \"" + id + "\" of " + s.pid();
    });
  }

  /** Starts again child {@code id} (stopped or exited for good) of the supervisor {@code supervisorText} names. */
  static String restart(String supervisorText, String id) {
    Supervisor s = supervisor(supervisorText);
    return run(() -> "restarted child \"" + id + "\" of " + s.pid() + " as "
        + s.restartChild(id).map(Pid::toString).orElse("nothing (its start ignored)"));
  }

  private static Supervisor supervisor(String text) {
    Pid pid = Pids.live(text);
    if (pid == null || !SupervisorSnapshot.isSupervisor(pid)) {
      throw new Query.BadRequest("no live supervisor " + text);
    }
    return Supervisor.of(pid);
  }

  /**
   * Runs {@code action} on a virtual thread with a process identity of its own (released after), and
   * waits for it at most {@link #WAIT}. A refusal (an unknown child, a child already running) comes
   * back as a 400 with the supervisor's own message.
   */
  @SuppressWarnings("try") // the identity is what the block needs, not a name for it
  private static String run(Supplier<String> action) {
    CompletableFuture<String> done = new CompletableFuture<>();
    Thread.ofVirtual().name("arbor-observer-action").start(() -> {
      try (var me = Proc.adopt()) {
        done.complete(action.get());
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    });
    try {
      return done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return "still under way after " + WAIT.toSeconds() + " s; the page shows the result when it comes";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while waiting; the action goes on";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
        throw new Query.BadRequest(cause.getMessage());
      }
      throw new IllegalStateException("the action failed: " + cause, cause);
    }
  }
}
