package dev.arbor.supervisor;

/**
 * Thrown by a supervisor's init when a child fails to start, after the children already started have
 * been stopped; the starter turns it into a {@link dev.arbor.server.StartException} naming the child.
 */
final class ChildStartFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ChildStartFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
