package dev.arbor.observer;

import dev.arbor.ExitException;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.supervisor.ChildInfo;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tree page: every top-level supervisor and, nested, its children, each supervisor asked in turn
 * with a short timeout (a busy supervisor shows as "not answering" rather than holding the page).
 * Runs on a thread that has a process identity, since asking a supervisor is a call.
 */
final class TreeView {
  /** How long one supervisor may take to describe itself. */
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(1);
  /** Deeper trees are cut here; supervision trees are shallow, and a cycle cannot form, but bound it anyway. */
  private static final int MAX_DEPTH = 32;

  private TreeView() {}

  static Map<String, Object> render() {
    List<Object> roots = new ArrayList<>();
    for (Supervisor s : Supervisor.topLevel()) {
      roots.add(supervisor(s.pid(), 0));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("supervisors", roots);
    return out;
  }

  private static Map<String, Object> supervisor(Pid pid, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", pid.toString());
    m.put("name", Proc.info(pid).map(ProcessInfo::name).orElse(null));
    SupervisorSnapshot s;
    try {
      s = SupervisorSnapshot.of(pid, ASK_TIMEOUT);
    } catch (CallTimeoutException e) {
      m.put("error", "not answering within " + ASK_TIMEOUT.toMillis() + " ms");
      return m;
    } catch (ExitException | IllegalArgumentException gone) {
      m.put("error", "not running");
      return m;
    }
    m.put("strategy", s.dynamic() ? "dynamic" : lower(s.strategy().name()));
    m.put("maxRestarts", s.maxRestarts());
    m.put("periodMillis", s.period().toMillis());
    List<Object> children = new ArrayList<>();
    for (SupervisorSnapshot.ChildSnapshot c : s.children()) {
      children.add(child(c, depth));
    }
    m.put("children", children);
    return m;
  }

  private static Map<String, Object> child(SupervisorSnapshot.ChildSnapshot c, int depth) {
    ChildInfo info = c.info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", info.id());
    m.put("pid", info.restarting() ? null : info.pid().map(Pid::toString).orElse(null));
    m.put("state", info.restarting() ? "restarting" : info.pid().isPresent() ? "running" : "stopped");
    m.put("type", lower(info.type().name()));
    m.put("restart", lower(info.restart().name()));
    m.put("restarts", c.restarts());
    m.put("lastRestart", c.lastRestartMillis() == 0 ? null : c.lastRestartMillis());
    Optional<ProcessInfo> p = info.pid().flatMap(Proc::info);
    m.put("name", p.map(ProcessInfo::name).orElse(null));
    m.put("kind", p.map(Kinds::label).orElse(null));
    if (info.type() == ChildSpec.Type.SUPERVISOR && info.pid().isPresent() && depth < MAX_DEPTH
        && SupervisorSnapshot.isSupervisor(info.pid().get())) {
      m.put("supervisor", supervisor(info.pid().get(), depth + 1));
    }
    return m;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
