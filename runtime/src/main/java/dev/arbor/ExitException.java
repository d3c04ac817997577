package dev.arbor;

/**
 * A process the caller depended on exited, or the caller's own plain-thread identity was killed. A
 * call to a dead or unregistered server throws this with {@link ExitReason#noproc()}; a call whose
 * server dies meanwhile throws it with the server's reason.
 */
public class ExitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ExitReason reason;

  public ExitException(ExitReason reason, String message) {
    super(message, reason.cause());
    this.reason = reason;
  }

  public ExitException(ExitReason reason) {
    this(reason, "exit: " + reason);
  }

  public ExitReason reason() {
    return reason;
  }
}
