package dev.arbor.internal;

import dev.arbor.Pid;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The runtime's own log lines, through {@link System.Logger} so they land in whatever logging the
 * application uses. Each starts with a stable, greppable tag.
 */
public final class Reports {
  private static final Logger LOG = System.getLogger("dev.arbor");

  private Reports() {}

  /** Erlang's "Error in process ... with exit value": a plain process crashed. */
  static void processCrashed(Pid pid, Throwable cause) {
    if (LOG.isLoggable(Level.ERROR)) {
      LOG.log(Level.ERROR, "[arbor.crash] process " + pid + " crashed: " + cause, cause);
    }
  }

  static void hookFailed(Pid pid, RuntimeException e) {
    LOG.log(Level.ERROR, "[arbor.bug] an exit hook of " + pid + " threw; please report this", e);
  }

  static void connectionFailed(String node, RuntimeException e) {
    LOG.log(Level.ERROR, "[arbor.dist] the connection to " + node + " threw instead of queueing a signal;"
        + " the signal is lost, the sender goes on", e);
  }

  static void timerFailed(Throwable e) {
    LOG.log(Level.ERROR, "[arbor.bug] a timer threw; please report this", e);
  }
}
