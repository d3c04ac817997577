package dev.arbor;

/**
 * A plain thread's process identity, from {@link Proc#adopt()}. Closing it exits the identity with
 * {@code normal}, so {@code try (var me = Proc.adopt()) { ... }} bounds it; if an exit signal ended
 * the identity inside the block and the thread took a fresh one, closing ends that one too.
 */
public final class Adopted implements AutoCloseable {
  private final Pid pid;
  private final Thread owner = Thread.currentThread();

  Adopted(Pid pid) {
    this.pid = pid;
  }

  public Pid pid() {
    return pid;
  }

  @Override
  public void close() {
    Proc.releaseAdopted(pid, owner);
  }
}
