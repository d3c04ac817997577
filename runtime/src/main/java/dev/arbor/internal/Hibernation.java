package dev.arbor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Hibernation: a process gives up its thread and keeps only its mailbox and a continuation; the
 * producer that wins the mailbox's wake-up gives it a new thread. Whoever takes the continuation
 * (getAndSet) owns it: a resume runs it, an exit drops it.
 */
final class Hibernation {
  private static final VarHandle RESUME;

  static {
    try {
      RESUME = MethodHandles.lookup()
          .findVarHandle(Process.class, "resumeBody", Process.Body.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Hibernation() {}

  static boolean hibernate(Process p, Process.Body continuation) {
    p.resumeBody = continuation;
    Thread me = p.owner;
    p.owner = null; // a finished thread is not worth keeping: resume() gives the process a new one
    if (!p.announceHibernation()) {
      p.owner = me;
      p.resumeBody = null;
      return false;
    }
    if (p.exitReason != null) {
      dropContinuation(p); // killed meanwhile: its exit may have looked before the continuation was set
    }
    return true;
  }

  static void resume(Process p) {
    Process.Body body = (Process.Body) RESUME.getAndSet(p, null);
    if (body == null) {
      return; // killed while hibernated: nothing to run
    }
    if (p.exitReason == null) {
      p.start(body);
    } else {
      p.attachment = null;
    }
  }

  /** A hibernated process that exits has no thread to let go of its body: its exit drops the continuation. */
  static void dropContinuation(Process p) {
    if (RESUME.getAndSet(p, null) != null) {
      p.attachment = null;
    }
  }
}
