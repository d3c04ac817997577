package dev.arbor.server;

/**
 * A process could not start: its constructor or {@code @Init} threw (the cause), its start timed
 * out, its name was taken, or (for a supervisor) a child failed to start.
 */
public class StartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartException(String message, Throwable cause) {
    super(message, cause);
  }
}
