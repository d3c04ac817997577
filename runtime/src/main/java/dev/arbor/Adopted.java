package dev.arbor;

/**
 * A plain thread's process identity, from {@link Proc#adopt()}. Closing it exits the identity with
 * {@code normal}, so {@code try (var me = Proc.adopt()) { ... }} bounds it.
 */
public final class Adopted implements AutoCloseable {
  private final Pid pid;

  Adopted(Pid pid) {
    this.pid = pid;
  }

  public Pid pid() {
    return pid;
  }

  @Override
  public void close() {
    Proc.releaseIfCurrent(pid);
  }
}
