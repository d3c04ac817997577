package dev.arbor;

/**
 * Unwinds the thread of a process that has exited. Thrown by every Arbor operation a dead process's
 * thread makes, and by {@link Proc#exit(ExitReason)}; it is an {@link Error} so that ordinary {@code
 * catch (Exception e)} blocks let it pass. In a server's handler, {@code Proc.exit} throws it while
 * the server is still alive, so that the server loop can run {@code @Terminate} before it exits.
 *
 * <p><b>Deviation</b> from Erlang: Java cannot stop a thread from outside, so a process killed while
 * busy is already dead to the system but its thread runs on until its next Arbor operation. Code that
 * catches {@code Throwable} should rethrow this.
 */
public final class ProcessExit extends Error {
  private static final long serialVersionUID = 1L;

  private final transient ExitReason reason;

  public ProcessExit(ExitReason reason) {
    super("process exited: " + reason, null, false, false);
    this.reason = reason;
  }

  public ExitReason reason() {
    return reason;
  }
}
