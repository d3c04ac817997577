package dev.arbor.supervisor;

import dev.arbor.ExitException;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import java.util.List;
import java.util.Locale;

/**
 * Renders a live supervision tree as text, for logs and debugging:
 *
 * <pre>
 * &lt;0.12.0&gt; supervisor app
 *   db &lt;0.13.0&gt; worker permanent
 *   web &lt;0.14.0&gt; supervisor permanent
 *     listener &lt;0.15.0&gt; worker permanent
 * </pre>
 *
 * Each supervisor is asked in turn, from the caller's thread, so a supervisor never waits on another.
 */
final class SupervisorTree {
  private SupervisorTree() {}

  static String render(Pid root) {
    Supervisor.of(root); // refuses a live process that is not a supervisor
    StringBuilder out = new StringBuilder();
    out.append(root).append(LiveSupervisors.isDynamic(root) ? " dynamic supervisor" : " supervisor");
    Proc.info(root).map(ProcessInfo::name).ifPresent(n -> out.append(' ').append(n));
    out.append('\n');
    appendChildren(out, root, 1);
    return out.toString();
  }

  private static void appendChildren(StringBuilder out, Pid supervisor, int depth) {
    String indent = "  ".repeat(depth);
    List<ChildInfo> children;
    try {
      children = Supervisor.of(supervisor).whichChildren();
    } catch (ExitException | IllegalArgumentException gone) {
      out.append(indent).append("(not running)\n");
      return;
    }
    for (ChildInfo c : children) {
      out.append(indent).append(c.id()).append(' ')
          .append(c.restarting() ? "restarting" : c.pid().map(Pid::toString).orElse("undefined")).append(' ')
          .append(c.type().name().toLowerCase(Locale.ROOT)).append(' ')
          .append(c.restart().name().toLowerCase(Locale.ROOT)).append('\n');
      if (c.type() == ChildSpec.Type.SUPERVISOR && c.pid().isPresent()
          && LiveSupervisors.isSupervisor(c.pid().get())) {
        appendChildren(out, c.pid().get(), depth + 1);
      }
    }
  }
}
