package dev.arbor.supervisor;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.observe.ArborEvents;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * A supervisor's reports (OTP's supervisor reports: child_terminated, start_error, shutdown_error,
 * reached_max_restart_intensity) through {@link System.Logger}. Every first line starts with {@code
 * [arbor.supervisor]} and a fixed phrase, so that logs can be grepped for it.
 */
final class SupervisorReports {
  private static final Logger LOG = System.getLogger("dev.arbor.supervisor");

  private SupervisorReports() {}

  static void childExited(String sup, Child child, Pid pid, ExitReason reason) {
    if (LOG.isLoggable(Level.ERROR)) {
      LOG.log(Level.ERROR, "[arbor.supervisor] child exited: " + sup + ", child \"" + child.id() + "\" " + pid
          + " exited with " + reason + offender(child)); // the crash report already carries the stack trace
    }
  }

  static void restarted(String sup, Child child, Pid oldPid, Pid newPid) {
    ArborEvents.restarted(sup, child.id(), oldPid, newPid);
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "[arbor.supervisor] child restarted: " + sup + ", child \"" + child.id() + "\" "
          + (oldPid != null ? oldPid + " -> " : "") + (newPid != null ? newPid : "ignored"));
    }
  }

  static void startFailed(String sup, Child child, Throwable cause) {
    LOG.log(Level.ERROR, "[arbor.supervisor] child failed to start: " + sup + ", child \"" + child.id() + "\": "
        + cause + offender(child), cause);
  }

  static void intensityExceeded(String sup, Child child, int maxRestarts, Duration period) {
    LOG.log(Level.ERROR, "[arbor.supervisor] intensity exceeded: " + sup + " had more than " + maxRestarts
        + " restarts within " + period.toMillis() + " ms (last: child \"" + child.id() + "\"); stopping all children"
        + " and exiting with shutdown");
  }

  static void autoShutdown(String sup, Child child) {
    LOG.log(Level.INFO, "[arbor.supervisor] auto shutdown: " + sup + ", significant child \"" + child.id()
        + "\" exited; stopping all children and exiting with shutdown");
  }

  static void shuttingDown(String sup, ExitReason reason, int children) {
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "[arbor.supervisor] shutdown: " + sup + " stopping " + children
          + (children == 1 ? " child" : " children") + ", reason " + reason);
    }
  }

  static void shutdownError(String sup, Child child, Pid pid, ExitReason reason) {
    LOG.log(Level.ERROR, "[arbor.supervisor] shutdown error: " + sup + ", child \"" + child.id() + "\" " + pid
        + " exited with " + reason + " instead of shutdown" + offender(child));
  }

  private static String offender(Child child) {
    ChildSpec s = child.spec;
    return "\n  offender: id=" + s.id() + ", restart=" + s.restart() + ", shutdown=" + s.shutdown() + ", type="
        + s.type() + (s.significant() ? ", significant" : "");
  }
}
