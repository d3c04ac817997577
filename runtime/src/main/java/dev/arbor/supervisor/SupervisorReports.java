package dev.arbor.supervisor;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.internal.Reports;
import dev.arbor.observe.ArborEvents;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * One supervisor's reports (OTP's supervisor reports: child_terminated, start_error, shutdown_error,
 * reached_max_restart_intensity) through {@link System.Logger}. Every first line starts with {@code
 * [arbor.supervisor]} and a fixed phrase, so that logs can be grepped for it. Fields, in order: the
 * supervisor's pid, its registered name (empty without one), the child's id, then the child's pids
 * where the report has them. Each is an argument of its own, so a structured appender can index it
 * without parsing the text; the words between them are in the pattern.
 */
final class SupervisorReports {
  private static final Logger LOG = System.getLogger("dev.arbor.supervisor");

  private final Pid pid;
  private final String name;
  /** The supervisor as a report names it, a pattern over {0} and {1}: "supervisor {0} ({1})". */
  private final String who;
  /** The same, formatted: "supervisor <0.2.0> (shop)"; what error messages and restart events name. */
  final String label;

  SupervisorReports(boolean dynamic, Pid pid, Name name) {
    this.pid = pid;
    this.name = name != null ? name.toString() : "";
    String kind = dynamic ? "dynamic supervisor " : "supervisor ";
    this.who = kind + (name != null ? "{0} ({1})" : "{0}");
    this.label = kind + pid + (name != null ? " (" + name + ")" : "");
  }

  void childExited(Child child, Pid childPid, ExitReason reason) {
    if (LOG.isLoggable(Level.ERROR)) { // the crash report already carries the stack trace
      Reports.log(LOG, Level.ERROR, null,
          "[arbor.supervisor] child exited: " + who + ", child \"{2}\" {3} exited with {4}{5}",
          pid, name, child.id(), childPid, reason.toString(), offender(child));
    }
  }

  /** Fields: supervisor pid and name, child id, old pid, new pid; either pid null (none, or the start ignored). */
  void restarted(Child child, Pid oldPid, Pid newPid) {
    ArborEvents.restarted(label, child.id(), oldPid, newPid);
    if (LOG.isLoggable(Level.INFO)) {
      Reports.log(LOG, Level.INFO, null, "[arbor.supervisor] child restarted: " + who + ", child \"{2}\" "
          + (oldPid != null ? "{3} -> " : "") + (newPid != null ? "{4}" : "ignored"),
          pid, name, child.id(), oldPid, newPid);
    }
  }

  void startFailed(Child child, Throwable cause) {
    Reports.log(LOG, Level.ERROR, cause,
        "[arbor.supervisor] child failed to start: " + who + ", child \"{2}\": {3}{4}",
        pid, name, child.id(), String.valueOf(cause), offender(child));
  }

  void intensityExceeded(Child child, int maxRestarts, Duration period) {
    Reports.log(LOG, Level.ERROR, null, "[arbor.supervisor] intensity exceeded: " + who + " had more than {3} restarts"
        + " within {4} ms (last: child \"{2}\"); stopping all children and exiting with shutdown",
        pid, name, child.id(), String.valueOf(maxRestarts), String.valueOf(period.toMillis()));
  }

  void autoShutdown(Child child) {
    Reports.log(LOG, Level.INFO, null, "[arbor.supervisor] auto shutdown: " + who + ", significant child \"{2}\""
        + " exited; stopping all children and exiting with shutdown", pid, name, child.id());
  }

  void shuttingDown(ExitReason reason, int children) {
    if (LOG.isLoggable(Level.INFO)) {
      Reports.log(LOG, Level.INFO, null, "[arbor.supervisor] shutdown: " + who + " stopping {2} {3}, reason {4}",
          pid, name, String.valueOf(children), children == 1 ? "child" : "children", reason.toString());
    }
  }

  void shutdownError(Child child, Pid childPid, ExitReason reason) {
    Reports.log(LOG, Level.ERROR, null,
        "[arbor.supervisor] shutdown error: " + who + ", child \"{2}\" {3} exited with {4} instead of shutdown{5}",
        pid, name, child.id(), childPid, reason.toString(), offender(child));
  }

  private static String offender(Child child) {
    ChildSpec s = child.spec;
    return "\n  offender: id=" + s.id() + ", restart=" + s.restart() + ", shutdown=" + s.shutdown() + ", type="
        + s.type() + (s.significant() ? ", significant" : "");
  }
}
