package dev.arbor.dist.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Frames a thread sends while a batch is open are queued, not written, and go out together when
 * the batch closes: one system call, and one wake-up of the peer's reader, for what would have been
 * several. A BEAM process gets this for free (its output leaves when it is scheduled out); a
 * {@code gen_server:call} made as OTP 24 makes it sends a monitor and then the request, and a batch
 * lets the two leave in one gathering write.
 *
 * <p>A {@linkplain #lazy() lazy} batch does not write when it closes: its frames leave with the
 * next frame anyone sends on that connection, or at the connection's next idle check (a quarter of
 * the net tick time at most). That suits a signal whose peer may learn of it late, such as the
 * demonitor after a call's reply, which then rides with the caller's next request instead of
 * costing a write and a wake-up of the peer's reader of its own. Order is kept: a frame sent later
 * by the same thread writes the lazy ones before it.
 *
 * <p>Open a batch only around sends, never around a wait: frames held by a thread that then blocks
 * would wait with it. Batches nest; the outermost one writes, unless every level of it was lazy.
 *
 * <pre>{@code
 * try (Batch batch = Batch.open()) {
 *   Proc.monitor(server);
 *   Proc.send(server, request);
 * } // both frames are written here
 * }</pre>
 */
public final class Batch implements AutoCloseable {
  private static final ThreadLocal<Batch> OPEN = new ThreadLocal<>();
  /**
   * How many threads have a batch open. Every send asks {@link #defers}; while this is 0 it answers
   * without the {@code ThreadLocal}, whose lookup would give each sending process a map of its own.
   */
  private static final AtomicInteger OPENED = new AtomicInteger();

  /** Connections this batch queued frames on, in the order they were first used. */
  private final List<Connection> held = new ArrayList<>(2);
  private int depth = 1;
  /** Whether the outermost close writes: false only while every level entered was lazy. */
  private boolean writes;

  private Batch() {}

  /** Opens a batch on the current thread, or enters the one already open. */
  public static Batch open() {
    return enter(true);
  }

  /** Opens a lazy batch, whose frames wait for a later write, or enters the batch already open. */
  public static Batch lazy() {
    return enter(false);
  }

  private static Batch enter(boolean writes) {
    Batch batch = OPEN.get();
    if (batch == null) {
      batch = new Batch();
      OPEN.set(batch);
      OPENED.incrementAndGet();
    } else {
      batch.depth++;
    }
    batch.writes |= writes;
    return batch;
  }

  /**
   * Whether the current thread has a batch open, which then takes {@code connection}'s flush
   * upon itself.
   */
  static boolean defers(Connection connection) {
    if (OPENED.get() == 0) {
      return false;
    }
    Batch batch = OPEN.get();
    if (batch == null) {
      return false;
    }
    if (!batch.held.contains(connection)) {
      batch.held.add(connection);
    }
    return true;
  }

  /** Leaves the batch; the outermost close writes every frame it held, unless it is lazy. */
  @Override
  public void close() {
    if (--depth > 0) {
      return;
    }
    OPEN.remove();
    OPENED.decrementAndGet();
    if (writes) {
      for (Connection connection : held) {
        connection.flush();
      }
    }
  }
}
