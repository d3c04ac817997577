package dev.arbor.supervisor;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.internal.Reports;
import dev.arbor.observe.ArborEvents;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * A supervisor's reports (OTP's supervisor reports: child_terminated, start_error, shutdown_error,
 * reached_max_restart_intensity) through {@link System.Logger}. Every first line starts with {@code
 * [arbor.supervisor]} and a fixed phrase, so that logs can be grepped for it. Fields, in order: the
 * supervisor (its pid and name), the child's id, then the child's pid where the report has one.
 */
final class SupervisorReports {
  private static final Logger LOG = System.getLogger("dev.arbor.supervisor");

  private SupervisorReports() {}

  static void childExited(String sup, Child child, Pid pid, ExitReason reason) {
    if (LOG.isLoggable(Level.ERROR)) { // the crash report already carries the stack trace
      Reports.log(LOG, Level.ERROR, null, "[arbor.supervisor] child exited: {0}, child \"{1}\" {2} exited with {3}{4}",
          sup, child.id(), pid, reason.toString(), offender(child));
    }
  }

  static void restarted(String sup, Child child, Pid oldPid, Pid newPid) {
    ArborEvents.restarted(sup, child.id(), oldPid, newPid);
    if (LOG.isLoggable(Level.INFO)) {
      Reports.log(LOG, Level.INFO, null, "[arbor.supervisor] child restarted: {0}, child \"{1}\" {2}{3}",
          sup, child.id(), oldPid != null ? oldPid + " -> " : "", newPid != null ? newPid.toString() : "ignored");
    }
  }

  static void startFailed(String sup, Child child, Throwable cause) {
    Reports.log(LOG, Level.ERROR, cause, "[arbor.supervisor] child failed to start: {0}, child \"{1}\": {2}{3}",
        sup, child.id(), String.valueOf(cause), offender(child));
  }

  static void intensityExceeded(String sup, Child child, int maxRestarts, Duration period) {
    Reports.log(LOG, Level.ERROR, null, "[arbor.supervisor] intensity exceeded: {0} had more than {2} restarts within"
        + " {3} ms (last: child \"{1}\"); stopping all children and exiting with shutdown",
        sup, child.id(), String.valueOf(maxRestarts), String.valueOf(period.toMillis()));
  }

  static void autoShutdown(String sup, Child child) {
    Reports.log(LOG, Level.INFO, null, "[arbor.supervisor] auto shutdown: {0}, significant child \"{1}\" exited;"
        + " stopping all children and exiting with shutdown", sup, child.id());
  }

  static void shuttingDown(String sup, ExitReason reason, int children) {
    if (LOG.isLoggable(Level.INFO)) {
      Reports.log(LOG, Level.INFO, null, "[arbor.supervisor] shutdown: {0} stopping {1} {2}, reason {3}",
          sup, String.valueOf(children), children == 1 ? "child" : "children", reason.toString());
    }
  }

  static void shutdownError(String sup, Child child, Pid pid, ExitReason reason) {
    Reports.log(LOG, Level.ERROR, null,
        "[arbor.supervisor] shutdown error: {0}, child \"{1}\" {2} exited with {3} instead of shutdown{4}",
        sup, child.id(), pid, reason.toString(), offender(child));
  }

  private static String offender(Child child) {
    ChildSpec s = child.spec;
    return "\n  offender: id=" + s.id() + ", restart=" + s.restart() + ", shutdown=" + s.shutdown() + ", type="
        + s.type() + (s.significant() ? ", significant" : "");
  }
}
