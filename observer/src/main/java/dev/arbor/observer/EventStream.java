package dev.arbor.observer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One page's server-sent event stream: computes the page's data every {@code period}, or sooner when
 * {@link #nudge()}d (a restart wants the tree redrawn now), and sends it only when it changed, so an
 * idle page costs one computation per period and no traffic. Runs on the request's own virtual
 * thread until the browser goes away or the observer stops.
 */
final class EventStream {
  /**
   * A comment line when nothing else was sent for this long: keeps the stream from timing out, and
   * is how a stream whose data does not change learns that its browser went away (the write fails).
   */
  private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(5);
  /** Nudges closer together than this are coalesced: a burst of restarts redraws once. */
  private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean nudged;
  private volatile boolean closed;

  /** Makes the stream send its data again now rather than at the end of its period. Cheap; any thread. */
  void nudge() {
    lock.lock();
    try {
      nudged = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the stream at its next wake-up. */
  void close() {
    closed = true;
    nudge();
  }

  /**
   * Streams {@code data} until the browser disconnects or {@link #close()} is called. An exception
   * from {@code data} is sent as an {@code error} event rather than ending the stream.
   */
  void run(HttpExchange ex, long periodNanos, Supplier<String> data) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    String last = null;
    long lastWrite = System.nanoTime();
    while (!closed) {
      String event;
      String now;
      try {
        now = data.get();
        event = "data: ";
      } catch (Query.BadRequest | IllegalArgumentException e) {
        now = Json.of(e.getMessage());
        event = "event: failure\ndata: ";
      }
      if (!now.equals(last)) {
        write(out, event + now + "\n\n");
        last = now;
        lastWrite = System.nanoTime();
      } else if (System.nanoTime() - lastWrite > HEARTBEAT_NANOS) {
        write(out, ": heartbeat\n\n");
        lastWrite = System.nanoTime();
      }
      await(periodNanos);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void await(long periodNanos) {
    lock.lock();
    try {
      long left = periodNanos;
      while (!nudged && !closed && left > 0) {
        left = wake.awaitNanos(left);
      }
      nudged = false;
    } catch (InterruptedException e) {
      closed = true;
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    if (!closed) {
      try {
        Thread.sleep(MIN_GAP_NANOS / 1_000_000); // pacing between two sends, not waiting for an event
      } catch (InterruptedException e) {
        closed = true;
      }
    }
  }
}
