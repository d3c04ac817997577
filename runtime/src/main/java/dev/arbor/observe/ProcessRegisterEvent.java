package dev.arbor.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A running process was registered under a name ({@code Proc.register}). A name given at spawn is on
 * the spawn event instead, so a recording finds every name a process held from one of the two.
 */
@Name("dev.arbor.ProcessRegister")
@Label("Process Register")
@Category("Arbor")
@Description("A process was registered under a name after it was spawned")
@StackTrace(false)
final class ProcessRegisterEvent extends jdk.jfr.Event {
  @Label("Pid")
  String pid;

  @Label("Registered Name")
  String registeredName;
}
