package dev.arbor.internal;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.observe.ArborEvents;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.locks.LockSupport;

/**
 * A process's exit, and exit signals by Erlang's rules.
 *
 * <p>An exit may run on any thread: the process's own when its code returns or throws, another
 * process's when it sends a fatal signal. Under the lock it sets the reason (so the process is dead
 * to everyone from then on) and takes its links, watches and monitors; then, outside the lock, it
 * releases the name and registry entries, cancels timers aimed at it, and only then sends exit
 * signals and {@code Down}s. Cascades along links run from a work list rather than by recursion, so a
 * chain of a million linked processes cannot overflow a stack. Signals to linked processes on other
 * nodes go out through {@link Remote} in the same pass.
 *
 * <p>The threads of the processes a cascade kills are woken (interrupted) once the whole cascade has
 * run, not hop by hop: waking a parked virtual thread hands it to a carrier, and a hundred thousand
 * of them unwinding on the other core while the cascade still runs slowed every hop by contention.
 * Each process is dead to everyone (its reason set, its signals sent) before its thread wakes, as
 * it was before; only its thread's unwinding comes after the last signal.
 */
final class Exits {
  private Exits() {}

  /** Exits {@code p} with {@code reason} and carries every consequence along links. */
  static void exit(Process p, ExitReason reason) {
    Cascade work = new Cascade();
    exitOne(p, reason, work);
    drain(work);
  }

  /**
   * Delivers the exit signal {@code reason} from {@code from} (a local process's pid, or a remote
   * one) to {@code to}, with every consequence. {@code viaLink} tells a link's signal from one sent by
   * {@code exit/2}.
   */
  static void signal(Pid from, Process to, ExitReason reason, boolean viaLink) {
    Cascade work = new Cascade();
    signalOne(from, to, reason, viaLink, work);
    drain(work);
  }

  /**
   * What a cascade has left to do: triples of (the sender's pid, or a late hook), the target, the
   * reason; and the threads of the processes it killed, interrupted when it is done.
   */
  @SuppressWarnings("serial") // never serialized
  private static final class Cascade extends ArrayDeque<Object> {
    private ArrayList<Thread> killed;

    void interruptLater(Thread thread) {
      if (killed == null) {
        killed = new ArrayList<>();
      }
      killed.add(thread);
    }
  }

  private static void drain(Cascade work) {
    try {
      while (!work.isEmpty()) {
        Object first = work.poll();
        Process to = (Process) work.poll();
        ExitReason reason = (ExitReason) work.poll();
        if (first instanceof Process.LateExitHook late) {
          runLate(late, to);
        } else {
          signalOne((Pid) first, to, reason, true, work);
        }
      }
    } finally {
      if (work.killed != null) {
        for (Thread thread : work.killed) {
          thread.interrupt(); // a receive it waits in throws, and user code unwinds
        }
      }
    }
  }

  private static void runLate(Process.LateExitHook hook, Process exited) {
    try {
      hook.afterSignals(exited);
    } catch (RuntimeException e) {
      Reports.hookFailed(exited.pid, e);
    }
  }

  private static void signalOne(Pid from, Process to, ExitReason reason, boolean viaLink, Cascade work) {
    if (to.exitReason != null) {
      return;
    }
    if (reason.kind() == ExitReason.Kind.KILL && !viaLink) {
      exitOne(to, ExitReason.killed(), work);
    } else if (to.trapExits) {
      to.deliver(new Exit(from, reason));
    } else if (reason.isNormal()) {
      if (!viaLink && from == to.pid) {
        exitOne(to, reason, work);
      }
    } else {
      exitOne(to, reason, work);
    }
  }

  private static void exitOne(Process p, ExitReason reason, Cascade work) {
    if (reason.kind() == ExitReason.Kind.KILL) {
      reason = ExitReason.killed();
    }
    HashSet<Object> myLinks;
    Watch myWatches;
    Monitor myHeld;
    String myName;
    HashSet<TimerTask> myTimers;
    ArrayList<Process.ExitHook> hooks;
    p.lock();
    try {
      if (p.exitReason != null) {
        return;
      }
      p.exitReason = reason;
      myLinks = p.links;
      myWatches = p.watches;
      for (Watch w = p.watches; w != null; w = w.next) {
        w.target = null; // from now on removeWatch leaves it alone: this exit fires it
      }
      myHeld = p.held;
      for (Monitor m = p.held; m != null; m = m.nextHeld) {
        m.held = false; // from now on forgetHeld leaves it alone
      }
      myName = p.name;
      p.name = null;
      myTimers = p.timers;
      hooks = p.exitHooks;
      p.links = null;
      p.watches = null;
      p.held = null;
      p.timers = null;
      p.exitHooks = null;
    } finally {
      p.unlock();
    }
    ArborEvents.exited(p, reason);
    Hibernation.dropContinuation(p);
    Thread thread = p.owner;
    boolean ownThread = thread == Thread.currentThread();
    if (!ownThread) {
      while (p.sending) {
        Thread.onSpinWait();
      }
    }
    ProcessTable.remove(p);
    if (myName != null) {
      ProcessTable.releaseName(myName, p);
    }
    if (hooks != null) {
      for (Process.ExitHook hook : hooks) {
        try {
          hook.onExit(p);
        } catch (RuntimeException e) {
          Reports.hookFailed(p.pid, e);
        }
      }
    }
    if (myTimers != null) {
      for (TimerTask t : myTimers) {
        t.cancelBecauseTargetExited();
      }
    }
    for (Monitor m = myHeld; m != null; ) {
      Monitor next = m.nextHeld;
      m.prevHeld = m.nextHeld = null;
      m.unwatch();
      m = next;
    }
    if (!ownThread && thread != null) {
      if (p.adopted) {
        LockSupport.unpark(thread); // a plain thread is never interrupted; a receive it waits in throws
      } else {
        work.interruptLater(thread);
      }
    }
    if (myLinks != null) {
      for (Object linked : myLinks) {
        if (linked instanceof Process local) {
          if (Links.remove(local, p)) {
            work.add(p.pid);
            work.add(local);
            work.add(reason);
          }
        } else {
          Remote.linkedProcessExited(p, (Pid) linked, reason);
        }
      }
    }
    if (hooks != null) {
      for (Process.ExitHook hook : hooks) {
        if (hook instanceof Process.LateExitHook late) { // after the link signals just queued
          work.add(late);
          work.add(p);
          work.add(reason);
        }
      }
    }
    // The list was detached under the lock; each watch now belongs to this exit alone.
    for (Watch w = myWatches; w != null; ) {
      Watch next = w.next;
      w.prev = w.next = null;
      w.fire(p, reason);
      w = next;
    }
  }
}
