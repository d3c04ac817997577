package dev.arbor.internal;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.ProcessExit;

/**
 * Which process the running thread is. A process's own thread carries its process as the thread's
 * uncaught-exception handler; a plain thread (main, a test, a pool thread) that needs an identity is
 * adopted and keeps it in a {@code ThreadLocal} until it releases it or is found dead.
 */
final class CurrentProcess {
  private static final ThreadLocal<Process> CURRENT = new ThreadLocal<>();

  private CurrentProcess() {}

  /** The process of the current thread, or null for a plain thread that has none yet. */
  static Process orNull() {
    // A process's own thread carries the process as its uncaught-exception handler: cheaper to read
    // than a ThreadLocal, and no ThreadLocalMap (136 bytes) per process. Plain threads use CURRENT.
    if (Thread.currentThread().getUncaughtExceptionHandler() instanceof Process p) {
      return p;
    }
    return CURRENT.get();
  }

  /** The process of the current thread, adopting a plain thread on first use; throws if it exited. */
  static Process get() {
    Process p = orNull();
    if (p == null) {
      return adopt();
    }
    p.checkAlive();
    return p;
  }

  /** Gives the current plain thread a process identity. */
  static Process adopt() {
    Process existing = orNull();
    if (existing != null) {
      existing.checkAlive();
      throw new IllegalStateException("this thread already is process " + existing.pid);
    }
    Process p = new Process(true);
    p.owner = Thread.currentThread();
    CURRENT.set(p);
    ProcessTable.add(p);
    ProcessTable.adopted(p);
    return p;
  }

  /** Ends the current plain thread's identity with {@code normal}; a no-op if it has none. */
  static void release() {
    Process p = orNull(); // a process's own thread is known by its handler, not CURRENT
    if (p == null) {
      return;
    }
    if (!p.adopted) {
      throw new IllegalStateException("only a plain thread's identity can be released; " + p.pid + " is a process");
    }
    CURRENT.remove();
    p.exit(ExitReason.normal());
  }

  /**
   * Throws for {@code p}, the current thread's process, which has exited: {@link ProcessExit} on a
   * process's own thread; {@link ExitException} on a plain thread, which forgets the dead identity
   * so that its next Arbor call gets a fresh one.
   */
  static void throwExited(Process p) {
    ExitReason r = p.exitReason;
    if (!p.adopted) {
      throw new ProcessExit(r);
    }
    if (CURRENT.get() == p) {
      CURRENT.remove();
    }
    throw new ExitException(r, "this thread's process " + p.pid + " exited: " + r);
  }
}
