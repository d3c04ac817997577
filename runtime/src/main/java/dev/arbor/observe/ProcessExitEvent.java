package dev.arbor.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A process exited. */
@Name("dev.arbor.ProcessExit")
@Label("Process Exit")
@Category("Arbor")
@Description("A process exited, with its exit reason")
@StackTrace(false)
final class ProcessExitEvent extends jdk.jfr.Event {
  @Label("Pid")
  String pid;

  @Label("Reason Kind")
  @Description("normal, shutdown, killed, noproc, crash, ...")
  String reasonKind;

  @Label("Reason")
  String reason;

  @Label("Plain Thread")
  @Description("Whether this was a plain thread's identity (Proc.adopt) rather than a spawned process")
  boolean plainThread;
}
