package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.internal.Process;
import dev.arbor.internal.Reports;
import dev.arbor.observe.ArborEvents;
import dev.arbor.server.Envelopes.CallRequest;
import dev.arbor.server.Envelopes.CastRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * A GenServer's crash reports (OTP's SASL crash report: who, last message, state, reason, stack)
 * and its warnings, through {@link System.Logger}. Each first line carries a stable tag.
 */
final class ServerReports {
  private static final Logger LOG = System.getLogger("dev.arbor.server");

  private ServerReports() {}

  /**
   * OTP's crash report. Its fields, in order: pid, registered name (when it has one), server class,
   * last message, state, reason; the reason's cause is the report's throwable.
   */
  static void crash(ServerType<?, ?> type, Process self, Name name, Object lastMessage, Object state, ExitReason reason) {
    ArborEvents.crashed(self.pid(), type.serverClass(), reason); // counted even when the report is not logged
    if (!LOG.isLoggable(Level.ERROR)) {
      return;
    }
    String details = "\n  last message: {3}\n  state: {4}\n  reason: {5}";
    Reports.log(LOG, Level.ERROR, reason.cause(),
        (name != null ? "[arbor.crash] GenServer {2} {0} ({1}) terminating" : "[arbor.crash] GenServer {2} {0}{1} terminating")
            + details,
        self.pid(), name != null ? name.toString() : "", type.serverClass(), describe(lastMessage),
        safeToString(type.describe(state)), reason.toString());
  }

  /** Fields: pid, registered name (or empty), server class, the message's class, the message. */
  static void unmatched(ServerType<?, ?> type, Process self, Name name, Object message) {
    Reports.log(LOG, Level.WARNING, null,
        (name != null ? "[arbor.unmatched] GenServer {2} {0} ({1})" : "[arbor.unmatched] GenServer {2} {0}{1}")
            + " dropped a message no @Info handler takes: {3}: {4}",
        self.pid(), name != null ? name.toString() : "", type.serverClass(), message.getClass().getName(),
        safeToString(message));
  }

  private static String describe(Object message) {
    if (message instanceof CallRequest call) {
      return "call " + call.handler() + " " + safeToString(call.request()) + " from " + call.slot().callerPid();
    }
    if (message instanceof CastRequest cast) {
      return "cast " + safeToString(cast.request());
    }
    return safeToString(message);
  }

  /** A state or message whose toString throws must not hide the crash being reported. */
  private static String safeToString(Object o) {
    try {
      return String.valueOf(o);
    } catch (RuntimeException e) {
      return o.getClass().getName() + " (toString threw " + e + ")";
    }
  }
}
