package dev.arbor.internal;

import dev.arbor.ExitReason;
import dev.arbor.ProcessExit;
import dev.arbor.observe.ArborEvents;

/**
 * Creating a process, starting its body on a virtual thread, and what happens when the body ends:
 * the exit with the body's reason, then letting go of what the dead process ran.
 */
final class Spawning {
  private Spawning() {}

  /** A process that has not started yet, in the table and under its name. */
  static Process create(boolean trapExits, String name) {
    Process p = new Process(false);
    p.trapExits = trapExits;
    ProcessTable.add(p);
    if (name != null) {
      try {
        ProcessTable.register(name, p);
      } catch (RuntimeException e) {
        ProcessTable.remove(p);
        throw e;
      }
    }
    ArborEvents.spawned(p, name);
    return p;
  }

  static Process spawn(Process.Body body, Process linkTo, boolean trapExits, String name) {
    Process p = create(trapExits, name);
    if (linkTo != null) {
      p.linkAtSpawn(linkTo);
    }
    p.start(body);
    return p;
  }

  static void start(Process p, Process.Body body) {
    p.body = body;
    Thread t = Scheduler.newThread(p);
    p.owner = t;
    Scheduler.start(p, t);
  }

  /** The body of {@link Process#run}, on the thread {@link #start} started. */
  static void runBody(Process p) {
    Process.Body body = Hibernation.take(p); // null only if an exit dropped it: exitReason is set
    ExitReason reason;
    Throwable crash = null;
    try {
      if (p.exitReason != null) {
        reason = p.exitReason; // killed before it ran
      } else if (body.run()) {
        return; // hibernated: a later thread carries on
      } else {
        reason = ExitReason.normal();
      }
    } catch (ProcessExit e) {
      reason = e.reason();
    } catch (Throwable t) {
      reason = ExitReason.crash(t);
      if (p.exitReason == null) {
        crash = t; // a throwable caused by a kill (an interrupted wait, say) is no crash
      }
    } finally {
      HeldOutput.release(p); // the thread ends: exited or hibernated
    }
    p.finished = true;
    String name = crash != null ? Holdings.name(p) : null; // the exit frees the name the report shows
    p.exit(reason);
    p.clear();
    forgetBody(p);
    if (crash != null) {
      // After the exit: links and monitors must not wait for a slow or stalled log backend.
      Reports.processCrashed(p.pid, name, crash);
    }
  }

  /**
   * A dead process stays reachable for as long as anyone holds its pid (a {@code Down}, a client, a
   * supervisor's history), so it lets go of what it ran: its server loop and state, its saved
   * messages, its thread. Called by its own thread once the body has ended for good.
   */
  private static void forgetBody(Process p) {
    p.attachment = null;
    p.aside = null;
    p.schedulerTask = null;
    p.owner = null; // body is already null: this thread, a resume or an exit took it
  }
}
