package dev.arbor.bench.spawn;

import dev.arbor.bench.call.Caller;
import dev.arbor.bench.call.VtCaller;
import java.util.concurrent.locks.LockSupport;

/**
 * The baseline: bare virtual threads, each parked in {@code LockSupport.park()} once started. A
 * virtual thread starts them one after another and, like a synchronous start, waits for each to run
 * before starting the next.
 */
final class VtSpawner implements Spawner {
  private final VtCaller caller = new VtCaller();
  private Thread[] threads = new Thread[0];
  private volatile int running;
  private volatile boolean stop;

  @Override
  public Caller caller() {
    return caller;
  }

  @Override
  public long startIdle(int count) throws Exception {
    Thread[] started = new Thread[count];
    long[] nanos = new long[1];
    Thread driver = Thread.ofVirtual().start(() -> {
      Thread me = Thread.currentThread();
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        int expected = i + 1;
        started[i] = Thread.ofVirtual().start(() -> {
          running = expected;
          LockSupport.unpark(me);
          while (!stop) {
            LockSupport.park();
          }
        });
        while (running != expected) {
          LockSupport.park();
        }
      }
      nanos[0] = System.nanoTime() - t0;
    });
    driver.join();
    threads = started;
    return nanos[0];
  }

  @Override
  public int alive() {
    int n = 0;
    for (Thread t : threads) {
      if (t.isAlive()) {
        n++;
      }
    }
    return n;
  }
}
