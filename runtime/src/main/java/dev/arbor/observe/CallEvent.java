package dev.arbor.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One {@code @Call} handled by a GenServer: its duration is the handler's, in the server. */
@Name("dev.arbor.Call")
@Label("GenServer Call")
@Category("Arbor")
@Description("A @Call handled by a GenServer, timed from dispatch to outcome")
@StackTrace(false)
final class CallEvent extends jdk.jfr.Event {
  @Label("Server Class")
  String serverClass;

  @Label("Handler")
  String handler;

  @Label("Outcome")
  @Description("reply, deferred, error (a declared exception, returned to the caller) or crash")
  String outcome;

  @Label("Pid")
  String pid;

  @Label("Mailbox Depth")
  @Description("Messages waiting in the server's mailbox when the call finished")
  int mailboxDepth;
}
