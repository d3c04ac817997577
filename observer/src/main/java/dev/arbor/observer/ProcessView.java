package dev.arbor.observer;

import dev.arbor.ExitException;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.observe.ProcessStacks;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.server.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The process page: its info, links and monitors, its state as the server chooses to show it
 * ({@link Server#getStatus}, so {@code FormatStatus} redactions hold; the call has a timeout), and
 * its thread's stack.
 */
final class ProcessView {
  /** Longer texts (a huge state, a deep stack) are cut here, saying so. */
  static final int MAX_TEXT = 20_000;
  private static final int MAX_FRAMES = 64;

  private ProcessView() {}

  static Map<String, Object> render(Pid pid) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", pid.toString());
    Optional<ProcessInfo> found = Proc.info(pid);
    if (found.isEmpty()) {
      m.put("alive", false);
      return m;
    }
    ProcessInfo i = found.get();
    m.put("alive", true);
    m.put("name", i.name());
    m.put("kind", Kinds.label(i));
    m.put("serverClass", i.serverClass());
    m.put("status", i.status().name().toLowerCase(Locale.ROOT));
    m.put("mailbox", i.mailboxLength());
    m.put("handler", i.currentHandler());
    m.put("trapExits", i.trapExits());
    m.put("timers", i.timers());
    m.put("links", strings(i.links()));
    m.put("monitors", strings(i.monitors()));
    m.put("monitoredBy", strings(i.monitoredBy()));
    m.put("traceable", i.serverClass() != null);
    if (i.serverClass() != null) {
      m.put("state", state(pid));
    }
    m.put("stack", ProcessStacks.of(pid)
        .map(ProcessView::frames)
        .orElse(i.status() == ProcessInfo.Status.HIBERNATED ? "(hibernated: no thread until its next message)" : "(no thread)"));
    return m;
  }

  private static String state(Pid pid) {
    try {
      return cut(String.valueOf(Server.getStatus(pid)));
    } catch (CallTimeoutException e) {
      return "(not answering: " + e.getMessage() + ")";
    } catch (ExitException e) {
      return "(exited)";
    } catch (RuntimeException e) {
      return "(cannot show its state: " + e + ")";
    }
  }

  private static String frames(List<StackTraceElement> stack) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(stack.size(), MAX_FRAMES);
    for (int k = 0; k < n; k++) {
      out.append("at ").append(stack.get(k)).append('\n');
    }
    if (stack.size() > n) {
      out.append("... ").append(stack.size() - n).append(" more\n");
    }
    return out.toString();
  }

  private static List<String> strings(List<Pid> pids) {
    return pids.stream().map(Pid::toString).toList();
  }

  /** {@code text}, cut to {@link #MAX_TEXT} characters with a note saying how much was left out. */
  static String cut(String text) {
    return text.length() <= MAX_TEXT ? text
        : text.substring(0, MAX_TEXT) + "... (" + (text.length() - MAX_TEXT) + " more characters)";
  }
}
