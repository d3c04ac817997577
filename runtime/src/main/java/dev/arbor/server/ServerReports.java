package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.internal.Process;
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

  static void crash(ServerType<?, ?> type, Process self, Name name, Object lastMessage, Object state, ExitReason reason) {
    if (!LOG.isLoggable(Level.ERROR)) {
      return;
    }
    String text = "[arbor.crash] GenServer " + type.serverClass() + " " + self.pid()
        + (name != null ? " (" + name + ")" : "") + " terminating"
        + "\n  last message: " + describe(lastMessage)
        + "\n  state: " + safeToString(type.describe(state))
        + "\n  reason: " + reason;
    LOG.log(Level.ERROR, text, reason.cause());
  }

  static void unmatched(ServerType<?, ?> type, Process self, Name name, Object message) {
    LOG.log(Level.WARNING, "[arbor.unmatched] GenServer " + type.serverClass() + " " + self.pid()
        + (name != null ? " (" + name + ")" : "") + " dropped a message no @Info handler takes: "
        + message.getClass().getName() + ": " + safeToString(message));
  }

  private static String describe(Object message) {
    if (message instanceof CallRequest call) {
      return "call " + call.handler() + " " + safeToString(call.request()) + " from " + call.slot().caller.pid();
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
