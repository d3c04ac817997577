package dev.arbor;

import dev.arbor.internal.ShutdownHook;
import dev.arbor.supervisor.Supervisor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's lifecycle around its supervision trees.
 *
 * <p>Processes run on virtual threads, which do not keep the JVM alive: a {@code main} that starts
 * its supervisors and returns ends the program. {@link #awaitTermination()} blocks until every
 * top-level supervisor has stopped. And since nothing else would stop the trees when the JVM exits,
 * a shutdown hook (on by default) stops the top-level supervisors newest first, each stopping its
 * children newest first, as Erlang's {@code init:stop()} does. Turn it off with {@link
 * #setShutdownHook(boolean)} or {@code -Darbor.shutdownHook=false}.
 *
 * <p>A top-level supervisor is one not started as another supervisor's child: started with {@code
 * Supervisor.start} (or a dynamic or partition supervisor's {@code start}), or linked to a caller
 * that is not a supervisor.
 */
public final class Arbor {
  /** The system property that turns the shutdown hook off when set to {@code false}. */
  public static final String SHUTDOWN_HOOK_PROPERTY = ShutdownHook.PROPERTY;

  static {
    ShutdownHook.action(Arbor::shutdown);
  }

  private Arbor() {}

  /** Blocks until every top-level supervisor has stopped, including any started meanwhile. */
  public static void awaitTermination() throws InterruptedException {
    for (List<Supervisor> live = Supervisor.topLevel(); !live.isEmpty(); live = Supervisor.topLevel()) {
      live.get(0).awaitTermination();
    }
  }

  /** Waits at most {@code timeout} for every top-level supervisor to stop; returns whether they all did. */
  public static boolean awaitTermination(Duration timeout) throws InterruptedException {
    long nanos = Durations.toNanos(timeout, "timeout");
    long deadline = System.nanoTime() + nanos;
    for (List<Supervisor> live = Supervisor.topLevel(); !live.isEmpty(); live = Supervisor.topLevel()) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !live.get(0).awaitTermination(Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stops every top-level supervisor, newest first, each with {@code shutdown} and as long as its
   * children take: what the shutdown hook does. One that is already gone is skipped.
   */
  public static void shutdown() {
    List<Supervisor> live = new ArrayList<>(Supervisor.topLevel());
    for (int i = live.size() - 1; i >= 0; i--) {
      try {
        live.get(i).stop(ExitReason.shutdown(), null);
      } catch (ExitException alreadyGone) {
        // It stopped by itself meanwhile (noproc) or with another reason: either way it is down.
      }
    }
  }

  /**
   * Turns the JVM shutdown hook on or off. The hook is installed when the first top-level supervisor
   * starts, if it is on then; turned off later, it does nothing when the JVM exits.
   */
  public static void setShutdownHook(boolean on) {
    ShutdownHook.enable(on);
  }

  /** Whether the shutdown hook is on (see {@link #SHUTDOWN_HOOK_PROPERTY}). */
  public static boolean shutdownHookEnabled() {
    return ShutdownHook.enabled();
  }
}
