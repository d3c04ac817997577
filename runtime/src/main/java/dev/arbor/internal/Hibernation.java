package dev.arbor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Hibernation: a process gives up its thread and keeps only its mailbox and a continuation; the
 * producer that wins the mailbox's wake-up gives it a new thread. Whoever takes the continuation
 * (getAndSet) owns it: a resume runs it, an exit drops it.
 */
final class Hibernation {
  private static final VarHandle BODY;

  static {
    try {
      BODY = MethodHandles.lookup().findVarHandle(Process.class, "body", Process.Body.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Hibernation() {}

  static boolean hibernate(Process p, Process.Body continuation) {
    p.body = continuation;
    Thread me = p.owner;
    Runnable task = p.schedulerTask;
    p.schedulerTask = null;
    p.owner = null; // a finished thread is not worth keeping: resume() gives the process a new one
    if (!p.announceHibernation()) {
      p.owner = me;
      p.schedulerTask = task;
      p.body = null;
      return false;
    }
    if (p.exitReason != null) {
      dropContinuation(p); // killed meanwhile: its exit may have looked before the continuation was set
    }
    return true;
  }

  static void resume(Process p) {
    Process.Body body = take(p);
    if (body == null) {
      return; // killed while hibernated: nothing to run
    }
    if (p.exitReason == null) {
      p.start(body);
    } else {
      p.attachment = null;
    }
  }

  /**
   * A hibernated process that exits has no thread to let go of its body: its exit drops the
   * continuation (or, for a process killed before its thread ran, the body it was started with).
   */
  static void dropContinuation(Process p) {
    if (take(p) != null) {
      p.attachment = null;
    }
  }

  /** Takes what the process would run next, or null if its thread, a resume or an exit took it first. */
  static Process.Body take(Process p) {
    return (Process.Body) BODY.getAndSet(p, null);
  }
}
