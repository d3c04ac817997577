package dev.arbor.observe;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A supervisor restarted a child. */
@Name("dev.arbor.SupervisorRestart")
@Label("Supervisor Restart")
@Category("Arbor")
@StackTrace(false)
final class SupervisorRestartEvent extends jdk.jfr.Event {
  @Label("Supervisor")
  String supervisor;

  @Label("Child Id")
  String childId;

  @Label("Old Pid")
  String oldPid;

  @Label("New Pid")
  String newPid;
}
