package dev.arbor.observe;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A process was created (spawned, or a server or supervisor started). */
@Name("dev.arbor.ProcessSpawn")
@Label("Process Spawn")
@Category("Arbor")
@Description("A process was created")
@StackTrace(false)
final class ProcessSpawnEvent extends jdk.jfr.Event {
  @Label("Pid")
  String pid;

  @Label("Spawned By")
  @Description("The pid of the process that spawned it, or empty")
  String spawnedBy;

  @Label("Registered Name")
  String registeredName;
}
