package dev.arbor.supervisor;

import dev.arbor.Pid;
import java.util.ArrayList;
import java.util.List;

/** The processes that get a supervisor's {@link SupervisorEvent}s. Owned by the supervisor's process. */
final class Subscribers {
  private final List<Pid> pids = new ArrayList<>(2);

  void add(Pid pid) {
    if (!pids.contains(pid)) {
      pids.add(pid);
    }
  }

  void remove(Pid pid) {
    pids.remove(pid);
  }

  /** Sends {@code event} to every live subscriber and forgets the dead ones. */
  void publish(SupervisorEvent event) {
    if (pids.isEmpty()) {
      return;
    }
    pids.removeIf(p -> !p.isAlive());
    for (Pid p : pids) {
      p.send(event);
    }
  }
}
