package dev.arbor.bench.call;

import dev.arbor.bench.common.VtEcho;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline: {@link VtEcho}'s bare hand-off, called from a virtual thread (batches, as for a
 * process) or from the platform thread itself.
 */
public final class VtCaller implements Caller {
  private final VtEcho server = new VtEcho();
  private final Thread driver;
  private volatile Thread waiter;
  private volatile int pending;
  private volatile long result;
  private volatile boolean finished;
  private volatile boolean closed;

  public VtCaller() {
    driver = Thread.ofVirtual().name("vt-caller").start(this::drive);
  }

  private void drive() {
    for (; ; ) {
      int calls;
      while ((calls = pending) == 0) {
        if (closed) {
          return;
        }
        LockSupport.park();
      }
      pending = 0;
      long sum = 0;
      for (int i = calls; i > 0; i--) {
        sum += server.echo(i);
      }
      result = sum;
      finished = true;
      LockSupport.unpark(waiter);
    }
  }

  @Override
  public long fromProcess(int calls) {
    finished = false;
    waiter = Thread.currentThread();
    pending = calls;
    LockSupport.unpark(driver);
    while (!finished) {
      LockSupport.park();
    }
    return result;
  }

  @Override
  public long fromThread(long value) {
    return server.echo(value);
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(driver);
    server.close();
  }
}
