package dev.arbor.sample.pool;

/**
 * Every resource is out. A checked exception that a {@code @Call} handler declares is a business
 * error: the runtime rethrows it at the caller and the pool goes on.
 */
public final class PoolEmptyException extends Exception {
  private static final long serialVersionUID = 1L;

  public PoolEmptyException(int size) {
    super("all " + size + " connections are checked out");
  }
}
