package dev.arbor.bench.common;

import java.util.concurrent.locks.LockSupport;

/**
 * The floor under every call: a server on a bare virtual thread and one caller at a time, handing a
 * value over and back through volatile fields with one {@code unpark} each way and {@code park} while
 * waiting. No queue, no envelope, no allocation: what any actor runtime on virtual threads pays at
 * least for a round trip.
 */
public final class VtEcho implements AutoCloseable {
  private final Thread server;
  private volatile Thread caller;
  private volatile long request;
  private volatile boolean requested;
  private volatile long reply;
  private volatile boolean replied;
  private volatile boolean closed;

  public VtEcho() {
    server = Thread.ofVirtual().name("vt-echo").start(this::serve);
  }

  private void serve() {
    for (; ; ) {
      while (!requested) {
        if (closed) {
          return;
        }
        LockSupport.park();
      }
      requested = false;
      reply = request;
      replied = true;
      LockSupport.unpark(caller);
    }
  }

  /** One round trip from the current thread (virtual or platform); one caller at a time. */
  public long echo(long value) {
    replied = false;
    caller = Thread.currentThread();
    request = value;
    requested = true;
    LockSupport.unpark(server);
    while (!replied) {
      LockSupport.park();
    }
    return reply;
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(server);
  }
}
