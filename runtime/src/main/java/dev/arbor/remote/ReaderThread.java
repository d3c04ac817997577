package dev.arbor.remote;

import dev.arbor.internal.Guest;
import java.util.Objects;

/**
 * A connection's reader thread, which runs the process a frame is for itself instead of waking a
 * carrier for it: the frame's kernel wake-up is then the round trip's only one on this node, where
 * queueing the process would add a wake-up of a sleeping CPU, most of a one-caller round trip on
 * loopback. A reader that delivers several processes' signals at once runs them one after another,
 * for up to 100 µs, and leaves the rest to the carriers.
 *
 * <p>While the process runs the connection is not read, so one that keeps the thread (it computes,
 * or blocks) is handed off: after 1 to 10 ms the runtime calls {@code onHeld}, once, on one
 * of its own threads, which starts another reader, and {@link #deliver} returns false to the old one
 * when the process lets it go.
 */
public final class ReaderThread {
  /** Code that delivers signals, and may throw {@code E}. */
  public interface Deliveries<E extends Exception> extends Guest.Deliveries<E> {}

  private ReaderThread() {}

  /**
   * Starts a daemon platform thread named {@code name} that runs {@code reading}, which delivers what
   * it reads through {@link #deliver}. {@code onHeld} starts a thread that takes over the reading.
   */
  public static Thread start(String name, Runnable reading, Runnable onHeld) {
    return Guest.start(Objects.requireNonNull(name, "name"), Objects.requireNonNull(reading, "reading"),
        Objects.requireNonNull(onHeld, "onHeld"));
  }

  /**
   * Runs {@code deliveries}; on a thread from {@link #start}, then runs the processes they woke on
   * this thread, each until it waits. True to go on reading; false when one of them kept this thread
   * so long that {@code onHeld} has run, and another thread reads now.
   */
  public static <E extends Exception> boolean deliver(Deliveries<E> deliveries) throws E {
    return Guest.deliver(Objects.requireNonNull(deliveries, "deliveries"));
  }
}
