package dev.arbor.internal;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.observe.ArborEvents;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.util.Arrays;

/**
 * The runtime's own log lines, through {@link System.Logger} so they land in whatever logging the
 * application uses. Each starts with a stable, greppable tag.
 *
 * <p>Every report is a pattern with {@code {0}}-style placeholders (System.Logger's convention) and its
 * fields: the pid, name and server class first, so that a structured appender can index them. {@link
 * #log} decides how they travel, because System.Logger takes either arguments or a throwable, never
 * both.
 */
public final class Reports {
  private static final Logger LOG = System.getLogger("dev.arbor");

  /**
   * Whether System.Logger is bridged to SLF4J ({@code org.slf4j:slf4j-jdk-platform-logging}). That
   * bridge hands a call's arguments to the SLF4J event as its arguments, and SLF4J backends take a
   * trailing Throwable argument as the event's cause, so reports keep both their fields and their
   * stack trace. Any other backend (java.util.logging by default) is given the formatted text and the
   * cause, exactly as before: its handlers read the text, and a Throwable among the arguments would
   * lose its stack trace there.
   */
  private static final boolean SLF4J =
      System.LoggerFinder.getLoggerFinder().getClass().getName().startsWith("org.slf4j.");

  private Reports() {}

  /**
   * Logs {@code pattern} with {@code fields} at {@code level}, with {@code cause} (or null) as its
   * throwable. {@code pattern} must be a {@link MessageFormat} pattern without quotes; fields are
   * shown as their {@code toString()}.
   */
  public static void log(Logger log, Level level, Throwable cause, String pattern, Object... fields) {
    if (!SLF4J) {
      log.log(level, MessageFormat.format(pattern, fields), cause);
      return;
    }
    Object[] args = Arrays.copyOf(fields, fields.length + (cause == null ? 0 : 1));
    for (int i = 0; i < fields.length; i++) {
      if (args[i] instanceof String text) {
        // The bridge formats the text itself, then Logback formats it again with SLF4J's {}
        // placeholders: a state printed as "{}" would show an argument instead, unless escaped.
        args[i] = text.replace("{}", "\\{}");
      }
    }
    if (cause != null) {
      args[fields.length] = cause;
    }
    log.log(level, pattern, args);
  }

  /**
   * Erlang's "Error in process ... with exit value": a plain process crashed. Fields: pid, the name it
   * was registered under when it crashed (empty without one), the cause's text.
   */
  static void processCrashed(Pid pid, String name, Throwable cause) {
    ArborEvents.crashed(pid, null, ExitReason.crash(cause));
    if (LOG.isLoggable(Level.ERROR)) {
      log(LOG, Level.ERROR, cause,
          name != null ? "[arbor.crash] process {0} ({1}) crashed: {2}" : "[arbor.crash] process {0}{1} crashed: {2}",
          pid, name != null ? name : "", String.valueOf(cause));
    }
  }

  static void hookFailed(Pid pid, RuntimeException e) {
    log(LOG, Level.ERROR, e, "[arbor.bug] an exit hook of {0} threw; please report this", pid);
  }

  static void connectionFailed(String node, RuntimeException e) {
    LOG.log(Level.ERROR, "[arbor.dist] the connection to " + node + " threw instead of queueing a signal;"
        + " the signal is lost, the sender goes on", e);
  }

  static void heldWriteFailed(RuntimeException e) {
    LOG.log(Level.ERROR, "[arbor.dist] a connection's write of held output threw; what it held waits"
        + " for the connection's next write", e);
  }

  static void timerFailed(Throwable e) {
    LOG.log(Level.ERROR, "[arbor.bug] a timer threw; please report this", e);
  }
}
