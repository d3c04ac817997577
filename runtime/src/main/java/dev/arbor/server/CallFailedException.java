package dev.arbor.server;

/**
 * A deferred reply failed with a checked exception that the called handler does not declare; the
 * exception is the cause.
 */
public final class CallFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CallFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
