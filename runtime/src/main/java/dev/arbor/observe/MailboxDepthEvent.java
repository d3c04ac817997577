package dev.arbor.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Periodic: one event per live process whose mailbox holds at least one message. Off by default
 * (it walks the process table): record with the settings file {@code arbor.jfc} shipped beside this class
 * ({@code -XX:StartFlightRecording:settings=default,settings=arbor.jfc}), or add
 * {@code +dev.arbor.MailboxDepth#enabled=true} to the recording options.
 */
@Name("dev.arbor.MailboxDepth")
@Label("Mailbox Depth")
@Category("Arbor")
@Description("Messages waiting in a process's mailbox, sampled periodically for non-empty mailboxes")
@Enabled(false)
@Period("1 s")
@StackTrace(false)
final class MailboxDepthEvent extends jdk.jfr.Event {
  @Label("Pid")
  String pid;

  @Label("Registered Name")
  String registeredName;

  @Label("Depth")
  int depth;
}
