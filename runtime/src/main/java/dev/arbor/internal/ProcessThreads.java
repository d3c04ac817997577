package dev.arbor.internal;

/** Reads the thread that runs a process, for live tools that show its stack. */
public final class ProcessThreads {
  private ProcessThreads() {}

  /**
   * The current stack of the thread running {@code p}, or null when no thread runs it (hibernated,
   * not started, or finished). A plain thread's identity shows that thread's stack.
   */
  public static StackTraceElement[] stackOf(Process p) {
    Thread t = p.owner;
    return t == null || !t.isAlive() ? null : t.getStackTrace();
  }
}
